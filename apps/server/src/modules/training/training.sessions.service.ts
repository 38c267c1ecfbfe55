/**
 * Scheduled training sessions: a course taught by a trainer in a room with a fixed number of places.
 * Enrollment, the waiting list and attendance are in training.enrollments.service.ts.
 */
import type { EnrollmentStatus, SessionStatus } from '@hepatica/core';
import { and, asc, count, eq, gt, inArray, lt, type SQL } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client';
import { conflict, notFound, unprocessable } from '../../platform/errors';
import { write } from '../../platform/write';
import { users } from '../identity/identity.tables';
import { getCourse } from './training.courses.service';
import { trainingCourses, trainingEnrollments, trainingLearners, trainingSessions } from './training.tables';

export type Session = typeof trainingSessions.$inferSelect;
export type Enrollment = typeof trainingEnrollments.$inferSelect;
type Course = typeof trainingCourses.$inferSelect;
type SessionRow = { session: Session; course: Course; trainerName: string };
type EnrollmentRow = { enrollment: Enrollment; learnerName: string; institution: string };

function selectSessions(db: Executor) {
  return db
    .select({ session: trainingSessions, course: trainingCourses, trainerName: users.displayName })
    .from(trainingSessions)
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingSessions.courseId))
    .innerJoin(users, eq(users.id, trainingSessions.trainerId));
}

/** How many learners hold a place and how many wait, per session. */
async function placesTaken(db: Executor, sessionIds: string[]): Promise<Map<string, { enrolled: number; waitlisted: number }>> {
  const places = new Map(sessionIds.map((id) => [id, { enrolled: 0, waitlisted: 0 }]));
  if (!sessionIds.length) return places;
  const rows = await db
    .select({ sessionId: trainingEnrollments.sessionId, status: trainingEnrollments.status, n: count() })
    .from(trainingEnrollments)
    .where(inArray(trainingEnrollments.sessionId, sessionIds))
    .groupBy(trainingEnrollments.sessionId, trainingEnrollments.status);
  for (const r of rows) {
    const p = places.get(r.sessionId)!;
    if (r.status === 'enrolled') p.enrolled = r.n;
    if (r.status === 'waitlisted') p.waitlisted = r.n;
  }
  return places;
}

export async function sessionViews(db: Executor, rows: SessionRow[]) {
  const places = await placesTaken(db, rows.map((r) => r.session.id));
  return rows.map(({ session: s, course, trainerName }) => ({
    id: s.id,
    courseId: s.courseId,
    courseCode: course.code,
    courseTitle: course.titleEn,
    courseTitleZh: course.titleZh,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    trainerId: s.trainerId,
    trainerName,
    room: s.room,
    capacity: s.capacity,
    ...places.get(s.id)!,
    status: s.status as SessionStatus,
  }));
}

export function enrollmentView({ enrollment: e, learnerName, institution }: EnrollmentRow) {
  return {
    id: e.id,
    sessionId: e.sessionId,
    learnerId: e.learnerId,
    learnerName,
    institution,
    status: e.status as EnrollmentStatus,
    attended: e.attended,
    createdAt: e.createdAt.toISOString(),
  };
}

/** One session as the API lists it. */
export async function sessionSummary(db: Executor, id: string) {
  return (await sessionViews(db, [await getSessionRow(db, id)]))[0]!;
}

/** A session as the API shows it, with every enrollment in the order it was made (the waiting-list order). */
export async function sessionDetail(db: Executor, id: string) {
  const view = await sessionSummary(db, id);
  const enrollments = (await enrollmentsOf(db, { sessionId: id })).map(enrollmentView);
  return { ...view, enrollments };
}

export async function enrollmentsOf(db: Executor, where: { sessionId?: string; id?: string }): Promise<EnrollmentRow[]> {
  const filter = where.id ? eq(trainingEnrollments.id, where.id) : eq(trainingEnrollments.sessionId, where.sessionId!);
  return db
    .select({ enrollment: trainingEnrollments, learnerName: trainingLearners.name, institution: trainingLearners.institution })
    .from(trainingEnrollments)
    .innerJoin(trainingLearners, eq(trainingLearners.id, trainingEnrollments.learnerId))
    .where(filter)
    .orderBy(asc(trainingEnrollments.createdAt), asc(trainingEnrollments.id));
}

export interface SessionFilter {
  from?: string | undefined;
  to?: string | undefined;
  courseId?: string | undefined;
}

/** Sessions overlapping [from, to) (a calendar's week or month), ordered by start. */
export async function listSessions(db: Executor, filter: SessionFilter = {}): Promise<SessionRow[]> {
  const where: SQL[] = [];
  if (filter.from) where.push(gt(trainingSessions.endsAt, new Date(filter.from)));
  if (filter.to) where.push(lt(trainingSessions.startsAt, new Date(filter.to)));
  if (filter.courseId) where.push(eq(trainingSessions.courseId, filter.courseId));
  return selectSessions(db)
    .where(and(...where))
    .orderBy(asc(trainingSessions.startsAt), asc(trainingSessions.id))
    .limit(1000);
}

export async function getSessionRow(db: Executor, id: string): Promise<SessionRow> {
  const [row] = await selectSessions(db).where(eq(trainingSessions.id, id));
  if (!row) throw notFound('Session');
  return row;
}

export interface NewSession {
  courseId: string;
  startsAt: string;
  endsAt: string;
  trainerId: string;
  room: string;
  capacity: number;
}

export async function createSession(db: Db, input: NewSession): Promise<Session> {
  const course = await getCourse(db, input.courseId);
  if (course.retiredAt) {
    throw conflict(`${course.code} is retired; no new sessions can be scheduled for it.`, { code: 'training.course_retired', params: { course: course.code } });
  }
  await requireTrainer(db, input.trainerId);
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  if (endsAt <= startsAt) {
    throw unprocessable('The session must end after it starts.', {
      code: 'training.session_ends_before_start',
      errors: [{ path: 'body.endsAt', message: 'Must be after the start' }],
    });
  }
  return write(db, (w) =>
    w.insert(trainingSessions, 'training_session', {
      courseId: course.id,
      startsAt,
      endsAt,
      trainerId: input.trainerId,
      room: input.room,
      capacity: input.capacity,
      status: 'scheduled',
    }),
  );
}

/** Only an active user holding the trainer role may teach a session. */
async function requireTrainer(db: Executor, userId: string): Promise<void> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) throw notFound('User');
  if (!user.active || !user.roles.includes('trainer')) {
    throw unprocessable(`${user.displayName} is not an active trainer; only a user with the trainer role can teach a session.`, {
      code: 'training.not_a_trainer',
      params: { name: user.displayName },
      errors: [{ path: 'body.trainerId', message: 'Must be a user with the trainer role' }],
    });
  }
}
