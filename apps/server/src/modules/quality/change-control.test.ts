import { describe, expect, it, vi } from 'vitest';
import { runWithContext } from '../../platform/context';
import type { Harness, TestUser } from '../../test/harness';
import { requestChange } from './change-control.service';
import { expectStatus, signature, UNKNOWN, withQualityPeople, type Problem, type QualityPeople, type SignatureJson } from './quality.fixtures';

type Change = {
  id: string;
  number: string;
  status: string;
  requestedBy: string;
  impact: Record<string, unknown> | null;
  assessedBy: string | null;
  approvedBy: string | null;
  implementedBy: string | null;
  closedBy: string | null;
  dueDate: string | null;
  overdue: boolean;
  effectivenessDueDate: string | null;
  signatures: SignatureJson[];
};

const IMPACT = {
  documents: ['SOP-MFG-031 Cryopreservation', 'BR-CART-GPC3 v4'],
  processes: ['CART-GPC3 step 9'],
  specifications: [],
  equipment: ['Controlled-rate freezer CRF-02'],
  validationRequired: true,
  validationNotes: 'Freeze-curve qualification with 3 engineering runs',
  regulatoryImpact: 'notification',
  regulatoryNotes: 'Annual report to NMPA under the IND',
  risk: 'Post-thaw viability could fall; controlled by the 3-run comparison against the current profile.',
};

describe('change control', () => {
  let h: Harness;
  let p: QualityPeople;
  withQualityPeople((world) => {
    ({ h, p } = world);
  });

  const call = <T = Change>(user: TestUser, method: string, path: string, body: unknown, status: number) => expectStatus<T>(h, user, method, `/api/v1${path}`, body, status);
  const request = (user: TestUser = p.qa, over: Record<string, unknown> = {}) =>
    call(user, 'POST', '/change-controls', {
      title: 'New freeze profile for CAR-T cryopreservation',
      description: 'Replace the 1 °C/min profile with the supplier-recommended stepped profile.',
      justification: 'Post-thaw viability trended down to 72 % over the last 8 batches.',
      category: 'process',
      implementationDueDate: '2099-03-31',
      ...over,
    }, 201);
  const approved = async () => {
    const c = await request(p.qa);
    await call(p.operator, 'POST', `/change-controls/${c.id}/assess`, { impact: IMPACT }, 200);
    return call(p.qa2, 'POST', `/change-controls/${c.id}/approve`, { signature: signature('Approved') }, 200);
  };

  it('goes draft → assessed → approved → implemented → closed, each step signed where it must be', async () => {
    const c = await request(p.operator);
    expect(c).toMatchObject({ number: expect.stringMatching(/^CC-\d{4}-\d{4}$/), status: 'draft', requestedBy: p.operator.username, impact: null, dueDate: '2099-03-31', overdue: false });
    const assessed = await call(p.qc, 'POST', `/change-controls/${c.id}/assess`, { impact: IMPACT }, 200);
    expect(assessed).toMatchObject({ status: 'assessed', assessedBy: p.qc.username, impact: IMPACT });
    const ok = await call(p.qa, 'POST', `/change-controls/${c.id}/approve`, { signature: signature('Approved') }, 200);
    expect(ok).toMatchObject({ status: 'approved', approvedBy: p.qa.username });
    const done = await call(p.operator, 'POST', `/change-controls/${c.id}/implement`, { note: 'SOP v5 effective, CRF-02 reprogrammed', effectivenessDueDate: '2099-09-30', signature: signature('Implemented') }, 200);
    expect(done).toMatchObject({ status: 'implemented', implementedBy: p.operator.username, dueDate: '2099-09-30', effectivenessDueDate: '2099-09-30' });
    const closed = await call(p.qa2, 'POST', `/change-controls/${c.id}/close`, { effectiveness: 'Viability 84–91 % in the next 6 batches', signature: signature('Closed') }, 200);
    expect(closed).toMatchObject({ status: 'closed', closedBy: p.qa2.username, dueDate: null, overdue: false });
    expect(closed.signatures.map((s) => [s.signer, s.meaning, s.valid])).toEqual([
      [p.qa.username, 'Approved', true],
      [p.operator.username, 'Implemented', true],
      [p.qa2.username, 'Closed', true],
    ]);
  });

  it('refuses approval by the requester, and steps out of order', async () => {
    const c = await request(p.qa);
    expect(((await call(p.qa, 'POST', `/change-controls/${c.id}/approve`, { signature: signature('Approved') }, 409)) as unknown as Problem).code).toBe('change_control.wrong_status');
    expect(((await call(p.operator, 'POST', `/change-controls/${c.id}/implement`, { note: 'x', effectivenessDueDate: '2099-09-30', signature: signature('Implemented') }, 409)) as unknown as Problem).code).toBe('change_control.wrong_status');
    await call(p.operator, 'POST', `/change-controls/${c.id}/assess`, { impact: IMPACT }, 200);
    expect(((await call(p.operator, 'POST', `/change-controls/${c.id}/assess`, { impact: IMPACT }, 409)) as unknown as Problem).code).toBe('change_control.wrong_status');
    const own = (await call(p.qa, 'POST', `/change-controls/${c.id}/approve`, { signature: signature('Approved') }, 409)) as unknown as Problem;
    expect(own).toMatchObject({ code: 'change_control.requester_cannot_approve', params: { requester: p.qa.username } });
    expect((await h.request(p.operator, 'POST', `/api/v1/change-controls/${c.id}/approve`, { signature: signature('Approved') })).statusCode).toBe(403);
    expect((await h.request(p.qa2, 'POST', `/api/v1/change-controls/${c.id}/approve`, { signature: signature('Approved', 'bad') })).statusCode).toBe(401);
    expect((await call(p.qa2, 'GET', `/change-controls/${c.id}`, undefined, 200)).status).toBe('assessed');
    expect(((await call(p.qa2, 'POST', `/change-controls/${c.id}/close`, { effectiveness: 'x', signature: signature('Closed') }, 409)) as unknown as Problem).code).toBe('change_control.wrong_status');
    expect((await h.request(p.operator, 'POST', `/api/v1/change-controls/${c.id}/close`, { effectiveness: 'x', signature: signature('Closed') })).statusCode).toBe(403);
  });

  it('needs a reason to edit; editing an assessed change sends it back to draft; an approved one is frozen', async () => {
    const c = await request(p.operator);
    expect((await call(p.operator, 'PATCH', `/change-controls/${c.id}`, { title: 'Better title' }, 400) as unknown as Problem).errors!.map((e) => e.path)).toEqual(['body.reason']);
    await call(p.operator, 'POST', `/change-controls/${c.id}/assess`, { impact: IMPACT }, 200);
    const back = await call(p.operator, 'PATCH', `/change-controls/${c.id}`, { title: 'Stepped freeze profile', reason: 'Title names the profile' }, 200);
    expect(back).toMatchObject({ status: 'draft', assessedBy: null });
    expect(((await call(p.operator, 'PATCH', `/change-controls/${c.id}`, { title: 'Stepped freeze profile', reason: 'x' }, 422)) as unknown as Problem).code).toBe('quality.nothing_to_change');
    const a = await approved();
    expect(((await call(p.operator, 'PATCH', `/change-controls/${a.id}`, { title: 'x', reason: 'y' }, 409)) as unknown as Problem).code).toBe('change_control.wrong_status');
    const events = await h.database.query<{ action: string; reason: string | null }>(`SELECT action, reason FROM audit_events WHERE entity_type = 'change_control' AND entity_id = '${c.id}' ORDER BY seq`);
    expect(events.map((e) => e.action)).toEqual(['create', 'assess', 'update']);
    expect(events[2]!.reason).toBe('Title names the profile');
  });

  it('refuses incomplete impact assessments, bad input, past dates and roles without quality rights', async () => {
    const c = await request(p.qa);
    for (const [impact, path] of [
      [{ ...IMPACT, validationNotes: undefined }, 'body.impact.validationNotes'],
      [{ ...IMPACT, regulatoryNotes: undefined }, 'body.impact.regulatoryNotes'],
      [{ ...IMPACT, regulatoryImpact: 'big' }, 'body.impact.regulatoryImpact'],
      [{ ...IMPACT, risk: '' }, 'body.impact.risk'],
    ] as const) {
      const res = await h.request(p.qa, 'POST', `/api/v1/change-controls/${c.id}/assess`, { impact });
      expect(res.statusCode, path).toBe(400);
      expect(res.json<Problem>().errors!.map((e) => e.path)).toContain(path);
    }
    for (const [body, path] of [
      [{ category: 'vibes' }, 'body.category'],
      [{ implementationDueDate: '2099-13-01' }, 'body.implementationDueDate'],
      [{ title: '' }, 'body.title'],
    ] as const) {
      const res = await h.request(p.qa, 'POST', '/api/v1/change-controls', { title: 'T', description: 'D', justification: 'J', category: 'document', implementationDueDate: '2099-01-01', ...body });
      expect(res.statusCode, path).toBe(400);
      expect(res.json<Problem>().errors!.map((e) => e.path)).toContain(path);
    }
    const past = await h.request(p.qa, 'POST', '/api/v1/change-controls', { title: 'T', description: 'D', justification: 'J', category: 'document', implementationDueDate: '2001-01-01' });
    expect(past.json<Problem>()).toMatchObject({ code: 'quality.due_date_past', errors: [{ path: 'body.implementationDueDate' }] });
    for (const user of [p.nurse, p.director, p.qp]) {
      expect((await h.request(user, 'POST', '/api/v1/change-controls', { title: 'T', description: 'D', justification: 'J', category: 'document', implementationDueDate: '2099-01-01' })).statusCode).toBe(403);
      expect((await h.request(user, 'POST', `/api/v1/change-controls/${c.id}/assess`, { impact: IMPACT })).statusCode).toBe(403);
    }
    expect((await h.request(p.nurse, 'GET', '/api/v1/change-controls')).statusCode).toBe(403);
    expect((await h.request(p.director, 'GET', '/api/v1/change-controls')).statusCode).toBe(200);
    expect((await h.request(p.qa, 'GET', `/api/v1/change-controls/${UNKNOWN}`)).statusCode).toBe(404);
    for (const q of ['?status=open', '?overdue=maybe', '?category=x']) expect((await h.request(p.qa, 'GET', `/api/v1/change-controls${q}`)).statusCode, q).toBe(400);
  });

  it('is overdue from the day after the current stage is due, in the site time zone; filters by owner', async () => {
    const actor = { id: p.operator.id, username: p.operator.username, displayName: 'Op', roles: ['operator'] };
    const c = await runWithContext({ requestId: 't', actor }, () =>
      requestChange(h.database.db, { title: 'Late change', description: 'D', justification: 'J', category: 'equipment', implementationDueDate: '2032-05-20' }, new Date('2032-05-01T00:00:00Z')),
    );
    const seen = async (at: string) => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date(at));
      try {
        const qa = await h.createTestUser({ roles: ['qa'] });
        const one = await call(qa, 'GET', `/change-controls/${c.id}`, undefined, 200);
        const listed = (await call<{ items: Change[] }>(qa, 'GET', '/change-controls?overdue=true', undefined, 200)).items.some((x) => x.id === c.id);
        const overview = await call<{ overdue: { changeControls: { id: string }[] } }>(qa, 'GET', '/quality/overview', undefined, 200);
        return [one.overdue, listed, overview.overdue.changeControls.some((x) => x.id === c.id)];
      } finally {
        vi.useRealTimers();
      }
    };
    expect(await seen('2032-05-20T15:59:00Z')).toEqual([false, false, false]);
    expect(await seen('2032-05-20T16:00:00Z')).toEqual([true, true, true]);
    const mine = (await call<{ items: Change[] }>(p.qa, 'GET', `/change-controls?owner=${p.operator.username}`, undefined, 200)).items;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((x) => x.requestedBy === p.operator.username)).toBe(true);
  });
});
