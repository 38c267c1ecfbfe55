import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWithContext, SYSTEM_ACTOR } from '../../platform/context';
import { write } from '../../platform/write';
import type { Harness, TestUser } from '../../test/harness';
import { countRows, createExternalLearner, trainingHarness } from '../../test/training-fixtures';
import { learnerForUser } from './training.learners.service';
import { trainingQualifications } from './training.tables';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
type Learner = { id: string; kind: string; userId: string | null; username: string | null; name: string; institution: string; profession: string; email: string | null };
type Problem = { code: string; detail: string; errors?: { path: string }[] };

describe('training learners', () => {
  let h: Harness;
  let trainer: TestUser;
  let admin: TestUser;
  beforeAll(async () => ({ h, trainer, admin } = await trainingHarness('admin')));
  afterAll(() => h.close());

  const external = (name: string, institution = 'Peking Union Medical College Hospital') =>
    createExternalLearner<Learner>(h, trainer, name, { institution, profession: 'Clinical pharmacist', email: 'learner@example.cn' });
  const learnerCount = () => countRows(h, 'training_learners');

  it('registers external learners and staff, lists them by kind and search, and reads one', async () => {
    const wang = await external('Wang Xiaoming', 'Beijing Ditan Hospital, Capital Medical University');
    expect(wang).toMatchObject({ kind: 'external', userId: null, username: null, profession: 'Clinical pharmacist', email: 'learner@example.cn' });
    const staffUser = await h.createTestUser({ roles: ['operator'] });
    const staff = await h.request(trainer, 'POST', '/api/v1/training/learners', { kind: 'internal', userId: staffUser.id });
    expect(staff.statusCode, staff.body).toBe(201);
    expect(staff.json<Learner>()).toMatchObject({ kind: 'internal', userId: staffUser.id, username: staffUser.username, name: `Test ${staffUser.username}`, institution: 'Test Liver CGT Center', profession: 'Staff' });
    const again = await h.request(trainer, 'POST', '/api/v1/training/learners', { kind: 'internal', userId: staffUser.id, profession: 'Operator' });
    expect(again.statusCode).toBe(409);
    expect(again.json<Problem>().code).toBe('training.learner_exists');
    const qa = await h.createTestUser({ roles: ['qa'] });
    const list = async (q: string) => (await h.request(qa, 'GET', `/api/v1/training/learners${q}`)).json<{ items: Learner[] }>().items.map((l) => l.name);
    expect(await list('?kind=external')).toEqual(['Wang Xiaoming']);
    expect(await list('?search=ditan')).toEqual(['Wang Xiaoming']);
    expect(await list('?search=100%25')).toEqual([]);
    expect(await list('?kind=internal')).toEqual([`Test ${staffUser.username}`]);
    const one = await h.request(qa, 'GET', `/api/v1/training/learners/${wang.id}`);
    expect(one.json()).toEqual(wang);
  });

  it('refuses an external learner without institution and profession, unknown users and refused roles', async () => {
    const before = await learnerCount();
    const bad = await h.request(trainer, 'POST', '/api/v1/training/learners', { kind: 'external', name: 'Li Lei' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<Problem>().errors!.map((e) => e.path).sort()).toEqual(['body.institution', 'body.profession']);
    expect((await h.request(trainer, 'POST', '/api/v1/training/learners', { kind: 'alien', name: 'x' })).statusCode).toBe(400);
    expect((await h.request(trainer, 'POST', '/api/v1/training/learners', { kind: 'internal', userId: UNKNOWN })).statusCode).toBe(404);
    const director = await h.createTestUser({ roles: ['director'] });
    expect((await h.request(director, 'POST', '/api/v1/training/learners', { kind: 'external', name: 'x', institution: 'y', profession: 'z' })).statusCode).toBe(403);
    expect((await h.request(director, 'GET', `/api/v1/training/learners/${UNKNOWN}`)).statusCode).toBe(404);
    expect(await learnerCount()).toBe(before);
  });

  it('gives an external learner a trainee login under the password policy (admin only)', async () => {
    const learner = await external('Zhao Lina');
    const url = `/api/v1/training/learners/${learner.id}/account`;
    expect((await h.request(trainer, 'POST', url, { username: 'zhao.lina', password: 'Strong-Pass-2026' })).statusCode).toBe(403);
    const weak = await h.request(admin, 'POST', url, { username: 'zhao.lina', password: 'Short-1' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json<Problem>()).toMatchObject({ code: 'user.password_policy', errors: [{ path: 'body.password' }] });
    expect((await h.database.query(`SELECT id FROM users WHERE username = 'zhao.lina'`)).length).toBe(0);
    const taken = await h.request(admin, 'POST', url, { username: trainer.username, password: 'Strong-Pass-2026' });
    expect(taken.statusCode).toBe(409);
    const res = await h.request(admin, 'POST', url, { username: 'zhao.lina', password: 'Strong-Pass-2026' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Learner>()).toMatchObject({ id: learner.id, kind: 'external', username: 'zhao.lina' });
    const [user] = await h.database.query<{ id: string; roles: string[]; display_name: string }>(`SELECT id, roles, display_name FROM users WHERE username = 'zhao.lina'`);
    expect(user).toMatchObject({ id: res.json<Learner>().userId, roles: ['trainee'], display_name: 'Zhao Lina' });
    const login = await h.request(null, 'POST', '/api/v1/auth/login', { username: 'zhao.lina', password: 'Strong-Pass-2026' });
    expect(login.statusCode).toBe(200);
    const twice = await h.request(admin, 'POST', url, { username: 'zhao.lina2', password: 'Strong-Pass-2026' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json<Problem>().code).toBe('training.learner_has_account');
    expect((await h.request(admin, 'POST', `/api/v1/training/learners/${UNKNOWN}/account`, { username: 'nobody.x', password: 'Strong-Pass-2026' })).statusCode).toBe(404);
  });

  it('learnerForUser finds or creates the internal learner inside the caller\'s transaction', async () => {
    const user = await h.createTestUser({ roles: ['qc_analyst'] });
    const inTx = () => runWithContext({ requestId: 't', actor: SYSTEM_ACTOR }, () => write(h.database.db, (w) => learnerForUser(w, user.id)));
    const first = await inTx();
    expect(first).toMatchObject({ kind: 'internal', userId: user.id, name: `Test ${user.username}`, institution: 'Test Liver CGT Center', profession: 'Staff' });
    expect((await inTx()).id).toBe(first.id);
    await expect(runWithContext({ requestId: 't', actor: SYSTEM_ACTOR }, () => write(h.database.db, (w) => learnerForUser(w, UNKNOWN)))).rejects.toMatchObject({ status: 404 });
  });

  it('shows a record with qualifications, enrollments and curriculum gaps; others only see their own', async () => {
    const course = async (code: string) =>
      (await h.request(trainer, 'POST', '/api/v1/training/courses', { code, title: `${code} title`, titleZh: `${code} 标题`, category: 'cell_processing', validityMonths: 12 })).json<{ id: string }>().id;
    const ids = { gmp: await course('R-GMP'), asep: await course('R-ASEP'), cell: await course('R-CELL'), coi: await course('R-COI') };
    await h.request(trainer, 'PUT', '/api/v1/training/curricula/operator', { courseIds: Object.values(ids), reason: 'Operator matrix' });
    const operator = await h.createTestUser({ roles: ['operator'] });
    const learner = (await h.request(trainer, 'POST', '/api/v1/training/learners', { kind: 'internal', userId: operator.id })).json<Learner>();
    const day = 24 * 3_600_000;
    await runWithContext({ requestId: 't', actor: SYSTEM_ACTOR }, () =>
      write(h.database.db, async (w) => {
        const q = (courseId: string, status: string, validUntil: Date | null) =>
          w.insert(trainingQualifications, 'training_qualification', { learnerId: learner.id, courseId, achievedAt: new Date(Date.now() - 400 * day), validUntil, status });
        await q(ids.gmp, 'active', null);
        await q(ids.asep, 'active', new Date(Date.now() - day));
        await q(ids.cell, 'suspended', new Date(Date.now() + 100 * day));
      }),
    );
    const session = await h.request(trainer, 'POST', '/api/v1/training/sessions', { courseId: ids.coi, startsAt: new Date(Date.now() + day).toISOString(), endsAt: new Date(Date.now() + day + 3_600_000).toISOString(), trainerId: trainer.id, room: 'B1', capacity: 5 });
    await h.request(trainer, 'POST', `/api/v1/training/sessions/${session.json<{ id: string }>().id}/enrollments`, { learnerId: learner.id });

    type Record = { learner: Learner; qualifications: { courseCode: string; effectiveStatus: string }[]; assessments: unknown[]; enrollments: { courseCode: string; status: string }[]; curriculumGaps: { code: string; titleZh: string; reason: string }[] };
    const res = await h.request(trainer, 'GET', `/api/v1/training/learners/${learner.id}/record`);
    expect(res.statusCode, res.body).toBe(200);
    const record = res.json<Record>();
    expect(record.learner.id).toBe(learner.id);
    expect(record.qualifications.map((q) => [q.courseCode, q.effectiveStatus]).sort()).toEqual([['R-ASEP', 'expired'], ['R-CELL', 'suspended'], ['R-GMP', 'valid']]);
    expect(record.assessments).toEqual([]);
    expect(record.enrollments).toMatchObject([{ courseCode: 'R-COI', status: 'enrolled' }]);
    expect(record.curriculumGaps.map((g) => [g.code, g.reason])).toEqual([['R-ASEP', 'expired'], ['R-CELL', 'suspended'], ['R-COI', 'missing']]);
    expect(record.curriculumGaps[0]!.titleZh).toBe('R-ASEP 标题');

    expect((await h.request(operator, 'GET', `/api/v1/training/learners/${learner.id}/record`)).statusCode).toBe(200);
    const other = await external('Qian Hao');
    expect((await h.request(operator, 'GET', `/api/v1/training/learners/${other.id}/record`)).statusCode).toBe(404);
    expect((await h.request(operator, 'GET', `/api/v1/training/learners/${UNKNOWN}/record`)).statusCode).toBe(404);
    expect((await h.request(null, 'GET', `/api/v1/training/learners/${learner.id}/record`)).statusCode).toBe(401);
    expect((await h.request(trainer, 'GET', `/api/v1/training/learners/${other.id}/record`)).json<Record>().curriculumGaps).toEqual([]);
  });

  it('GET /training/me gives each user their own learner, or null before their first training', async () => {
    const trainee = await h.createTestUser({ roles: ['trainee'] });
    expect((await h.request(trainee, 'GET', '/api/v1/training/me')).json()).toEqual({ learner: null });
    const res = await h.request(trainer, 'POST', '/api/v1/training/learners', { kind: 'internal', userId: trainee.id, profession: 'Research nurse' });
    expect(res.statusCode, res.body).toBe(201);
    const mine = (await h.request(trainee, 'GET', '/api/v1/training/me')).json<{ learner: Learner }>();
    expect(mine.learner).toMatchObject({ id: res.json<Learner>().id, userId: trainee.id });
    expect((await h.request(null, 'GET', '/api/v1/training/me')).statusCode).toBe(401);
  });
});
