import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { write } from '../../platform/write';
import type { Harness, TestUser } from '../../test/harness';
import { countRows, createCourse, trainingHarness } from '../../test/training-fixtures';
import { trainingLearners, trainingQualifications } from './training.tables';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
type Course = { id: string; code: string; title: string; titleZh: string; passMark: number; deliveryMode: string; durationHours: number; practical: boolean; sopVersion: string | null; validityMonths: number | null; prerequisites: { code: string }[]; retiredAt: string | null };
type Problem = { code: string; detail: string; params?: Record<string, unknown>; errors?: { path: string }[] };

describe('training catalogue: courses', () => {
  let h: Harness;
  let trainer: TestUser;
  let qa: TestUser;
  beforeAll(async () => ({ h, trainer, qa } = await trainingHarness('qa')));
  afterAll(() => h.close());

  const post = async (body: Record<string, unknown>) => h.request(trainer, 'POST', '/api/v1/training/courses', body);
  const create = (body: Record<string, unknown>) => createCourse<Course>(h, trainer, { title: 'A course', category: 'gmp_basics', validityMonths: 12, ...body });
  const courseCount = () => countRows(h, 'training_courses');

  it('creates a course with the contract defaults and its prerequisites, and reads it back', async () => {
    const base = await create({ code: 'GMP-101', title: 'GMP fundamentals for ATMP', titleZh: '先进治疗药品GMP基础', validityMonths: null });
    expect(base).toMatchObject({ deliveryMode: 'classroom', durationHours: 1, passMark: 80, practical: false, validityMonths: null, prerequisites: [], retiredAt: null });
    const gowning = await create({ code: 'ASEP-201', title: 'Aseptic gowning qualification', category: 'aseptic_gowning', deliveryMode: 'practical', practical: true, sopCode: 'SOP-QA-012', sopVersion: '3.0', prerequisites: ['GMP-101'] });
    expect(gowning.prerequisites).toEqual([{ id: base.id, code: 'GMP-101', title: 'GMP fundamentals for ATMP', titleZh: '先进治疗药品GMP基础' }]);
    const read = await h.request(qa, 'GET', `/api/v1/training/courses/${gowning.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(gowning);
    const byCategory = await h.request(qa, 'GET', '/api/v1/training/courses?category=aseptic_gowning');
    expect(byCategory.json<{ items: Course[] }>().items.map((c) => c.code)).toEqual(['ASEP-201']);
  });

  it('refuses bad input naming each field, a taken code, an unknown or circular prerequisite; stores nothing', async () => {
    const before = await courseCount();
    const bad = await post({ code: 'gmp 1', title: '', category: 'cooking', validityMonths: 0, passMark: 101 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<Problem>().errors!.map((e) => e.path).sort()).toEqual(['body.category', 'body.code', 'body.passMark', 'body.title', 'body.validityMonths']);
    await create({ code: 'BIO-120' });
    const taken = await post({ code: 'BIO-120', title: 'Again', category: 'biosafety', validityMonths: 24 });
    expect(taken.statusCode).toBe(409);
    expect(taken.json<Problem>()).toMatchObject({ code: 'training.course_code_taken', params: { code: 'BIO-120' } });
    const unknown = await post({ code: 'LVV-220', title: 'Lentiviral vectors', category: 'viral_vector', validityMonths: 24, prerequisites: ['BIO-120', 'NOPE-999'] });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json<Problem>()).toMatchObject({ code: 'training.unknown_prerequisite', params: { code: 'NOPE-999' }, errors: [{ path: 'body.prerequisites.1' }] });
    expect(unknown.json<Problem>().detail).toContain('NOPE-999');
    const itself = await post({ code: 'AAV-230', title: 'AAV vectors', category: 'viral_vector', validityMonths: 24, prerequisites: ['AAV-230'] });
    expect(itself.statusCode).toBe(422);
    expect(itself.json<Problem>().code).toBe('training.prerequisite_cycle');
    expect(await courseCount()).toBe(before + 1);
  });

  it('refuses roles without training:write (403), unknown ids (404)', async () => {
    const refused = await h.request(qa, 'POST', '/api/v1/training/courses', { code: 'QA-1', title: 'x', category: 'gcp', validityMonths: 12 });
    expect(refused.statusCode).toBe(403);
    const trainee = await h.createTestUser({ roles: ['trainee'] });
    expect((await h.request(trainee, 'GET', '/api/v1/training/courses')).statusCode).toBe(403);
    expect((await h.request(qa, 'GET', `/api/v1/training/courses/${UNKNOWN}`)).statusCode).toBe(404);
    expect((await h.request(trainer, 'PATCH', `/api/v1/training/courses/${UNKNOWN}`, { reason: 'x', passMark: 70 })).statusCode).toBe(404);
  });

  it('changes a course with a reason; retired courses leave the default list', async () => {
    const course = await create({ code: 'GCP-110', title: 'ICH E6(R2) GCP', category: 'gcp', validityMonths: 24 });
    const noReason = await h.request(trainer, 'PATCH', `/api/v1/training/courses/${course.id}`, { passMark: 70 });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json<Problem>().errors![0]!.path).toBe('body.reason');
    const res = await h.request(trainer, 'PATCH', `/api/v1/training/courses/${course.id}`, { reason: 'ICH E6(R3) adopted', title: 'ICH E6(R3) GCP', titleZh: 'ICH E6(R3) 药物临床试验质量管理规范', passMark: 75 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Course>()).toMatchObject({ title: 'ICH E6(R3) GCP', passMark: 75 });
    const [event] = await h.database.query<{ reason: string; actor: string }>(`SELECT reason, actor FROM audit_events WHERE entity_id = '${course.id}' ORDER BY seq DESC LIMIT 1`);
    expect(event).toEqual({ reason: 'ICH E6(R3) adopted', actor: trainer.username });
    const retired = await h.request(trainer, 'PATCH', `/api/v1/training/courses/${course.id}`, { reason: 'Merged into GCP-111', retired: true });
    expect(retired.json<Course>().retiredAt).not.toBeNull();
    const list = async (q: string) => (await h.request(qa, 'GET', `/api/v1/training/courses${q}`)).json<{ items: Course[] }>().items.map((c) => c.code);
    expect(await list('')).not.toContain('GCP-110');
    expect(await list('?includeRetired=true')).toContain('GCP-110');
  });

  it('a new SOP version with requalification required sends every active qualification back', async () => {
    const course = await create({ code: 'APS-301', title: 'Aseptic process simulation', category: 'aseptic_gowning', practical: true, validityMonths: 6, sopCode: 'SOP-PR-031', sopVersion: '2.0' });
    const ids = await write(h.database.db, async (w) => {
      const learner = await w.insert(trainingLearners, 'training_learner', { kind: 'external', name: 'Zhang San', institution: 'PUMCH', profession: 'Pharmacist' });
      const q = (status: string) => w.insert(trainingQualifications, 'training_qualification', { learnerId: learner.id, courseId: course.id, achievedAt: new Date(), validUntil: null, status, sopVersion: '2.0' });
      return [(await q('active')).id, (await q('suspended')).id];
    });
    const sameVersion = await h.request(trainer, 'PATCH', `/api/v1/training/courses/${course.id}`, { reason: 'x', sopVersion: '2.0', requireRequalification: true });
    expect(sameVersion.statusCode).toBe(422);
    expect(sameVersion.json<Problem>()).toMatchObject({ code: 'training.requalification_needs_sop_version', errors: [{ path: 'body.sopVersion' }] });
    const res = await h.request(trainer, 'PATCH', `/api/v1/training/courses/${course.id}`, { reason: 'Filling line changed', sopVersion: '3.0', requireRequalification: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Course>().sopVersion).toBe('3.0');
    const rows = await h.database.query<{ id: string; status: string }>(`SELECT id, status FROM training_qualifications WHERE course_id = '${course.id}'`);
    expect(Object.fromEntries(rows.map((r) => [r.id, r.status]))).toEqual({ [ids[0]!]: 'requalification_required', [ids[1]!]: 'suspended' });
    const [event] = await h.database.query<{ reason: string }>(`SELECT reason FROM audit_events WHERE entity_id = '${ids[0]}' ORDER BY seq DESC LIMIT 1`);
    expect(event!.reason).toContain('revised to version 3.0');
  });
});

describe('training catalogue: curricula', () => {
  let h: Harness;
  let trainer: TestUser;
  let director: TestUser;
  let courses: Record<string, string>;
  beforeAll(async () => {
    ({ h, trainer, director } = await trainingHarness('director'));
    courses = {};
    for (const code of ['GMP-101', 'ASEP-201', 'CELL-210']) {
      courses[code] = (await createCourse(h, trainer, { code, title: code, category: 'gmp_basics', validityMonths: 12 })).id;
    }
  });
  afterAll(() => h.close());

  type Curriculum = { role: string; courses: { code: string }[] };
  const put = (role: string, body: unknown) => h.request(trainer, 'PUT', `/api/v1/training/curricula/${role}`, body);
  const operatorCodes = async () =>
    (await h.request(director, 'GET', '/api/v1/training/curricula')).json<{ items: Curriculum[] }>().items.find((c) => c.role === 'operator')!.courses.map((c) => c.code);

  it('lists every role, replaces a role list, retires removed courses with the reason and takes them back', async () => {
    const all = (await h.request(director, 'GET', '/api/v1/training/curricula')).json<{ items: Curriculum[] }>().items;
    expect(all).toHaveLength(13);
    expect(all.every((c) => c.courses.length === 0)).toBe(true);
    const first = await put('operator', { courseIds: [courses['GMP-101'], courses['ASEP-201']], reason: 'Initial training matrix' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json<Curriculum>()).toMatchObject({ role: 'operator', courses: [{ code: 'ASEP-201' }, { code: 'GMP-101' }] });
    await put('operator', { courseIds: [courses['GMP-101'], courses['CELL-210']], reason: 'Gowning moved to the cleanroom matrix' });
    expect(await operatorCodes()).toEqual(['CELL-210', 'GMP-101']);
    const [retired] = await h.database.query<{ retired_at: Date | null }>(`SELECT retired_at FROM training_curricula WHERE role = 'operator' AND course_id = '${courses['ASEP-201']}'`);
    expect(retired!.retired_at).not.toBeNull();
    const events = await h.database.query<{ action: string; reason: string }>(`SELECT action, reason FROM audit_events WHERE entity_type = 'training_curriculum' AND action IN ('retire', 'curriculum_replaced') ORDER BY seq DESC LIMIT 2`);
    expect(events).toEqual([
      { action: 'curriculum_replaced', reason: 'Gowning moved to the cleanroom matrix' },
      { action: 'retire', reason: 'Gowning moved to the cleanroom matrix' },
    ]);
    await put('operator', { courseIds: [courses['GMP-101'], courses['CELL-210'], courses['ASEP-201']], reason: 'Gowning back in' });
    expect(await operatorCodes()).toEqual(['ASEP-201', 'CELL-210', 'GMP-101']);
    const rows = await h.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM training_curricula WHERE role = 'operator'`);
    expect(rows[0]!.n).toBe(3);
  });

  it('refuses an unknown course, an unknown role, a missing reason and a role without training:write', async () => {
    const unknown = await put('qa', { courseIds: [courses['GMP-101'], UNKNOWN], reason: 'x' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json<Problem>()).toMatchObject({ code: 'training.unknown_course', errors: [{ path: 'body.courseIds.1' }] });
    expect((await put('astronaut', { courseIds: [], reason: 'x' })).statusCode).toBe(400);
    const noReason = await put('qa', { courseIds: [] });
    expect(noReason.json<Problem>().errors![0]!.path).toBe('body.reason');
    expect((await h.request(director, 'PUT', '/api/v1/training/curricula/qa', { courseIds: [], reason: 'x' })).statusCode).toBe(403);
    const qaRows = await h.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM training_curricula WHERE role = 'qa'`);
    expect(qaRows[0]!.n).toBe(0);
  });
});
