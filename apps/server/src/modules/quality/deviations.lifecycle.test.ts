import { describe, expect, it, vi } from 'vitest';
import { runWithContext } from '../../platform/context';
import { write } from '../../platform/write';
import type { Harness, TestUser } from '../../test/harness';
import { openDeviation } from './deviations.service';
import { openDeviationsOf } from './deviations.status';
import {
  batchesInRoom,
  expectStatus,
  reportDeviation,
  signature,
  UNKNOWN,
  withQualityPeople,
  type DeviationJson,
  type Problem,
  type QualityPeople,
} from './quality.fixtures';

describe('deviation lifecycle', () => {
  let h: Harness;
  let p: QualityPeople;
  withQualityPeople((world) => {
    ({ h, p } = world);
  });

  const url = (id: string, rest = '') => `/api/v1/deviations/${id}${rest}`;
  const call = <T = DeviationJson>(user: TestUser, method: string, path: string, body: unknown, status: number) => expectStatus<T>(h, user, method, path, body, status);
  const classify = (d: { id: string }, body: Record<string, unknown> = {}, user = p.qa, status = 200) =>
    call(user, 'POST', url(d.id, '/classify'), { severity: 'major', capaRequired: false, owner: p.operator.username, signature: signature('Classified'), ...body }, status);
  const investigate = (d: { id: string }, body: Record<string, unknown>, user = p.operator, status = 200) => call(user, 'PATCH', url(d.id, '/investigation'), body, status);
  const assess = (d: { id: string }, batchId: string, body: Record<string, unknown> = {}, status = 200) =>
    call(p.operator, 'PUT', url(d.id, `/batches/${batchId}/impact`), { impact: 'none', rationale: 'Closed system; the bag was never opened.', ...body }, status);
  const close = (d: { id: string }, user = p.qa, status = 200) => call(user, 'POST', url(d.id, '/close'), { conclusion: 'No product impact; retraining done.', signature: signature('Closed') }, status);
  const fullInvestigation = { investigation: 'Interviewed the operator; reviewed the door log.', rootCause: 'SOP step ambiguous', rootCauseCategory: 'method' };

  it('lets operators, QC and QA report a deviation, due after the closure period counted in the site time zone', async () => {
    const { room, batches } = await batchesInRoom(h, p.operator, 2);
    const byOperator = await reportDeviation(h, p.operator, { batchId: batches[0]!.id, batchIds: [batches[1]!.id], roomId: room.id, severity: 'major' });
    expect(byOperator).toMatchObject({ source: 'manual', status: 'open', severity: 'major', owner: null, overdue: false, capas: [], signatures: [] });
    expect(byOperator.batches.map((b) => b.id).sort()).toEqual(batches.map((b) => b.id).sort());
    expect(byOperator.batches.every((b) => b.impact === null)).toBe(true);
    // Opened today in Asia/Shanghai, due 30 calendar days later (the default for every severity).
    const todayLocal = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(byOperator.openedAt));
    expect(byOperator.dueDate).toBe(new Date(Date.parse(`${todayLocal}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10));
    await reportDeviation(h, p.qc);
    await reportDeviation(h, p.qa);
  });

  it('refuses bad reports, unknown batches and rooms, and roles that may not report', async () => {
    const post = (body: Record<string, unknown>, user = p.operator) => h.request(user, 'POST', '/api/v1/deviations', { title: 'T', description: 'D', severity: 'minor', ...body });
    for (const [body, path] of [
      [{ title: '' }, 'body.title'],
      [{ severity: 'catastrophic' }, 'body.severity'],
      [{ batchId: 'B-2026-0001' }, 'body.batchId'],
      [{ description: 'x'.repeat(4001) }, 'body.description'],
    ] as const) {
      const res = await post(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json<Problem>().errors!.map((e) => e.path)).toContain(path);
    }
    const unknownBatch = await post({ batchId: UNKNOWN });
    expect(unknownBatch.statusCode).toBe(422);
    expect(unknownBatch.json<Problem>()).toMatchObject({ code: 'deviation.unknown_batch', errors: [{ path: 'body.batchId' }] });
    expect((await post({ roomId: UNKNOWN })).json<Problem>()).toMatchObject({ code: 'deviation.unknown_room', errors: [{ path: 'body.roomId' }] });
    for (const user of [p.nurse, p.director, p.qp]) expect((await post({}, user)).statusCode).toBe(403);
  });

  it('is classified by QA only, with a signature; the owner must be able to do quality work', async () => {
    const d = await reportDeviation(h, p.operator);
    expect((await h.request(p.operator, 'POST', url(d.id, '/classify'), { severity: 'major', capaRequired: true, owner: p.operator.username, signature: signature('Classified') })).statusCode).toBe(403);
    const wrong = await h.request(p.qa, 'POST', url(d.id, '/classify'), { severity: 'major', capaRequired: true, owner: p.operator.username, signature: signature('Classified', 'wrong-password') });
    expect(wrong.statusCode).toBe(401);
    expect((await call(p.qa, 'GET', url(d.id), undefined, 200)).status).toBe('open');
    expect((await classify(d, { owner: 'nobody.here' }, p.qa, 422)) as unknown as Problem).toMatchObject({ code: 'quality.owner_unknown', errors: [{ path: 'body.owner' }] });
    expect((await classify(d, { owner: p.director.username }, p.qa, 422)) as unknown as Problem).toMatchObject({ code: 'quality.owner_not_allowed' });
    expect((await h.request(p.qa, 'POST', url(d.id, '/classify'), { severity: 'major', owner: p.qa.username, signature: signature('x') })).statusCode).toBe(400);
    const classified = await classify(d, { severity: 'critical', capaRequired: true });
    expect(classified).toMatchObject({ status: 'classified', severity: 'critical', capaRequired: true, owner: p.operator.username });
    expect(classified.signatures).toEqual([expect.objectContaining({ signer: p.qa.username, meaning: 'Classified', valid: true })]);
  });

  it('starts the investigation with its first entry; rewriting needs a reason; nothing before classification', async () => {
    const d = await reportDeviation(h, p.operator);
    expect((await investigate(d, { investigation: 'x' }, p.operator, 409)) as unknown as Problem).toMatchObject({ code: 'deviation.wrong_status', params: { status: 'open' } });
    await classify(d);
    expect(((await investigate(d, {}, p.operator, 422)) as unknown as Problem).code).toBe('deviation.nothing_to_record');
    expect((await investigate(d, { rootCauseCategory: 'luck' }, p.operator, 400)) as unknown as Problem).toMatchObject({ errors: [{ path: 'body.rootCauseCategory' }] });
    const started = await investigate(d, { investigation: 'Door log reviewed.' });
    expect(started).toMatchObject({ status: 'investigation', investigation: 'Door log reviewed.' });
    const rewrite = (await investigate(d, { investigation: 'Door log and CCTV reviewed.' }, p.operator, 422)) as unknown as Problem;
    expect(rewrite).toMatchObject({ code: 'gmp.reason_required', errors: [{ path: 'body.reason' }] });
    // Adding what was not yet written is no rewrite.
    await investigate(d, { rootCause: 'Badge reader let two people in' });
    await investigate(d, { investigation: 'Door log and CCTV reviewed.', reason: 'CCTV footage added' });
    const events = await h.database.query<{ action: string; reason: string | null }>(`SELECT action, reason FROM audit_events WHERE entity_type = 'deviation' AND entity_id = '${d.id}' ORDER BY seq`);
    expect(events.map((e) => e.action)).toEqual(['create', 'classify', 'investigate', 'investigate', 'investigate']);
    expect(events.at(-1)!.reason).toBe('CCTV footage added');
    expect((await investigate(d, { rootCause: 'x' }, p.nurse, 403)) as unknown as Problem).toBeTruthy();
  });

  it('assesses the impact on each affected batch, adds batches the investigation finds, reassessment needs a reason', async () => {
    const { batches } = await batchesInRoom(h, p.operator, 2);
    const [b1, b2] = [batches[0]!, batches[1]!];
    const d = await reportDeviation(h, p.operator, { batchId: b1.id });
    expect(((await assess(d, b1.id, {}, 409)) as unknown as Problem).code).toBe('deviation.wrong_status');
    await classify(d);
    expect(((await assess(d, b2.id, {}, 404)) as unknown as Problem).code).toBe('not-found');
    expect((await assess(d, b1.id, { impact: 'maybe' }, 400)) as unknown as Problem).toMatchObject({ errors: [{ path: 'body.impact' }] });
    const assessed = await assess(d, b1.id);
    expect(assessed.status).toBe('investigation');
    expect(assessed.batches).toEqual([expect.objectContaining({ id: b1.id, impact: 'none', assessedBy: p.operator.username })]);
    expect(((await assess(d, b1.id, { impact: 'acceptable' }, 422)) as unknown as Problem).code).toBe('gmp.reason_required');
    expect((await assess(d, b1.id, { impact: 'acceptable', reason: 'Viability dropped 3 %' })).batches[0]!.impact).toBe('acceptable');
    expect(((await call(p.operator, 'POST', url(d.id, '/batches'), { batchId: b1.id, reason: 'Same room' }, 409)) as unknown as Problem).code).toBe('deviation.batch_linked');
    expect(((await call(p.operator, 'POST', url(d.id, '/batches'), { batchId: UNKNOWN, reason: 'x' }, 422)) as unknown as Problem).code).toBe('deviation.unknown_batch');
    expect((await call(p.operator, 'POST', url(d.id, '/batches'), { batchId: b2.id }, 400)) as unknown as Problem).toMatchObject({ errors: [{ path: 'body.reason' }] });
    const added = await call(p.operator, 'POST', url(d.id, '/batches'), { batchId: b2.id, reason: 'Same incubator' }, 200);
    expect(added.batches.map((b) => b.id).sort()).toEqual([b1.id, b2.id].sort());
    expect(await openDeviationsOf(h.database.db, b2.id)).toEqual([expect.objectContaining({ id: d.id })]);
    const events = await h.database.query<{ action: string; reason: string | null }>(`SELECT action, reason FROM audit_events WHERE entity_type = 'deviation' AND entity_id = '${d.id}' AND action IN ('assess_impact', 'link_batches') ORDER BY seq`);
    expect(events).toEqual([
      { action: 'link_batches', reason: null },
      { action: 'assess_impact', reason: null },
      { action: 'assess_impact', reason: 'Viability dropped 3 %' },
      { action: 'link_batches', reason: 'Same incubator' },
    ]);
    expect((await h.request(p.nurse, 'PUT', url(d.id, `/batches/${b1.id}/impact`), { impact: 'none', rationale: 'x' })).statusCode).toBe(403);
  });

  it('refuses closure naming every missing piece, then closes with a signature and stops counting for release', async () => {
    const { batches } = await batchesInRoom(h, p.operator, 1);
    const batch = batches[0]!;
    const d = await reportDeviation(h, p.qc, { batchId: batch.id });
    const first = (await close(d, p.qa, 409)) as unknown as Problem & { missing: { kind: string; batchNumber?: string }[] };
    expect(first.code).toBe('deviation.closure_incomplete');
    expect(first.missing).toEqual([{ kind: 'classification' }, { kind: 'investigation' }, { kind: 'root_cause' }, { kind: 'impact', batchNumber: batch.batchNumber }]);
    expect(first.detail).toContain(`the impact on batch ${batch.batchNumber} is not assessed`);
    await classify(d, { capaRequired: true });
    await investigate(d, { investigation: fullInvestigation.investigation, rootCause: fullInvestigation.rootCause });
    await assess(d, batch.id);
    const second = (await close(d, p.qa, 409)) as unknown as Problem & { missing: { kind: string }[] };
    expect(second.missing).toEqual([{ kind: 'root_cause' }, { kind: 'capa' }]);
    expect(second.params).toMatchObject({ missing: 'root_cause, capa' });
    await investigate(d, { rootCauseCategory: 'method' });
    await call(p.qa, 'POST', '/api/v1/capas', {
      title: 'Clarify SOP-GMP-014',
      description: 'Rewrite the gowning step.',
      source: 'deviation',
      deviationId: d.id,
      owner: p.qa.username,
      actions: [{ kind: 'corrective', description: 'Revise SOP', owner: p.operator.username, dueDate: '2099-01-31' }],
      effectivenessCheck: { dueDate: '2099-06-30', criteria: 'No repeat in 3 months' },
    }, 201);
    expect((await h.request(p.operator, 'POST', url(d.id, '/close'), { conclusion: 'x', signature: signature('Closed') })).statusCode).toBe(403);
    expect((await h.request(p.qa, 'POST', url(d.id, '/close'), { signature: signature('Closed') })).statusCode).toBe(400);
    expect((await openDeviationsOf(h.database.db, batch.id)).map((x) => x.id)).toEqual([d.id]);
    const closed = await close(d);
    expect(closed).toMatchObject({ status: 'closed', closedBy: p.qa.username, conclusion: 'No product impact; retraining done.', overdue: false });
    expect(closed.capas).toHaveLength(1);
    expect(closed.signatures.map((s) => [s.meaning, s.valid])).toEqual([['Classified', true], ['Closed', true]]);
    expect(await openDeviationsOf(h.database.db, batch.id)).toEqual([]);
    // A closed deviation is final.
    expect((await close(d, p.qa, 409) as unknown as Problem).code).toBe('deviation.wrong_status');
    expect(((await investigate(d, { rootCause: 'x', reason: 'y' }, p.operator, 409)) as unknown as Problem).code).toBe('deviation.wrong_status');
    expect(((await classify(d, {}, p.qa, 409)) as unknown as Problem).code).toBe('deviation.wrong_status');
  });

  it('marks deviations overdue from the first minute of the day after the due date, site time', async () => {
    const actor = { id: null, username: 'system', displayName: 'System', roles: [] };
    // Opened 1 November 2030 at 11:00 in Shanghai: due 30 days later, 1 December, which ends at 16:00 UTC.
    const d = await runWithContext({ requestId: 't', actor }, () =>
      write(h.database.db, (w) => openDeviation(w, { title: 'Late', description: 'Late', severity: 'minor', source: 'manual', openedAt: new Date('2030-11-01T03:00:00Z') })),
    );
    expect(d.dueDate).toBe('2030-12-01');
    const seen = async (at: string) => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date(at));
      try {
        // A session opened at the faked time (one from today would have expired by 2030).
        const qa = await h.createTestUser({ roles: ['qa'] });
        const one = await call(qa, 'GET', url(d.id), undefined, 200);
        const overdue = (await call<{ items: { id: string }[] }>(qa, 'GET', '/api/v1/deviations?overdue=true', undefined, 200)).items.some((x) => x.id === d.id);
        const notOverdue = (await call<{ items: { id: string }[] }>(qa, 'GET', '/api/v1/deviations?overdue=false', undefined, 200)).items.some((x) => x.id === d.id);
        return [one.overdue, overdue, notOverdue];
      } finally {
        vi.useRealTimers();
      }
    };
    expect(await seen('2030-12-01T15:59:59Z')).toEqual([false, false, true]);
    expect(await seen('2030-12-01T16:00:00Z')).toEqual([true, true, false]);
  });

  it('filters by status, severity, owner and overdue, refusing bad filters', async () => {
    const d = await reportDeviation(h, p.operator, { severity: 'critical' });
    await classify(d, { severity: 'critical', owner: p.qc.username });
    const list = async (q: string) => (await call<{ items: DeviationJson[] }>(p.qa, 'GET', `/api/v1/deviations${q}`, undefined, 200)).items;
    expect((await list(`?owner=${p.qc.username}`)).map((x) => x.id)).toEqual([d.id]);
    expect((await list('?status=classified&severity=critical')).map((x) => x.id)).toContain(d.id);
    expect((await list('?severity=minor')).every((x) => x.severity === 'minor')).toBe(true);
    for (const q of ['?overdue=yes', '?severity=huge', '?status=pending']) expect((await h.request(p.qa, 'GET', `/api/v1/deviations${q}`)).statusCode, q).toBe(400);
  });

  it('lets QA set the closure period per severity, with a reason; new deviations follow it', async () => {
    expect(await call(p.operator, 'GET', '/api/v1/quality/deviation-close-days', undefined, 200)).toEqual({ minor: 30, major: 30, critical: 30 });
    expect((await h.request(p.operator, 'PUT', '/api/v1/quality/deviation-close-days', { critical: 15, reason: 'SOP-QA-002 v3' })).statusCode).toBe(403);
    expect((await h.request(p.nurse, 'GET', '/api/v1/quality/deviation-close-days')).statusCode).toBe(403);
    for (const body of [{ critical: 0, reason: 'x' }, { critical: 366, reason: 'x' }, { critical: 1.5, reason: 'x' }, { critical: 15 }]) {
      expect((await h.request(p.qa, 'PUT', '/api/v1/quality/deviation-close-days', body)).statusCode, JSON.stringify(body)).toBe(400);
    }
    expect(await call(p.qa, 'PUT', '/api/v1/quality/deviation-close-days', { critical: 15, major: 20, reason: 'SOP-QA-002 v3' }, 200)).toEqual({ minor: 30, major: 20, critical: 15 });
    expect(await call(p.qa, 'PUT', '/api/v1/quality/deviation-close-days', { critical: 10, reason: 'SOP-QA-002 v4' }, 200)).toEqual({ minor: 30, major: 20, critical: 10 });
    const d = await reportDeviation(h, p.operator, { severity: 'critical' });
    const opened = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(d.openedAt));
    expect(d.dueDate).toBe(new Date(Date.parse(`${opened}T00:00:00Z`) + 10 * 86_400_000).toISOString().slice(0, 10));
    // Reclassified as minor: due again after the minor period, still from the day it was opened.
    const minor = await classify(d, { severity: 'minor' });
    expect(minor.dueDate).toBe(new Date(Date.parse(`${opened}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10));
    const events = await h.database.query<{ action: string; reason: string | null }>(`SELECT action, reason FROM audit_events WHERE entity_type = 'deviation_due_rule' ORDER BY seq`);
    expect(events.map((e) => e.action)).toEqual(['create', 'create', 'update']);
    expect(events[2]!.reason).toBe('SOP-QA-002 v4');
  });
});
