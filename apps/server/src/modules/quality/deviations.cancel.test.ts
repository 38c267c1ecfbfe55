import { describe, expect, it } from 'vitest';
import { runWithContext } from '../../platform/context';
import { write } from '../../platform/write';
import type { Harness, TestUser } from '../../test/harness';
import { openDeviation, type NewDeviation } from './deviations.service';
import { openDeviationsOf } from './deviations.status';
import {
  batchesInRoom,
  expectStatus,
  reportDeviation,
  signature,
  withQualityPeople,
  type DeviationJson,
  type Problem,
  type QualityPeople,
} from './quality.fixtures';

type Cancelled = DeviationJson & { cancelledAt: string | null; cancelledBy: string | null; cancelReason: string | null };
type Check = { openDeviations: { id: string }[]; decisions: Record<string, { blockers: { code: string }[] }> };

const REASON = 'Reported twice: the same gowning lapse is already DEV-2026-0007.';

describe('cancelling a deviation opened in error', () => {
  let h: Harness;
  let p: QualityPeople;
  withQualityPeople((world) => {
    ({ h, p } = world);
  });

  const url = (id: string, rest = '') => `/api/v1/deviations/${id}${rest}`;
  const call = <T = Cancelled>(user: TestUser, method: string, path: string, body: unknown, status: number) => expectStatus<T>(h, user, method, path, body, status);
  const cancel = (d: { id: string }, body: Record<string, unknown> = {}, user = p.qa, status = 200) =>
    call(user, 'POST', url(d.id, '/cancel'), { reason: REASON, signature: { password: signature('x').password }, ...body }, status);
  const refused = async (d: { id: string }, body: Record<string, unknown>, status: number, user = p.qa) => (await cancel(d, body, user, status)) as unknown as Problem;
  const get = (d: { id: string }) => call(p.qa, 'GET', url(d.id), undefined, 200);
  const cancelEvents = (d: { id: string }) =>
    h.database.query<{ action: string; reason: string | null }>(`SELECT action, reason FROM audit_events WHERE entity_type = 'deviation' AND entity_id = '${d.id}' AND action = 'cancel'`);
  const cancelSignatures = (d: { id: string }) => h.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM signatures WHERE entity_type = 'deviation_cancellation' AND entity_id = '${d.id}'`);
  /** Nothing of a refused cancellation is stored: the deviation is as it was, with no event and no signature. */
  const unchanged = async (d: { id: string; status: string }) => {
    expect(await get(d)).toMatchObject({ status: d.status, cancelledAt: null, cancelledBy: null, cancelReason: null });
    expect(await cancelEvents(d)).toEqual([]);
    expect((await cancelSignatures(d))[0]!.n).toBe(0);
  };
  const byRule = (input: Partial<NewDeviation>) =>
    runWithContext({ requestId: 't', actor: { id: null, username: 'system', displayName: 'System', roles: [] } }, () =>
      write(h.database.db, (w) => openDeviation(w, { title: 'Action excursion in B-02', description: 'Settle plate 3 CFU', severity: 'major', source: 'em_excursion', ...input })),
    );

  it('is signed by QA with the reason, audited, shown with who, when and why, and ends the lifecycle', async () => {
    const d = await reportDeviation(h, p.operator);
    const done = await cancel(d);
    expect(done).toMatchObject({ status: 'cancelled', cancelledBy: p.qa.username, cancelReason: REASON, overdue: false });
    expect(Date.parse(done.cancelledAt!)).toBeGreaterThan(Date.parse(d.openedAt) - 1);
    expect(done.signatures).toEqual([expect.objectContaining({ signer: p.qa.username, meaning: 'Deviation cancelled: opened in error', valid: true })]);
    const events = await h.database.query<{ action: string; reason: string | null; after: { status: string } }>(
      `SELECT action, reason, after FROM audit_events WHERE entity_type = 'deviation' AND entity_id = '${d.id}' ORDER BY seq`,
    );
    expect(events.map((e) => [e.action, e.reason, e.after.status])).toEqual([
      ['create', null, 'open'],
      ['cancel', REASON, 'cancelled'],
    ]);
    // Kept and listed, never deleted; the lifecycle is over.
    expect((await call<{ items: { id: string }[] }>(p.qa, 'GET', '/api/v1/deviations?status=cancelled', undefined, 200)).items.map((x) => x.id)).toContain(d.id);
    expect((await refused(d, {}, 409)).code).toBe('deviation.wrong_status');
    const classify = { severity: 'major', capaRequired: false, owner: p.operator.username, signature: signature('Classified') };
    expect(((await call(p.qa, 'POST', url(d.id, '/classify'), classify, 409)) as unknown as Problem).code).toBe('deviation.wrong_status');
    expect(((await call(p.qa, 'POST', url(d.id, '/close'), { conclusion: 'x', signature: signature('Closed') }, 409)) as unknown as Problem).code).toBe('deviation.wrong_status');
  });

  it('cancels one already classified and under investigation, keeping the classification signature valid', async () => {
    const d = await reportDeviation(h, p.qc);
    await call(p.qa, 'POST', url(d.id, '/classify'), { severity: 'minor', capaRequired: false, owner: p.qc.username, signature: signature('Classified') }, 200);
    await call(p.qc, 'PATCH', url(d.id, '/investigation'), { investigation: 'Door log shows nobody entered.' }, 200);
    const done = await cancel(d, { signature: signature('Cancelled: no departure happened') });
    expect(done.status).toBe('cancelled');
    expect(done.signatures.map((s) => [s.meaning, s.valid])).toEqual([['Classified', true], ['Cancelled: no departure happened', true]]);
  });

  it('refuses a deviation a rule opened: it must be investigated and closed', async () => {
    const d = await byRule({});
    const problem = await refused(d, {}, 409);
    expect(problem).toMatchObject({ code: 'deviation.cancel_automatic', params: { number: d.number, source: 'em_excursion' } });
    expect(problem.detail).toContain('investigate it and close it');
    await unchanged({ id: d.id, status: 'open' });
  });

  it('refuses a closed deviation', async () => {
    const d = await reportDeviation(h, p.operator);
    await call(p.qa, 'POST', url(d.id, '/classify'), { severity: 'minor', capaRequired: false, owner: p.operator.username, signature: signature('Classified') }, 200);
    await call(p.operator, 'PATCH', url(d.id, '/investigation'), { investigation: 'Reviewed.', rootCause: 'Badge reader', rootCauseCategory: 'equipment' }, 200);
    const closed = await call(p.qa, 'POST', url(d.id, '/close'), { conclusion: 'No impact.', signature: signature('Closed') }, 200);
    expect(await refused(d, {}, 409)).toMatchObject({ code: 'deviation.wrong_status', params: { status: 'closed', action: 'cancelled' } });
    await unchanged(closed);
  });

  it('refuses while an open CAPA answers it; a cancelled deviation takes no CAPA', async () => {
    const d = await reportDeviation(h, p.operator);
    const capa = await call<{ number: string }>(p.qa, 'POST', '/api/v1/capas', {
      title: 'Retrain on gowning',
      description: 'Gowning retraining for suite B-02.',
      source: 'deviation',
      deviationId: d.id,
      owner: p.qa.username,
      actions: [{ kind: 'corrective', description: 'Retrain', owner: p.operator.username, dueDate: '2099-01-31' }],
      effectivenessCheck: { dueDate: '2099-06-30', criteria: 'No repeat in 3 months' },
    }, 201);
    expect(await refused(d, {}, 409)).toMatchObject({ code: 'deviation.cancel_capa_linked', params: { number: d.number, capas: capa.number } });
    await unchanged(d);

    const other = await reportDeviation(h, p.operator);
    await cancel(other);
    const late = await h.request(p.qa, 'POST', '/api/v1/capas', {
      title: 'T', description: 'D', source: 'deviation', deviationId: other.id, owner: p.qa.username,
      actions: [{ kind: 'corrective', description: 'A', owner: p.operator.username, dueDate: '2099-01-31' }],
      effectivenessCheck: { dueDate: '2099-06-30', criteria: 'C' },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json<Problem>().code).toBe('capa.deviation_cancelled');
  });

  it('needs a reason of a sentence (422) and refuses a bad one, changing nothing', async () => {
    const d = await reportDeviation(h, p.operator);
    expect((await call(p.qa, 'POST', url(d.id, '/cancel'), { signature: signature('x') }, 422)) as unknown as Problem).toMatchObject({ code: 'gmp.reason_required', errors: [{ path: 'body.reason' }] });
    expect(await refused(d, { reason: '   ' }, 422)).toMatchObject({ code: 'gmp.reason_required' });
    expect(await refused(d, { reason: '  Mistake   ' }, 422)).toMatchObject({ code: 'quality.reason_too_short', params: { min: 10 }, errors: [{ path: 'body.reason' }] });
    expect((await refused(d, { reason: 'x'.repeat(2001) }, 400)).errors!.map((e) => e.path)).toEqual(['body.reason']);
    expect((await refused(d, { signature: {} }, 400)).errors!.map((e) => e.path)).toContain('body.signature.password');
    await unchanged(d);
  });

  it('refuses a wrong password and every role but QA, changing nothing', async () => {
    const d = await reportDeviation(h, p.operator);
    expect(await refused(d, { signature: signature('x', 'not-my-password') }, 401)).toMatchObject({ code: 'signature.wrong_password' });
    for (const user of [p.operator, p.qc, p.qp, p.nurse]) expect((await h.request(user, 'POST', url(d.id, '/cancel'), { reason: REASON, signature: signature('x') })).statusCode).toBe(403);
    await unchanged(d);
  });

  it('stops blocking the release of its batch', async () => {
    const { batches } = await batchesInRoom(h, p.operator, 1);
    const batch = batches[0]!;
    const d = await reportDeviation(h, p.operator, { batchId: batch.id });
    const check = () => call<Check>(p.qa, 'GET', `/api/v1/batches/${batch.id}/release-check`, undefined, 200);
    const blocked = await check();
    expect(blocked.openDeviations.map((x) => x.id)).toEqual([d.id]);
    expect(blocked.decisions.release!.blockers.map((b) => b.code)).toContain('release.open_deviation');
    await cancel(d);
    const after = await check();
    expect(after.openDeviations).toEqual([]);
    expect(after.decisions.release!.blockers.map((b) => b.code)).not.toContain('release.open_deviation');
    expect(await openDeviationsOf(h.database.db, batch.id)).toEqual([]);
    // Still on the batch's own list of deviations: cancelled, not gone.
    expect((await call<{ items: Cancelled[] }>(p.qa, 'GET', `/api/v1/deviations?batchId=${batch.id}`, undefined, 200)).items.map((x) => [x.id, x.status])).toEqual([[d.id, 'cancelled']]);
  });

  it('is never overdue, and no longer counts as open in the overview', async () => {
    // Reported by a person on 1 January 2020: long past its due date.
    const d = await runWithContext({ requestId: 't', actor: { id: p.qc.id, username: p.qc.username, displayName: 'QC', roles: ['qc_analyst'] } }, () =>
      write(h.database.db, (w) => openDeviation(w, { title: 'Old report', description: 'Entered late', severity: 'minor', source: 'manual', openedAt: new Date('2020-01-01T00:00:00Z') })),
    );
    type Overview = { open: { deviations: number }; overdue: { deviations: { id: string }[] } };
    const overdueIds = async () => (await call<{ items: { id: string }[] }>(p.qa, 'GET', '/api/v1/deviations?overdue=true', undefined, 200)).items.map((x) => x.id);
    const before = await call<Overview>(p.qa, 'GET', '/api/v1/quality/overview', undefined, 200);
    expect((await get(d)).overdue).toBe(true);
    expect(await overdueIds()).toContain(d.id);
    expect(before.overdue.deviations.map((x) => x.id)).toContain(d.id);

    expect((await cancel(d)).overdue).toBe(false);
    expect(await overdueIds()).not.toContain(d.id);
    expect((await call<{ items: { id: string }[] }>(p.qa, 'GET', '/api/v1/deviations?overdue=false', undefined, 200)).items.map((x) => x.id)).toContain(d.id);
    const after = await call<Overview>(p.qa, 'GET', '/api/v1/quality/overview', undefined, 200);
    expect(after.overdue.deviations.map((x) => x.id)).not.toContain(d.id);
    expect(after.open.deviations).toBe(before.open.deviations - 1);
  });
});
