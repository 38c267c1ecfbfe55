import { describe, expect, it, vi } from 'vitest';
import { runWithContext } from '../../platform/context';
import type { Harness, TestUser } from '../../test/harness';
import type { CreateCapaBody } from './capa.schema';
import { createCapa } from './capa.service';
import { expectStatus, reportDeviation, signature, UNKNOWN, withQualityPeople, type Problem, type QualityPeople, type SignatureJson } from './quality.fixtures';

type Action = { id: string; position: number; owner: string; dueDate: string; status: string; overdue: boolean; completedBy: string | null; signatures: SignatureJson[] };
type Capa = {
  id: string;
  number: string;
  status: string;
  source: string;
  deviationId: string | null;
  deviationNumber: string | null;
  owner: string;
  effectivenessDueDate: string;
  actionsTotal: number;
  actionsOpen: number;
  actionsOverdue: number;
  effectivenessOverdue: boolean;
  overdue: boolean;
  closedAt: string | null;
  actions: Action[];
  checks: { result: string; checkedBy: string; signatures: SignatureJson[] }[];
};

describe('CAPA', () => {
  let h: Harness;
  let p: QualityPeople;
  withQualityPeople((world) => {
    ({ h, p } = world);
  });

  const call = <T = Capa>(user: TestUser, method: string, path: string, body: unknown, status: number) => expectStatus<T>(h, user, method, `/api/v1${path}`, body, status);
  const body = (over: Record<string, unknown> = {}) => ({
    title: 'Prevent repeat endotoxin OOS in AAV lots',
    description: 'Two AAV lots exceeded the endotoxin limit after the new TFF membrane supplier.',
    source: 'oos',
    sourceReference: 'OOS-2026-0004',
    owner: p.qa.username,
    actions: [
      { kind: 'corrective', description: 'Quarantine remaining membranes of lot M-7781', owner: p.operator.username, dueDate: '2099-01-15' },
      { kind: 'preventive', description: 'Add endotoxin test to membrane incoming inspection', owner: p.qc.username, dueDate: '2099-02-15' },
    ],
    effectivenessCheck: { dueDate: '2099-06-30', criteria: 'No endotoxin OOS in the next 10 AAV lots' },
    ...over,
  });
  const complete = (c: Capa, a: Action, user: TestUser, status = 200) =>
    call(user, 'POST', `/capas/${c.id}/actions/${a.id}/complete`, { note: 'Done; evidence in QMS folder 7', signature: signature('Completed') }, status);
  const check = (c: Capa, over: Record<string, unknown> = {}, user = p.qa, status = 200) =>
    call(user, 'POST', `/capas/${c.id}/effectiveness-check`, { result: 'effective', evidence: '10 lots conforming', signature: signature('Effective'), ...over }, status);

  it('opens a CAPA with owned actions, numbered CAPA-YYYY-NNNN', async () => {
    const capa = await call(p.operator, 'POST', '/capas', body(), 201);
    expect(capa).toMatchObject({ number: expect.stringMatching(/^CAPA-\d{4}-\d{4}$/), status: 'open', source: 'oos', actionsTotal: 2, actionsOpen: 2, overdue: false, checks: [] });
    expect(capa.actions.map((a) => [a.position, a.owner, a.status])).toEqual([[1, p.operator.username, 'open'], [2, p.qc.username, 'open']]);
  });

  it('refuses bad input: no actions, bad dates, unknown or unfit owners, past dates, deviation rules', async () => {
    const post = (over: Record<string, unknown>, user = p.qa) => h.request(user, 'POST', '/api/v1/capas', body(over));
    for (const [over, path] of [
      [{ actions: [] }, 'body.actions'],
      [{ source: 'rumour' }, 'body.source'],
      [{ effectivenessCheck: { dueDate: '2099-02-30', criteria: 'x' } }, 'body.effectivenessCheck.dueDate'],
      [{ source: 'deviation' }, 'body.deviationId'],
      [{ deviationId: UNKNOWN }, 'body.deviationId'],
      [{ actions: [{ kind: 'corrective', description: 'x', owner: p.qa.username, dueDate: '31/01/2099' }] }, 'body.actions.0.dueDate'],
    ] as const) {
      const res = await post(over);
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(res.json<Problem>().errors!.map((e) => e.path)).toContain(path);
    }
    const unknownOwner = await post({ actions: [{ kind: 'corrective', description: 'x', owner: 'ghost', dueDate: '2099-01-01' }] });
    expect(unknownOwner.json<Problem>()).toMatchObject({ code: 'quality.owner_unknown', errors: [{ path: 'body.actions.0.owner' }] });
    expect((await post({ owner: p.nurse.username })).json<Problem>()).toMatchObject({ code: 'quality.owner_not_allowed', errors: [{ path: 'body.owner' }] });
    const past = await post({ effectivenessCheck: { dueDate: '2020-01-01', criteria: 'x' } });
    expect(past.statusCode).toBe(422);
    expect(past.json<Problem>()).toMatchObject({ code: 'quality.due_date_past', errors: [{ path: 'body.effectivenessCheck.dueDate' }] });
    expect((await post({ source: 'deviation', sourceReference: undefined, deviationId: UNKNOWN })).json<Problem>().code).toBe('capa.unknown_deviation');
    for (const user of [p.nurse, p.director, p.qp]) expect((await post({}, user)).statusCode).toBe(403);
  });

  it('only the owner signs an action done; the last one moves the CAPA to its effectiveness check', async () => {
    const capa = await call(p.qa, 'POST', '/capas', body(), 201);
    const [a1, a2] = capa.actions as [Action, Action];
    expect((await complete(capa, a1, p.qc, 409)) as unknown as Problem).toMatchObject({ code: 'capa.not_action_owner', params: { owner: p.operator.username } });
    expect((await h.request(p.operator, 'POST', `/api/v1/capas/${capa.id}/actions/${a1.id}/complete`, { note: 'x', signature: signature('Completed', 'nope') })).statusCode).toBe(401);
    expect((await h.request(p.operator, 'POST', `/api/v1/capas/${capa.id}/actions/${a1.id}/complete`, { signature: signature('Completed') })).statusCode).toBe(400);
    expect((await h.request(p.nurse, 'POST', `/api/v1/capas/${capa.id}/actions/${a1.id}/complete`, { note: 'x', signature: signature('Completed') })).statusCode).toBe(403);
    const one = await complete(capa, a1, p.operator);
    expect(one).toMatchObject({ status: 'open', actionsOpen: 1 });
    expect(one.actions[0]).toMatchObject({ status: 'completed', completedBy: p.operator.username, signatures: [expect.objectContaining({ signer: p.operator.username, valid: true })] });
    expect(((await complete(capa, a1, p.operator, 409)) as unknown as Problem).code).toBe('capa.action_completed');
    expect(((await check(capa, {}, p.qa, 409)) as unknown as Problem)).toMatchObject({ code: 'capa.actions_open', params: { actions: '2' } });
    expect((await call(p.qc, 'PATCH', `/capas/${capa.id}/actions/${a1.id}`, { dueDate: '2099-03-01', reason: 'x' }, 409) as unknown as Problem).code).toBe('capa.action_completed');
    const both = await complete(capa, a2, p.qc);
    expect(both).toMatchObject({ status: 'effectiveness_check', actionsOpen: 0 });
  });

  it('QA signs the effectiveness check: not effective reopens for new actions with a next date; effective closes', async () => {
    const capa = await call(p.qa, 'POST', '/capas', body({ actions: [body().actions[0]] }), 201);
    await complete(capa, capa.actions[0]!, p.operator);
    expect((await h.request(p.operator, 'POST', `/api/v1/capas/${capa.id}/effectiveness-check`, { result: 'effective', evidence: 'x', signature: signature('Effective') })).statusCode).toBe(403);
    expect((await check(capa, { result: 'maybe' }, p.qa, 400)) as unknown as Problem).toMatchObject({ errors: [{ path: 'body.result' }] });
    expect((await check(capa, { result: 'not_effective' }, p.qa, 422)) as unknown as Problem).toMatchObject({ code: 'capa.next_check_required', errors: [{ path: 'body.nextDueDate' }] });
    const reopened = await check(capa, { result: 'not_effective', evidence: 'OOS again in lot 3', nextDueDate: '2099-12-31', signature: signature('Not effective') });
    expect(reopened).toMatchObject({ status: 'open', effectivenessDueDate: '2099-12-31', checks: [{ result: 'not_effective', checkedBy: p.qa.username }] });
    expect(((await check(reopened, {}, p.qa, 409)) as unknown as Problem).code).toBe('capa.needs_new_action');
    const more = await call(p.qa, 'POST', `/capas/${capa.id}/actions`, { kind: 'preventive', description: 'Second supplier qualification', owner: p.qc.username, dueDate: '2099-09-30' }, 200);
    expect(more.actions.map((a) => a.position)).toEqual([1, 2]);
    await complete(more, more.actions[1]!, p.qc);
    const closed = await check(more, { evidence: 'No OOS in 10 lots' });
    expect(closed).toMatchObject({ status: 'closed', overdue: false, closedAt: expect.any(String) });
    expect(closed.checks.map((c) => [c.result, c.signatures[0]!.valid])).toEqual([['not_effective', true], ['effective', true]]);
    expect(((await check(closed, {}, p.qa, 409)) as unknown as Problem).code).toBe('capa.wrong_status');
    expect(((await call(p.qa, 'POST', `/capas/${capa.id}/actions`, body().actions[0], 409)) as unknown as Problem).code).toBe('capa.wrong_status');
  });

  it('changes a CAPA or an action only with a reason, audited', async () => {
    const capa = await call(p.qa, 'POST', '/capas', body(), 201);
    expect((await call(p.qa, 'PATCH', `/capas/${capa.id}`, { owner: p.qa2.username }, 400) as unknown as Problem).errors!.map((e) => e.path)).toEqual(['body.reason']);
    expect(((await call(p.qa, 'PATCH', `/capas/${capa.id}`, { owner: capa.owner, reason: 'x' }, 422)) as unknown as Problem).code).toBe('quality.nothing_to_change');
    expect((await call(p.qa, 'PATCH', `/capas/${capa.id}`, { owner: p.qa2.username, reason: 'Handover' }, 200)).owner).toBe(p.qa2.username);
    const moved = await call(p.qa, 'PATCH', `/capas/${capa.id}/actions/${capa.actions[0]!.id}`, { dueDate: '2099-03-01', owner: p.qc.username, reason: 'Supplier delay' }, 200);
    expect(moved.actions[0]).toMatchObject({ dueDate: '2099-03-01', owner: p.qc.username });
    expect((await call(p.qa, 'PATCH', `/capas/${capa.id}/actions/${UNKNOWN}`, { dueDate: '2099-03-01', reason: 'x' }, 404) as unknown as Problem).code).toBe('not-found');
    const events = await h.database.query<{ entity_type: string; reason: string }>(`SELECT entity_type, reason FROM audit_events WHERE action = 'update' AND entity_type IN ('capa', 'capa_action') ORDER BY seq DESC LIMIT 2`);
    expect(events).toEqual([
      { entity_type: 'capa_action', reason: 'Supplier delay' },
      { entity_type: 'capa', reason: 'Handover' },
    ]);
    expect((await h.request(p.nurse, 'PATCH', `/api/v1/capas/${capa.id}`, { title: 'x', reason: 'y' })).statusCode).toBe(403);
  });

  it('links to an open deviation only, and shows on it', async () => {
    const d = await reportDeviation(h, p.operator);
    const capa = await call(p.qa, 'POST', '/capas', body({ source: 'deviation', sourceReference: undefined, deviationId: d.id }), 201);
    expect(capa).toMatchObject({ deviationId: d.id, deviationNumber: d.number });
    const detail = await call<{ capas: { number: string }[] }>(p.qa, 'GET', `/deviations/${d.id}`, undefined, 200);
    expect(detail.capas.map((c) => c.number)).toEqual([capa.number]);
    expect((await call<{ items: Capa[] }>(p.qa, 'GET', `/capas?deviationId=${d.id}`, undefined, 200)).items.map((c) => c.id)).toEqual([capa.id]);
    await h.database.query(`UPDATE deviations SET status = 'closed' WHERE id = '${d.id}'`);
    expect(((await call(p.qa, 'POST', '/capas', body({ source: 'deviation', deviationId: d.id }), 409)) as unknown as Problem).code).toBe('capa.deviation_closed');
  });

  it('shows overdue actions and checks from the day after their due date, site time; filters by owner and status', async () => {
    // Opened 1 March 2031 (a record entered with its real date); action due 10 March, check due 31 March.
    const actor = { id: null, username: p.qa.username, displayName: 'QA', roles: ['qa'] };
    const created = await runWithContext({ requestId: 't', actor }, () =>
      createCapa(h.database.db, { ...body(), actions: [{ kind: 'corrective', description: 'Fix', owner: p.qa2.username, dueDate: '2031-03-10' }], effectivenessCheck: { dueDate: '2031-03-31', criteria: 'x' } } as CreateCapaBody, new Date('2031-03-01T02:00:00Z')),
    );
    const seen = async (at: string) => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date(at));
      try {
        const qa = await h.createTestUser({ roles: ['qa'] });
        const one = await call(qa, 'GET', `/capas/${created.id}`, undefined, 200);
        const listed = (await call<{ items: Capa[] }>(qa, 'GET', '/capas?overdue=true', undefined, 200)).items.some((c) => c.id === created.id);
        return { action: one.actions[0]!.overdue, actionsOverdue: one.actionsOverdue, check: one.effectivenessOverdue, overdue: one.overdue, listed };
      } finally {
        vi.useRealTimers();
      }
    };
    // 10 March ends at 16:00 UTC in Shanghai.
    expect(await seen('2031-03-10T15:59:00Z')).toEqual({ action: false, actionsOverdue: 0, check: false, overdue: false, listed: false });
    expect(await seen('2031-03-10T16:00:00Z')).toEqual({ action: true, actionsOverdue: 1, check: false, overdue: true, listed: true });
    expect(await seen('2031-03-31T16:00:00Z')).toEqual({ action: true, actionsOverdue: 1, check: true, overdue: true, listed: true });
    const list = async (q: string) => (await call<{ items: Capa[] }>(p.qa, 'GET', `/capas${q}`, undefined, 200)).items.map((c) => c.id);
    expect(await list(`?owner=${p.qa2.username}`)).toContain(created.id);
    expect(await list(`?owner=${p.nurse.username}`)).toEqual([]);
    expect(await list('?status=closed')).not.toContain(created.id);
    for (const q of ['?overdue=1', '?status=done', '?deviationId=x']) expect((await h.request(p.qa, 'GET', `/api/v1/capas${q}`)).statusCode, q).toBe(400);
    expect((await h.request(p.nurse, 'GET', '/api/v1/capas')).statusCode).toBe(403);
    expect((await h.request(p.nurse, 'GET', `/api/v1/capas/${created.id}`)).statusCode).toBe(403);
    expect((await h.request(p.qa, 'GET', `/api/v1/capas/${UNKNOWN}`)).statusCode).toBe(404);
  });
});
