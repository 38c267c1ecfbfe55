import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWithContext, SYSTEM_ACTOR } from '../../platform/context';
import { write } from '../../platform/write';
import type { Harness, TestUser } from '../../test/harness';
import { countRows, createCourse, createExternalLearner, trainingHarness } from '../../test/training-fixtures';
import { trainingQualifications } from './training.tables';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
type Session = { id: string; courseCode: string; startsAt: string; trainerName: string; capacity: number; enrolled: number; waitlisted: number; status: string };
type Enrollment = { id: string; learnerId: string; learnerName: string; status: string; attended: boolean | null };
type Detail = Session & { enrollments: Enrollment[] };
type Problem = { code: string; detail: string; params?: Record<string, unknown>; errors?: { path: string }[] };

describe('training sessions', () => {
  let h: Harness;
  let trainer: TestUser;
  let courseId: string;
  let seq = 0;
  beforeAll(async () => {
    ({ h, trainer } = await trainingHarness());
    courseId = (await createCourse(h, trainer, { code: 'CELL-210', title: 'CAR-T cell processing', category: 'cell_processing', validityMonths: 24 })).id;
  });
  afterAll(() => h.close());

  const at = (ms: number) => new Date(Date.now() + ms).toISOString();
  const sessionBody = (over: Record<string, unknown> = {}) => ({ courseId, startsAt: at(7 * DAY), endsAt: at(7 * DAY + 3 * HOUR), trainerId: trainer.id, room: 'Training room 2, B1', capacity: 20, ...over });
  const newSession = async (over: Record<string, unknown> = {}) => {
    const res = await h.request(trainer, 'POST', '/api/v1/training/sessions', sessionBody(over));
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Session>();
  };
  const newLearner = async (name = `Learner ${++seq}`) => (await createExternalLearner(h, trainer, name)).id;
  const enroll = (sessionId: string, learnerId: string, waitlist?: boolean) =>
    h.request(trainer, 'POST', `/api/v1/training/sessions/${sessionId}/enrollments`, { learnerId, ...(waitlist === undefined ? {} : { waitlist }) });
  const detail = async (id: string) => (await h.request(trainer, 'GET', `/api/v1/training/sessions/${id}`)).json<Detail>();
  const sessionCount = () => countRows(h, 'training_sessions');

  it('schedules a session and lists sessions overlapping a period, ordered by start', async () => {
    const later = await newSession({ startsAt: at(14 * DAY), endsAt: at(14 * DAY + 2 * HOUR) });
    const sooner = await newSession();
    expect(sooner).toMatchObject({ courseCode: 'CELL-210', trainerName: `Test ${trainer.username}`, capacity: 20, enrolled: 0, waitlisted: 0, status: 'scheduled' });
    const director = await h.createTestUser({ roles: ['director'] });
    const list = await h.request(director, 'GET', `/api/v1/training/sessions?courseId=${courseId}&from=${encodeURIComponent(at(6 * DAY))}&to=${encodeURIComponent(at(15 * DAY))}`);
    expect(list.statusCode).toBe(200);
    expect(list.json<{ items: Session[] }>().items.map((s) => s.id)).toEqual([sooner.id, later.id]);
    const week = await h.request(director, 'GET', `/api/v1/training/sessions?from=${encodeURIComponent(at(6 * DAY))}&to=${encodeURIComponent(at(8 * DAY))}`);
    expect(week.json<{ items: Session[] }>().items.map((s) => s.id)).toEqual([sooner.id]);
    expect((await detail(sooner.id)).enrollments).toEqual([]);
  });

  it('refuses bad capacity, an end before the start, a non-trainer, unknown ids and other roles; stores nothing', async () => {
    const before = await sessionCount();
    const post = (body: unknown, user = trainer) => h.request(user, 'POST', '/api/v1/training/sessions', body);
    for (const capacity of [0, 501, 2.5]) {
      const res = await post(sessionBody({ capacity }));
      expect(res.statusCode).toBe(400);
      expect(res.json<Problem>().errors!.map((e) => e.path)).toEqual(['body.capacity']);
    }
    const backwards = await post(sessionBody({ endsAt: at(7 * DAY - HOUR) }));
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json<Problem>().errors![0]!.path).toBe('body.endsAt');
    const operator = await h.createTestUser({ roles: ['operator'] });
    const notTrainer = await post(sessionBody({ trainerId: operator.id }));
    expect(notTrainer.statusCode).toBe(422);
    expect(notTrainer.json<Problem>()).toMatchObject({ code: 'training.not_a_trainer', errors: [{ path: 'body.trainerId' }] });
    expect((await post(sessionBody({ courseId: UNKNOWN }))).statusCode).toBe(404);
    expect((await post(sessionBody(), await h.createTestUser({ roles: ['qa'] }))).statusCode).toBe(403);
    expect((await h.request(trainer, 'GET', `/api/v1/training/sessions/${UNKNOWN}`)).statusCode).toBe(404);
    expect(await sessionCount()).toBe(before);
  });

  it('fills a session, refuses the next learner with a clear message, waitlists on request and moves the first one up', async () => {
    const session = await newSession({ capacity: 2 });
    const [a, b, c, d] = [await newLearner('An Qi'), await newLearner('Bai Lu'), await newLearner('Cao Yu'), await newLearner('Deng Hui')];
    expect((await enroll(session.id, a)).json<Enrollment>()).toMatchObject({ status: 'enrolled', learnerName: 'An Qi', attended: null });
    expect((await enroll(session.id, b)).statusCode).toBe(201);
    const full = await enroll(session.id, c);
    expect(full.statusCode).toBe(409);
    expect(full.json<Problem>()).toMatchObject({ code: 'training.session_full', params: { course: 'CELL-210', capacity: 2 } });
    expect(full.json<Problem>().detail).toMatch(/^The CELL-210 session on \d{4}-\d\d-\d\d \d\d:\d\d is full \(2 of 2 places taken\)\. Add the learner to the waiting list instead\.$/);
    expect((await enroll(session.id, c, true)).json<Enrollment>().status).toBe('waitlisted');
    expect((await enroll(session.id, d, true)).json<Enrollment>().status).toBe('waitlisted');
    const duplicate = await enroll(session.id, a, true);
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json<Problem>().code).toBe('training.already_enrolled');
    expect(await detail(session.id)).toMatchObject({ enrolled: 2, waitlisted: 2 });

    const first = (await detail(session.id)).enrollments.find((e) => e.learnerId === a)!;
    const noReason = await h.request(trainer, 'POST', `/api/v1/training/enrollments/${first.id}/cancel`, {});
    expect(noReason.statusCode).toBe(400);
    const cancel = await h.request(trainer, 'POST', `/api/v1/training/enrollments/${first.id}/cancel`, { reason: 'Clinical duty on that day' });
    expect(cancel.statusCode, cancel.body).toBe(200);
    expect(cancel.json<Enrollment>().status).toBe('cancelled');
    const after = await detail(session.id);
    expect(after).toMatchObject({ enrolled: 2, waitlisted: 1 });
    expect(Object.fromEntries(after.enrollments.map((e) => [e.learnerName, e.status]))).toEqual({ 'An Qi': 'cancelled', 'Bai Lu': 'enrolled', 'Cao Yu': 'enrolled', 'Deng Hui': 'waitlisted' });
    const [promoted] = await h.database.query<{ action: string; reason: string }>(`SELECT action, reason FROM audit_events WHERE action = 'promote' ORDER BY seq DESC LIMIT 1`);
    expect(promoted).toEqual({ action: 'promote', reason: 'Moved up from the waiting list: place freed by An Qi' });
    expect((await h.request(trainer, 'POST', `/api/v1/training/enrollments/${first.id}/cancel`, { reason: 'again' })).statusCode).toBe(409);
    // A cancelled learner may enroll again; the place is gone, so only the waiting list is left.
    expect((await enroll(session.id, a, true)).json<Enrollment>()).toMatchObject({ id: first.id, status: 'waitlisted' });
    expect((await h.request(trainer, 'POST', `/api/v1/training/enrollments/${UNKNOWN}/cancel`, { reason: 'x' })).statusCode).toBe(404);
    const qa = await h.createTestUser({ roles: ['qa'] });
    expect((await h.request(qa, 'POST', `/api/v1/training/enrollments/${first.id}/cancel`, { reason: 'x' })).statusCode).toBe(403);
    expect((await h.request(qa, 'POST', `/api/v1/training/sessions/${session.id}/enrollments`, { learnerId: d })).statusCode).toBe(403);
    expect((await enroll(session.id, UNKNOWN)).statusCode).toBe(404);
    expect((await enroll(UNKNOWN, a)).statusCode).toBe(404);
  });

  it('gives exactly one of two parallel enrollments the last place', async () => {
    const session = await newSession({ capacity: 2 });
    expect((await enroll(session.id, await newLearner())).statusCode).toBe(201);
    const [x, y] = [await newLearner(), await newLearner()];
    const results = await Promise.all([enroll(session.id, x), enroll(session.id, y)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json<Problem>().code).toBe('training.session_full');
    expect(await detail(session.id)).toMatchObject({ enrolled: 2, waitlisted: 0 });
  });

  it('requires a valid qualification in every prerequisite', async () => {
    const gmp = (await h.request(trainer, 'POST', '/api/v1/training/courses', { code: 'GMP-101', title: 'GMP fundamentals', category: 'gmp_basics', validityMonths: 24 })).json<{ id: string }>().id;
    const asepId = (await h.request(trainer, 'POST', '/api/v1/training/courses', { code: 'ASEP-201', title: 'Aseptic gowning', category: 'aseptic_gowning', validityMonths: 12, practical: true, prerequisites: ['GMP-101'] })).json<{ id: string }>().id;
    const session = await newSession({ courseId: asepId });
    const qualify = (learnerId: string, status: string, validUntil: Date | null) =>
      runWithContext({ requestId: 't', actor: SYSTEM_ACTOR }, () =>
        write(h.database.db, (w) => w.insert(trainingQualifications, 'training_qualification', { learnerId, courseId: gmp, achievedAt: new Date(Date.now() - 400 * DAY), validUntil, status })),
      );
    const never = await newLearner();
    const expired = await newLearner();
    await qualify(expired, 'active', new Date(Date.now() - DAY));
    const suspended = await newLearner();
    await qualify(suspended, 'suspended', new Date(Date.now() + 100 * DAY));
    for (const learner of [never, expired, suspended]) {
      const res = await enroll(session.id, learner, true);
      expect(res.statusCode).toBe(409);
      expect(res.json<Problem>()).toMatchObject({ code: 'training.prerequisite_missing', params: { code: 'GMP-101' } });
    }
    const valid = await newLearner();
    await qualify(valid, 'active', new Date(Date.now() + 100 * DAY));
    expect((await enroll(session.id, valid)).statusCode).toBe(201);
    const forever = await newLearner();
    await qualify(forever, 'active', null);
    expect((await enroll(session.id, forever)).statusCode).toBe(201);
  });

  it('takes attendance for enrolled learners only, then completes a past session and closes it', async () => {
    const past = await newSession({ startsAt: at(-2 * DAY), endsAt: at(-2 * DAY + 3 * HOUR), capacity: 2 });
    const [a, b, c] = [await newLearner(), await newLearner(), await newLearner()];
    const ea = (await enroll(past.id, a)).json<Enrollment>();
    const eb = (await enroll(past.id, b)).json<Enrollment>();
    const ec = (await enroll(past.id, c, true)).json<Enrollment>();
    const url = `/api/v1/training/sessions/${past.id}/attendance`;
    const waitlisted = await h.request(trainer, 'POST', url, { attendance: [{ enrollmentId: ea.id, attended: true }, { enrollmentId: ec.id, attended: true }] });
    expect(waitlisted.statusCode).toBe(422);
    expect(waitlisted.json<Problem>()).toMatchObject({ code: 'training.not_enrolled', errors: [{ path: 'body.attendance.1.enrollmentId' }] });
    expect((await detail(past.id)).enrollments.every((e) => e.attended === null)).toBe(true);
    expect((await h.request(trainer, 'POST', url, { attendance: [] })).statusCode).toBe(400);
    expect((await h.request(trainer, 'POST', url, { attendance: [{ enrollmentId: ea.id, attended: 'yes' }] })).statusCode).toBe(400);
    const partial = await h.request(trainer, 'POST', url, { attendance: [{ enrollmentId: ea.id, attended: true }] });
    expect(partial.statusCode, partial.body).toBe(200);
    expect(partial.json<Detail>().status).toBe('scheduled');
    const done = await h.request(trainer, 'POST', url, { attendance: [{ enrollmentId: eb.id, attended: false }] });
    expect(done.json<Detail>()).toMatchObject({ status: 'completed' });
    expect(Object.fromEntries(done.json<Detail>().enrollments.map((e) => [e.id, e.attended]))).toEqual({ [ea.id]: true, [eb.id]: false, [ec.id]: null });
    const closed = await enroll(past.id, await newLearner(), true);
    expect(closed.statusCode).toBe(409);
    expect(closed.json<Problem>().code).toBe('training.session_closed');
    expect((await h.request(trainer, 'POST', `/api/v1/training/enrollments/${ea.id}/cancel`, { reason: 'x' })).statusCode).toBe(409);

    const future = await newSession();
    const ef = (await enroll(future.id, a)).json<Enrollment>();
    const early = await h.request(trainer, 'POST', `/api/v1/training/sessions/${future.id}/attendance`, { attendance: [{ enrollmentId: ef.id, attended: true }] });
    expect(early.statusCode).toBe(409);
    const otherSession = await h.request(trainer, 'POST', url, { attendance: [{ enrollmentId: ef.id, attended: true }] });
    expect(otherSession.statusCode).toBe(422);
    expect((await h.request(trainer, 'POST', `/api/v1/training/sessions/${UNKNOWN}/attendance`, { attendance: [{ enrollmentId: ef.id, attended: true }] })).statusCode).toBe(404);
  });
});
