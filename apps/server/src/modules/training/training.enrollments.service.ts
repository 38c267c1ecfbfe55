/**
 * Enrollment, the waiting list and attendance. Places are counted under a lock on the session row,
 * so two people enrolling into the last place at the same moment cannot both get it. A learner
 * must hold a valid qualification in every prerequisite of the course before enrolling.
 */
import { and, asc, count, eq, gt, isNull, or } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client';
import { conflict, notFound, unprocessable } from '../../platform/errors';
import { write, type Writer } from '../../platform/write';
import { homeSite } from '../sites/sites.service';
import { getCourse, prerequisitesOf, type Course } from './training.courses.service';
import { getLearner, type Learner } from './training.learners.service';
import type { Enrollment, Session } from './training.sessions.service';
import { trainingEnrollments, trainingLearners, trainingQualifications, trainingSessions } from './training.tables';

export interface EnrollmentRequest {
  learnerId: string;
  waitlist?: boolean | undefined;
}

/** Enrolls a learner, or puts them on the waiting list when the session is full and they asked for it. */
export async function enroll(db: Db, sessionId: string, input: EnrollmentRequest): Promise<Enrollment> {
  const timeZone = (await homeSite(db)).timeZone;
  return write(db, async (w) => {
    const session = await w.lockById(trainingSessions, sessionId, 'Session');
    const course = await getCourse(w.tx, session.courseId);
    if (session.status !== 'scheduled') {
      throw conflict(`This ${course.code} session is ${session.status}; nobody can enroll in it.`, {
        code: 'training.session_closed',
        params: { course: course.code, status: session.status },
      });
    }
    const learner = await getLearner(w.tx, input.learnerId);
    const [existing] = await w.tx
      .select()
      .from(trainingEnrollments)
      .where(and(eq(trainingEnrollments.sessionId, sessionId), eq(trainingEnrollments.learnerId, learner.id)));
    if (existing && existing.status !== 'cancelled') {
      throw conflict(`${learner.name} is already ${existing.status === 'enrolled' ? 'enrolled in' : 'on the waiting list of'} this session.`, {
        code: 'training.already_enrolled',
        params: { name: learner.name, status: existing.status },
      });
    }
    await requirePrerequisites(w.tx, learner, course);
    const taken = await enrolledCount(w, sessionId);
    if (taken >= session.capacity && !input.waitlist) throw sessionFull(course, session, taken, timeZone);
    const status = taken < session.capacity ? 'enrolled' : 'waitlisted';
    // The pair (session, learner) is unique: a cancelled enrollment is taken up again, not duplicated.
    if (existing) return w.update(trainingEnrollments, 'training_enrollment', existing.id, { status, attended: null }, 'Enrolled again after a cancellation', 're_enroll');
    return w.insert(trainingEnrollments, 'training_enrollment', { sessionId, learnerId: learner.id, status });
  });
}

async function enrolledCount(w: Writer, sessionId: string): Promise<number> {
  const [row] = await w.tx
    .select({ n: count() })
    .from(trainingEnrollments)
    .where(and(eq(trainingEnrollments.sessionId, sessionId), eq(trainingEnrollments.status, 'enrolled')));
  return row?.n ?? 0;
}

function sessionFull(course: Course, session: Session, taken: number, timeZone: string) {
  return conflict(
    `The ${course.code} session on ${localDateTime(session.startsAt, timeZone)} is full (${taken} of ${session.capacity} places taken). Add the learner to the waiting list instead.`,
    { code: 'training.session_full', params: { course: course.code, capacity: session.capacity, taken } },
  );
}

/** "2026-11-25 09:30" in the site's time zone. */
function localDateTime(at: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** Every prerequisite must be held as an active qualification that has not expired. */
async function requirePrerequisites(db: Executor, learner: Learner, course: Course): Promise<void> {
  const prerequisites = (await prerequisitesOf(db, [course.id])).get(course.id) ?? [];
  for (const p of prerequisites) {
    if (await holdsValidQualification(db, learner.id, p.id)) continue;
    throw conflict(`${learner.name} does not hold a valid ${p.code} qualification (${p.titleEn}), which ${course.code} requires.`, {
      code: 'training.prerequisite_missing',
      params: { code: p.code, course: course.code, name: learner.name },
    });
  }
}

async function holdsValidQualification(db: Executor, learnerId: string, courseId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: trainingQualifications.id })
    .from(trainingQualifications)
    .where(
      and(
        eq(trainingQualifications.learnerId, learnerId),
        eq(trainingQualifications.courseId, courseId),
        eq(trainingQualifications.status, 'active'),
        or(isNull(trainingQualifications.validUntil), gt(trainingQualifications.validUntil, new Date())),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** Cancels an enrollment; a freed place goes to the first learner on the waiting list, in the same transaction. */
export async function cancelEnrollment(db: Db, id: string, reason: string): Promise<Enrollment> {
  const [found] = await db.select().from(trainingEnrollments).where(eq(trainingEnrollments.id, id));
  if (!found) throw notFound('Enrollment');
  return write(db, async (w) => {
    // Session first, as enroll() does, so both queue on the same lock.
    const session = await w.lockById(trainingSessions, found.sessionId, 'Session');
    const enrollment = await w.lockById(trainingEnrollments, id, 'Enrollment');
    if (enrollment.status === 'cancelled') throw conflict('This enrollment is already cancelled.', { code: 'training.enrollment_cancelled' });
    if (enrollment.attended !== null) {
      throw conflict('Attendance has been recorded for this enrollment; it can no longer be cancelled.', { code: 'training.attendance_recorded' });
    }
    const cancelled = await w.update(trainingEnrollments, 'training_enrollment', id, { status: 'cancelled' }, reason, 'cancel');
    if (enrollment.status === 'enrolled' && session.status === 'scheduled') await promoteFromWaitlist(w, session, id);
    return cancelled;
  });
}

async function promoteFromWaitlist(w: Writer, session: Session, freedBy: string): Promise<void> {
  if ((await enrolledCount(w, session.id)) >= session.capacity) return;
  const [next] = await w.tx
    .select({ id: trainingEnrollments.id })
    .from(trainingEnrollments)
    .where(and(eq(trainingEnrollments.sessionId, session.id), eq(trainingEnrollments.status, 'waitlisted')))
    .orderBy(asc(trainingEnrollments.createdAt), asc(trainingEnrollments.id))
    .limit(1);
  if (!next) return;
  const [freed] = await w.tx.select({ name: trainingLearners.name }).from(trainingEnrollments).innerJoin(trainingLearners, eq(trainingLearners.id, trainingEnrollments.learnerId)).where(eq(trainingEnrollments.id, freedBy));
  await w.update(trainingEnrollments, 'training_enrollment', next.id, { status: 'enrolled' }, `Moved up from the waiting list: place freed by ${freed?.name ?? 'a cancellation'}`, 'promote');
}

export interface AttendanceMark {
  enrollmentId: string;
  attended: boolean;
}

/**
 * Takes attendance for enrolled learners of a session that has started. Once the session has ended
 * and every enrolled learner's attendance is known, the session is completed.
 */
export async function recordAttendance(db: Db, sessionId: string, marks: AttendanceMark[]): Promise<void> {
  await write(db, async (w) => {
    const session = await w.lockById(trainingSessions, sessionId, 'Session');
    if (session.status === 'cancelled') throw conflict('This session is cancelled; no attendance can be taken.', { code: 'training.session_closed', params: { status: session.status } });
    if (session.startsAt > new Date()) throw conflict('This session has not started yet; attendance is taken during or after it.', { code: 'training.session_not_started' });
    const enrollments = await w.tx.select().from(trainingEnrollments).where(eq(trainingEnrollments.sessionId, sessionId));
    const byId = new Map(enrollments.map((e) => [e.id, e]));
    marks.forEach((m, i) => {
      if (byId.get(m.enrollmentId)?.status === 'enrolled') return;
      throw unprocessable('Attendance can only be taken for learners enrolled in this session.', {
        code: 'training.not_enrolled',
        errors: [{ path: `body.attendance.${i}.enrollmentId`, message: 'Not an enrolled learner of this session' }],
      });
    });
    for (const m of marks) {
      if (byId.get(m.enrollmentId)!.attended === m.attended) continue;
      const after = await w.update(trainingEnrollments, 'training_enrollment', m.enrollmentId, { attended: m.attended }, 'Attendance taken', 'attendance');
      byId.set(after.id, after);
    }
    const complete = [...byId.values()].filter((e) => e.status === 'enrolled').every((e) => e.attended !== null);
    if (session.status === 'scheduled' && complete && session.endsAt <= new Date()) {
      await w.update(trainingSessions, 'training_session', sessionId, { status: 'completed' }, 'Session held; attendance taken for every enrolled learner', 'status_change');
    }
  });
}
