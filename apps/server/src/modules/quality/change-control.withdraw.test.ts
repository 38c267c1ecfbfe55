import { describe, expect, it } from 'vitest';
import { runWithContext } from '../../platform/context';
import type { Harness, TestUser } from '../../test/harness';
import { requestChange } from './change-control.service';
import { expectStatus, signature, withQualityPeople, type Problem, type QualityPeople, type SignatureJson } from './quality.fixtures';

type Change = {
  id: string;
  number: string;
  status: string;
  requestedBy: string;
  dueDate: string | null;
  overdue: boolean;
  withdrawnAt: string | null;
  withdrawnBy: string | null;
  withdrawReason: string | null;
  signatures: SignatureJson[];
};
type Overview = { open: { changeControls: number }; overdue: { changeControls: { id: string }[] } };

const REASON = 'Superseded by CC-2026-0031, which replaces the freezer instead.';
const IMPACT = {
  documents: ['SOP-MFG-031'],
  processes: [],
  specifications: [],
  equipment: [],
  validationRequired: false,
  regulatoryImpact: 'none',
  risk: 'Low: a document change only.',
};

describe('withdrawing a change control', () => {
  let h: Harness;
  let p: QualityPeople;
  withQualityPeople((world) => {
    ({ h, p } = world);
  });

  const call = <T = Change>(user: TestUser, method: string, path: string, body: unknown, status: number) => expectStatus<T>(h, user, method, `/api/v1${path}`, body, status);
  const request = (user: TestUser) =>
    call(user, 'POST', '/change-controls', { title: 'Stepped freeze profile', description: 'D', justification: 'J', category: 'process', implementationDueDate: '2099-03-31' }, 201);
  const withdraw = (c: { id: string }, body: Record<string, unknown> = {}, user = p.qa, status = 200) =>
    call(user, 'POST', `/change-controls/${c.id}/withdraw`, { reason: REASON, signature: { password: signature('x').password }, ...body }, status);
  const refused = async (c: { id: string }, body: Record<string, unknown>, status: number, user = p.qa) => (await withdraw(c, body, user, status)) as unknown as Problem;
  /** Nothing of a refused withdrawal is stored: same status, no event, no signature. */
  const unchanged = async (c: { id: string; status: string }) => {
    expect(await call(p.qa, 'GET', `/change-controls/${c.id}`, undefined, 200)).toMatchObject({ status: c.status, withdrawnAt: null, withdrawnBy: null, withdrawReason: null });
    expect(await h.database.query(`SELECT 1 FROM audit_events WHERE entity_type = 'change_control' AND entity_id = '${c.id}' AND action = 'withdraw'`)).toEqual([]);
    expect(await h.database.query(`SELECT 1 FROM signatures WHERE entity_type = 'change_control_withdrawal' AND entity_id = '${c.id}'`)).toEqual([]);
  };

  it('lets the requester withdraw their draft, signed, with the reason in the audit trail; the lifecycle ends', async () => {
    const c = await request(p.operator);
    const done = await withdraw(c, {}, p.operator);
    expect(done).toMatchObject({ status: 'withdrawn', withdrawnBy: p.operator.username, withdrawReason: REASON, dueDate: null, overdue: false });
    expect(done.withdrawnAt).not.toBeNull();
    expect(done.signatures).toEqual([expect.objectContaining({ signer: p.operator.username, meaning: 'Change withdrawn', valid: true })]);
    const events = await h.database.query<{ action: string; reason: string | null }>(`SELECT action, reason FROM audit_events WHERE entity_type = 'change_control' AND entity_id = '${c.id}' ORDER BY seq`);
    expect(events).toEqual([
      { action: 'create', reason: null },
      { action: 'withdraw', reason: REASON },
    ]);
    expect((await call<{ items: Change[] }>(p.qa, 'GET', '/change-controls?status=withdrawn', undefined, 200)).items.map((x) => x.id)).toContain(c.id);
    expect(((await call(p.operator, 'POST', `/change-controls/${c.id}/assess`, { impact: IMPACT }, 409)) as unknown as Problem).code).toBe('change_control.wrong_status');
    expect(((await call(p.operator, 'PATCH', `/change-controls/${c.id}`, { title: 'x', reason: 'y' }, 409)) as unknown as Problem).code).toBe('change_control.wrong_status');
    expect(await refused(c, {}, 409, p.operator)).toMatchObject({ code: 'change_control.wrong_status', params: { status: 'withdrawn' } });
  });

  it("lets QA withdraw someone else's approved change; the approval signature stays valid", async () => {
    const c = await request(p.operator);
    await call(p.qc, 'POST', `/change-controls/${c.id}/assess`, { impact: IMPACT }, 200);
    await call(p.qa, 'POST', `/change-controls/${c.id}/approve`, { signature: signature('Approved') }, 200);
    const done = await withdraw(c, { signature: signature('Withdrawn: no longer needed') }, p.qa2);
    expect(done).toMatchObject({ status: 'withdrawn', withdrawnBy: p.qa2.username });
    expect(done.signatures.map((s) => [s.signer, s.meaning, s.valid])).toEqual([
      [p.qa.username, 'Approved', true],
      [p.qa2.username, 'Withdrawn: no longer needed', true],
    ]);
  });

  it('refuses once implemented', async () => {
    const c = await request(p.operator);
    await call(p.qc, 'POST', `/change-controls/${c.id}/assess`, { impact: IMPACT }, 200);
    await call(p.qa, 'POST', `/change-controls/${c.id}/approve`, { signature: signature('Approved') }, 200);
    await call(p.operator, 'POST', `/change-controls/${c.id}/implement`, { note: 'SOP v5 effective', effectivenessDueDate: '2099-09-30', signature: signature('Implemented') }, 200);
    expect(await refused(c, {}, 409, p.operator)).toMatchObject({ code: 'change_control.wrong_status', params: { status: 'implemented', action: 'withdrawn' } });
    await unchanged({ id: c.id, status: 'implemented' });
  });

  it('refuses others than the requester and QA, changing nothing', async () => {
    const c = await request(p.operator);
    expect(await refused(c, {}, 403, p.qc)).toMatchObject({ code: 'change_control.withdraw_not_allowed', params: { number: c.number, requester: p.operator.username } });
    for (const user of [p.nurse, p.director, p.qp]) expect((await h.request(user, 'POST', `/api/v1/change-controls/${c.id}/withdraw`, { reason: REASON, signature: signature('x') })).statusCode).toBe(403);
    await unchanged(c);
  });

  it('needs a reason of a sentence (422) and the right password, changing nothing', async () => {
    const c = await request(p.operator);
    expect((await call(p.operator, 'POST', `/change-controls/${c.id}/withdraw`, { signature: signature('x') }, 422)) as unknown as Problem).toMatchObject({ code: 'gmp.reason_required', errors: [{ path: 'body.reason' }] });
    expect(await refused(c, { reason: 'Not used.' }, 422, p.operator)).toMatchObject({ code: 'quality.reason_too_short', params: { min: 10 } });
    expect((await refused(c, { reason: 'x'.repeat(2001) }, 400, p.operator)).errors!.map((e) => e.path)).toEqual(['body.reason']);
    expect(await refused(c, { signature: signature('x', 'not-my-password') }, 401, p.operator)).toMatchObject({ code: 'signature.wrong_password' });
    await unchanged(c);
  });

  it('is never overdue once withdrawn, and no longer counts as open', async () => {
    const actor = { id: p.operator.id, username: p.operator.username, displayName: 'Op', roles: ['operator'] };
    // Requested in January 2020 for February 2020: long overdue.
    const c = await runWithContext({ requestId: 't', actor }, () =>
      requestChange(h.database.db, { title: 'Old change', description: 'D', justification: 'J', category: 'document', implementationDueDate: '2020-02-01' }, new Date('2020-01-01T00:00:00Z')),
    );
    const overdueIds = async () => (await call<{ items: Change[] }>(p.qa, 'GET', '/change-controls?overdue=true', undefined, 200)).items.map((x) => x.id);
    const before = await call<Overview>(p.qa, 'GET', '/quality/overview', undefined, 200);
    expect(c.overdue).toBe(true);
    expect(await overdueIds()).toContain(c.id);
    expect(before.overdue.changeControls.map((x) => x.id)).toContain(c.id);

    expect(await withdraw(c, {}, p.operator)).toMatchObject({ overdue: false, dueDate: null });
    expect(await overdueIds()).not.toContain(c.id);
    expect((await call<{ items: Change[] }>(p.qa, 'GET', '/change-controls?overdue=false', undefined, 200)).items.map((x) => x.id)).toContain(c.id);
    const after = await call<Overview>(p.qa, 'GET', '/quality/overview', undefined, 200);
    expect(after.overdue.changeControls.map((x) => x.id)).not.toContain(c.id);
    expect(after.open.changeControls).toBe(before.open.changeControls - 1);
  });
});
