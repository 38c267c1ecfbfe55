import { qualificationValidUntil } from '@hepatica/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, type Harness, type TestUser } from '../../test/harness';
import { countRows, courseNumbering, createCourse, createExternalLearner, trainingHarness } from '../../test/training-fixtures';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
type Qualification = { id: string; learnerId: string; courseCode: string; achievedAt: string; validUntil: string | null; status: string; effectiveStatus: string; certificateCode: string };
type Assessment = { id: string; kind: string; score: number | null; passed: boolean; passMark: number; assessor: string; courseCode: string; learnerName: string; signatures: { signer: string; meaning: string; valid: boolean }[]; qualification: Qualification | null };
type Problem = { code: string; detail: string; params?: Record<string, unknown>; errors?: { path: string }[] };

describe('training assessments', () => {
  let h: Harness;
  let trainer: TestUser;
  let qa: TestUser;
  beforeAll(async () => ({ h, trainer, qa } = await trainingHarness('qa')));
  afterAll(() => h.close());

  const next = courseNumbering('AS');
  const course = (body: Record<string, unknown> = {}) => createCourse(h, trainer, { ...next(), category: 'gmp_basics', validityMonths: 12, ...body });
  const learner = (name = 'Gao Yuan') => createExternalLearner(h, trainer, name);
  const assess = (body: Record<string, unknown>, as = trainer) => h.request(as, 'POST', '/api/v1/training/assessments', body);
  const count = (table: string) => countRows(h, table);
  const hourAgo = () => new Date(Date.now() - 3_600_000).toISOString();

  it('passes a theory score at the pass mark and fails it just below (80 passes, 79.9 fails for pass mark 80)', async () => {
    const c = await course({ passMark: 80 });
    const l = await learner();
    const below = await assess({ learnerId: l.id, courseId: c.id, kind: 'theory', score: 79.9, assessedAt: hourAgo() });
    expect(below.statusCode, below.body).toBe(201);
    expect(below.json<Assessment>()).toMatchObject({ score: 79.9, passed: false, passMark: 80, qualification: null, assessor: `Test ${trainer.username}`, learnerName: 'Gao Yuan' });
    const assessedAt = '2026-01-31T20:00:00.000Z'; // Feb 1 04:00 in Asia/Shanghai, the test site's zone
    const at = await assess({ learnerId: l.id, courseId: c.id, kind: 'theory', score: 80, assessedAt, notes: 'Second attempt' });
    expect(at.statusCode, at.body).toBe(201);
    const pass = at.json<Assessment>();
    expect(pass).toMatchObject({ passed: true, courseCode: c.code });
    expect(pass.qualification).toMatchObject({ learnerId: l.id, courseCode: c.code, achievedAt: assessedAt, status: 'active', effectiveStatus: 'valid' });
    expect(pass.qualification!.validUntil).toBe(qualificationValidUntil(new Date(assessedAt), 12, 'Asia/Shanghai')!.toISOString());
    expect(pass.qualification!.validUntil).toBe('2027-01-31T20:00:00.000Z');
    expect(pass.qualification!.certificateCode).toMatch(/^[A-HJ-NP-Z2-9]{12}$/);
    const listed = await h.request(qa, 'GET', `/api/v1/training/assessments?learnerId=${l.id}`);
    expect(listed.json<{ items: Assessment[] }>().items.map((a) => a.passed)).toEqual([false, true]);
  });

  it('records a practical only with the trainer\'s signature; a wrong password stores nothing', async () => {
    const c = await course({ practical: true, deliveryMode: 'practical', category: 'aseptic_gowning' });
    const l = await learner('Qin Lan');
    const body = { learnerId: l.id, courseId: c.id, kind: 'practical', passed: true, assessedAt: hourAgo() };
    const before = [await count('training_assessments'), await count('training_qualifications'), await count('signatures')];
    const unsigned = await assess(body);
    expect(unsigned.statusCode).toBe(400);
    expect(unsigned.json<Problem>().errors!.map((e) => e.path)).toEqual(['body.signature']);
    const wrong = await assess({ ...body, signature: { password: 'not-the-password', meaning: 'Gowning qualification observed' } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json<Problem>().code).toBe('signature.wrong_password');
    expect([await count('training_assessments'), await count('training_qualifications'), await count('signatures')]).toEqual(before);
    const signed = await assess({ ...body, signature: { password: TEST_PASSWORD, meaning: 'Gowning qualification observed' } });
    expect(signed.statusCode, signed.body).toBe(201);
    const result = signed.json<Assessment>();
    expect(result.signatures).toEqual([expect.objectContaining({ signer: trainer.username, meaning: 'Gowning qualification observed', valid: true })]);
    expect(result.qualification).toMatchObject({ courseCode: c.code, status: 'active' });
  });

  it('creates a qualification only when the course requirement is met', async () => {
    const practical = await course({ practical: true });
    const theory = await course();
    const l = await learner('Fang Hui');
    const sig = { password: TEST_PASSWORD, meaning: 'Assessed' };
    const theoryOnPractical = await assess({ learnerId: l.id, courseId: practical.id, kind: 'theory', score: 95, assessedAt: hourAgo() });
    expect(theoryOnPractical.json<Assessment>()).toMatchObject({ passed: true, qualification: null });
    const failedPractical = await assess({ learnerId: l.id, courseId: practical.id, kind: 'practical', passed: false, signature: sig, assessedAt: hourAgo() });
    expect(failedPractical.json<Assessment>()).toMatchObject({ passed: false, qualification: null });
    const practicalOnTheory = await assess({ learnerId: l.id, courseId: theory.id, kind: 'practical', passed: true, signature: sig, assessedAt: hourAgo() });
    expect(practicalOnTheory.json<Assessment>()).toMatchObject({ passed: true, qualification: null });
  });

  it('supersedes the previous qualification when the learner requalifies, with an audited reason', async () => {
    const c = await course();
    const l = await learner('Ren Jie');
    const first = (await assess({ learnerId: l.id, courseId: c.id, kind: 'theory', score: 90, assessedAt: '2025-03-01T02:00:00Z' })).json<Assessment>().qualification!;
    const second = (await assess({ learnerId: l.id, courseId: c.id, kind: 'theory', score: 85, assessedAt: hourAgo() })).json<Assessment>().qualification!;
    const list = (await h.request(qa, 'GET', `/api/v1/training/qualifications?learnerId=${l.id}`)).json<{ items: Qualification[] }>().items;
    expect(list.map((q) => [q.id, q.status])).toEqual([
      [second.id, 'active'],
      [first.id, 'superseded'],
    ]);
    expect(second.certificateCode).not.toBe(first.certificateCode);
    const events = await h.database.query<{ action: string; reason: string }>(`SELECT action, reason FROM audit_events WHERE entity_type = 'training_qualification' AND entity_id = '${first.id}' ORDER BY seq`);
    expect(events.map((e) => e.action)).toEqual(['create', 'status_change']);
    expect(events[1]!.reason).toMatch(new RegExp(`^Superseded by the ${c.code} qualification achieved on \\d{4}-\\d{2}-\\d{2}`));
  });

  it('refuses bad input naming the field, unknown records, future times and contradictions; nothing is stored', async () => {
    const c = await course();
    const other = await course();
    const l = await learner('Du Wen');
    const before = await count('training_assessments');
    const base = { learnerId: l.id, courseId: c.id, kind: 'theory', score: 90, assessedAt: hourAgo() };
    const paths = async (body: Record<string, unknown>) => {
      const res = await assess(body);
      expect(res.statusCode, res.body).toBe(400);
      return res.json<Problem>().errors!.map((e) => e.path);
    };
    expect(await paths({ ...base, score: 101 })).toEqual(['body.score']);
    expect(await paths({ ...base, score: undefined })).toEqual(['body.score']);
    expect(await paths({ ...base, kind: 'oral' })).toEqual(['body.kind']);
    expect(await paths({ ...base, assessedAt: '2026-03-01 10:00' })).toEqual(['body.assessedAt']);
    expect((await assess({ ...base, learnerId: UNKNOWN })).statusCode).toBe(404);
    expect((await assess({ ...base, courseId: UNKNOWN })).statusCode).toBe(404);
    expect((await assess({ ...base, sessionId: UNKNOWN })).statusCode).toBe(404);
    const future = await assess({ ...base, assessedAt: new Date(Date.now() + 86_400_000).toISOString() });
    expect(future.statusCode).toBe(422);
    expect(future.json<Problem>().errors!.map((e) => e.path)).toEqual(['body.assessedAt']);
    const contradiction = await assess({ ...base, score: 50, passed: true });
    expect(contradiction.statusCode).toBe(422);
    expect(contradiction.json<Problem>()).toMatchObject({ code: 'training.passed_contradicts_score', params: { score: 50, passMark: 80 } });
    const session = await h.request(trainer, 'POST', '/api/v1/training/sessions', {
      courseId: other.id,
      startsAt: '2026-09-01T01:00:00Z',
      endsAt: '2026-09-01T09:00:00Z',
      trainerId: trainer.id,
      room: 'Training room 2',
      capacity: 10,
    });
    expect(session.statusCode, session.body).toBe(201);
    const mismatch = await assess({ ...base, sessionId: session.json<{ id: string }>().id });
    expect(mismatch.statusCode).toBe(422);
    expect(mismatch.json<Problem>().code).toBe('training.session_course_mismatch');
    expect(await count('training_assessments')).toBe(before);
  });

  it('lets only trainers and admins record, and training readers list', async () => {
    const c = await course();
    const l = await learner('Yao Ming');
    const body = { learnerId: l.id, courseId: c.id, kind: 'theory', score: 90, assessedAt: hourAgo() };
    for (const role of ['qa', 'director', 'operator', 'trainee'] as const) {
      const user = await h.createTestUser({ roles: [role] });
      expect((await assess(body, user)).statusCode, role).toBe(403);
    }
    const admin = await h.createTestUser({ roles: ['admin'] });
    expect((await assess(body, admin)).statusCode).toBe(201);
    const trainee = await h.createTestUser({ roles: ['trainee'] });
    expect((await h.request(trainee, 'GET', '/api/v1/training/assessments')).statusCode).toBe(403);
    const byCourse = await h.request(qa, 'GET', `/api/v1/training/assessments?courseId=${c.id}`);
    expect(byCourse.json<{ items: Assessment[] }>().items).toHaveLength(1);
    expect((await h.request(qa, 'GET', '/api/v1/training/assessments?courseId=nope')).statusCode).toBe(400);
  });
});
