import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness, TestUser } from '../../test/harness';
import { countRows, courseNumbering, createCourse, grantQualification, trainingHarness } from '../../test/training-fixtures';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
type Qualification = {
  id: string;
  learnerId: string;
  userId: string | null;
  learnerName: string;
  courseCode: string;
  category: string;
  achievedAt: string;
  validUntil: string | null;
  status: string;
  effectiveStatus: string;
  sopVersion: string | null;
  certificateCode: string;
};
type Problem = { code: string; detail: string; errors?: { path: string }[] };

describe('training qualifications', () => {
  let h: Harness;
  let trainer: TestUser;
  let qa: TestUser;
  beforeAll(async () => ({ h, trainer, qa } = await trainingHarness('qa')));
  afterAll(() => h.close());

  const next = courseNumbering('QU');
  const course = (body: Record<string, unknown> = {}) => createCourse(h, trainer, { ...next(), category: 'cell_processing', validityMonths: 12, ...body });
  const grant = (body: Record<string, unknown>, as = trainer) => grantQualification<Qualification>(h, as, body);
  const count = () => countRows(h, 'training_qualifications');

  it('records a qualification for a user (creating their learner) with validity in the site time zone', async () => {
    const c = await course({ validityMonths: 1, sopVersion: '2.1' });
    const operator = await h.createTestUser({ roles: ['operator'] });
    // 2026-01-31T20:00Z is Feb 1 04:00 in Asia/Shanghai: + 1 month is Mar 1 04:00 local, not Feb 28.
    const q = await grant({ userId: operator.id, courseId: c.id, achievedAt: '2026-01-31T20:00:00Z', evidence: 'Paper record TR-2026-014' });
    expect(q).toMatchObject({ userId: operator.id, learnerName: `Test ${operator.username}`, courseCode: c.code, category: 'cell_processing', status: 'active', sopVersion: '2.1' });
    expect(q.validUntil).toBe('2026-02-28T20:00:00.000Z');
    expect(q.effectiveStatus).toBe(Date.now() < Date.parse(q.validUntil!) ? 'valid' : 'expired');
    const learners = await h.database.query<{ kind: string }>(`SELECT kind FROM training_learners WHERE user_id = '${operator.id}'`);
    expect(learners).toEqual([{ kind: 'internal' }]);
    const evidence = await h.database.query<{ after: { evidence: string } }>(`SELECT after FROM audit_events WHERE entity_id = '${q.id}' AND action = 'evidence_recorded'`);
    expect(evidence[0]!.after.evidence).toBe('Paper record TR-2026-014');
    const forever = await course({ validityMonths: null });
    expect((await grant({ learnerId: q.learnerId, courseId: forever.id, achievedAt: '2020-01-01T00:00:00Z' })).validUntil).toBeNull();
  });

  it('lists by user, learner and course for training readers', async () => {
    const c = await course();
    const user = await h.createTestUser({ roles: ['nurse'] });
    const q = await grant({ userId: user.id, courseId: c.id, achievedAt: new Date().toISOString() });
    const get = async (query: string) => (await h.request(qa, 'GET', `/api/v1/training/qualifications${query}`)).json<{ items: Qualification[] }>().items.map((i) => i.id);
    expect(await get(`?userId=${user.id}`)).toEqual([q.id]);
    expect(await get(`?learnerId=${q.learnerId}&courseId=${c.id}`)).toEqual([q.id]);
    expect(await get(`?courseId=${c.id}`)).toEqual([q.id]);
    expect(await get(`?userId=${UNKNOWN}`)).toEqual([]);
  });

  it('stores a late-entered older record as superseded and leaves the newer one active', async () => {
    const c = await course();
    const user = await h.createTestUser({ roles: ['operator'] });
    const newer = await grant({ userId: user.id, courseId: c.id, achievedAt: new Date(Date.now() - 86_400_000).toISOString() });
    const older = await grant({ userId: user.id, courseId: c.id, achievedAt: '2025-06-01T01:00:00Z' });
    expect(older.status).toBe('superseded');
    const list = (await h.request(qa, 'GET', `/api/v1/training/qualifications?userId=${user.id}`)).json<{ items: Qualification[] }>().items;
    expect(list.map((q) => [q.id, q.status])).toEqual([
      [newer.id, 'active'],
      [older.id, 'superseded'],
    ]);
    // Nor does a suspended newer one let an older record through.
    expect((await h.request(trainer, 'POST', `/api/v1/training/qualifications/${newer.id}/suspend`, { reason: 'Deviation' })).statusCode).toBe(200);
    expect((await grant({ userId: user.id, courseId: c.id, achievedAt: '2025-09-01T01:00:00Z' })).status).toBe('superseded');
  });

  it('suspends, reinstates and revokes with a reason; revocation is final', async () => {
    const c = await course();
    const user = await h.createTestUser({ roles: ['operator'] });
    const q = await grant({ userId: user.id, courseId: c.id, achievedAt: new Date().toISOString() });
    const act = (action: string, body: unknown = { reason: 'Deviation DEV-2026-031 under investigation' }) =>
      h.request(trainer, 'POST', `/api/v1/training/qualifications/${q.id}/${action}`, body);
    const noReason = await act('suspend', {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json<Problem>().errors!.map((e) => e.path)).toEqual(['body.reason']);
    const suspended = await act('suspend');
    expect(suspended.statusCode, suspended.body).toBe(200);
    expect(suspended.json<Qualification>()).toMatchObject({ status: 'suspended', effectiveStatus: 'suspended' });
    expect((await act('suspend')).json<Problem>().code).toBe('training.qualification_not_active');
    const reinstated = await act('reinstate', { reason: 'Investigation closed, retrained on the deviation' });
    expect(reinstated.json<Qualification>()).toMatchObject({ status: 'active', effectiveStatus: 'valid' });
    expect((await act('reinstate')).json<Problem>().code).toBe('training.qualification_not_suspended');
    const revoked = await act('revoke', { reason: 'Falsified gowning record' });
    expect(revoked.json<Qualification>()).toMatchObject({ status: 'revoked', effectiveStatus: 'revoked' });
    for (const action of ['suspend', 'reinstate', 'revoke']) {
      const again = await act(action);
      expect(again.statusCode, action).toBe(409);
      expect(again.json<Problem>().code).toBe('training.qualification_revoked');
    }
    const events = await h.database.query<{ action: string; reason: string }>(`SELECT action, reason FROM audit_events WHERE entity_id = '${q.id}' ORDER BY seq`);
    expect(events.map((e) => `${e.action}: ${e.reason ?? ''}`)).toEqual([
      'create: ',
      'suspend: Deviation DEV-2026-031 under investigation',
      'reinstate: Investigation closed, retrained on the deviation',
      'revoke: Falsified gowning record',
    ]);
  });

  it('sends active qualifications back to requalification when the SOP is revised', async () => {
    const c = await course({ sopCode: 'SOP-CP-007', sopVersion: '1.0' });
    const user = await h.createTestUser({ roles: ['operator'] });
    const q = await grant({ userId: user.id, courseId: c.id, achievedAt: new Date().toISOString() });
    const patch = await h.request(trainer, 'PATCH', `/api/v1/training/courses/${c.id}`, { reason: 'CAPA-2026-004', sopVersion: '2.0', requireRequalification: true });
    expect(patch.statusCode, patch.body).toBe(200);
    const after = (await h.request(qa, 'GET', `/api/v1/training/qualifications?learnerId=${q.learnerId}`)).json<{ items: Qualification[] }>().items;
    expect(after[0]).toMatchObject({ id: q.id, status: 'requalification_required', effectiveStatus: 'requalification_required', sopVersion: '1.0' });
  });

  it('refuses bad input naming the field, unknown records and refused roles; nothing is stored', async () => {
    const c = await course();
    const user = await h.createTestUser({ roles: ['operator'] });
    const before = await count();
    const post = (body: Record<string, unknown>, as = trainer) => h.request(as, 'POST', '/api/v1/training/qualifications', body);
    const both = await post({ userId: user.id, learnerId: UNKNOWN, courseId: c.id, achievedAt: new Date().toISOString() });
    expect(both.statusCode).toBe(400);
    expect(both.json<Problem>().errors!.map((e) => e.path)).toEqual(['body.learnerId']);
    expect((await post({ courseId: c.id, achievedAt: new Date().toISOString() })).statusCode).toBe(400);
    const badTime = await post({ userId: user.id, courseId: c.id, achievedAt: 'yesterday' });
    expect(badTime.json<Problem>().errors!.map((e) => e.path)).toEqual(['body.achievedAt']);
    expect((await post({ userId: user.id, courseId: UNKNOWN, achievedAt: new Date().toISOString() })).statusCode).toBe(404);
    expect((await post({ userId: UNKNOWN, courseId: c.id, achievedAt: new Date().toISOString() })).statusCode).toBe(404);
    expect((await post({ learnerId: UNKNOWN, courseId: c.id, achievedAt: new Date().toISOString() })).statusCode).toBe(404);
    const future = await post({ userId: user.id, courseId: c.id, achievedAt: new Date(Date.now() + 86_400_000).toISOString() });
    expect(future.statusCode).toBe(422);
    expect((await post({ userId: user.id, courseId: c.id, achievedAt: new Date().toISOString() }, qa)).statusCode).toBe(403);
    expect((await h.request(trainer, 'POST', `/api/v1/training/qualifications/${UNKNOWN}/suspend`, { reason: 'x' })).statusCode).toBe(404);
    expect((await h.request(qa, 'POST', `/api/v1/training/qualifications/${UNKNOWN}/suspend`, { reason: 'x' })).statusCode).toBe(403);
    expect((await h.request(qa, 'GET', '/api/v1/training/qualifications?userId=nope')).statusCode).toBe(400);
    expect(await count()).toBe(before);
  });

  it('shows a trainee only their own qualifications', async () => {
    const c = await course();
    const trainee = await h.createTestUser({ roles: ['trainee'] });
    const colleague = await h.createTestUser({ roles: ['trainee'] });
    const own = await grant({ userId: trainee.id, courseId: c.id, achievedAt: new Date().toISOString() });
    const theirs = await grant({ userId: colleague.id, courseId: c.id, achievedAt: new Date().toISOString() });
    const mine = await h.request(trainee, 'GET', '/api/v1/training/qualifications');
    expect(mine.statusCode).toBe(200);
    expect(mine.json<{ items: Qualification[] }>().items.map((q) => q.id)).toEqual([own.id]);
    expect((await h.request(trainee, 'GET', `/api/v1/training/qualifications?userId=${trainee.id}`)).json<{ items: Qualification[] }>().items).toHaveLength(1);
    expect((await h.request(trainee, 'GET', `/api/v1/training/qualifications?learnerId=${own.learnerId}`)).statusCode).toBe(200);
    for (const query of [`userId=${colleague.id}`, `learnerId=${theirs.learnerId}`, `learnerId=${UNKNOWN}`]) {
      const res = await h.request(trainee, 'GET', `/api/v1/training/qualifications?${query}`);
      expect(res.statusCode, query).toBe(403);
      expect(res.json<Problem>().detail).toBe('You may only see your own training record.');
    }
    // Staff without training:read are held to the same rule.
    const nurse = await h.createTestUser({ roles: ['nurse'] });
    expect((await h.request(nurse, 'GET', `/api/v1/training/qualifications?userId=${trainee.id}`)).statusCode).toBe(403);
    expect((await h.request(nurse, 'GET', '/api/v1/training/qualifications')).json<{ items: unknown[] }>().items).toEqual([]);
  });
});
