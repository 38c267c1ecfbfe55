/**
 * A learner's training record: qualifications, assessments, enrollments, and the courses their
 * roles require that they do not currently hold (the curriculum gaps a supervisor has to close).
 * Training staff may read anyone's record; everyone else only their own.
 */
import { effectiveQualificationStatus, type EnrollmentStatus, type GapReason, type StoredQualificationStatus } from '@hepatica/core';
import { desc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { hasPermission, isRole } from '../../platform/access';
import { currentActor } from '../../platform/context';
import { notFound } from '../../platform/errors';
import { users } from '../identity/identity.tables';
import { assessmentView, listAssessments } from './training.assessments.service';
import { listCurricula, type CurriculumCourse } from './training.curricula.service';
import { getLearnerRow, learnerView } from './training.learners.service';
import { listQualifications, qualificationView } from './training.qualifications.service';
import { trainingCourses, trainingEnrollments, trainingQualifications, trainingSessions } from './training.tables';

export async function learnerRecord(db: Executor, id: string) {
  const row = await readableLearner(db, id);
  const now = new Date();
  const qualifications = (await listQualifications(db, { learnerId: id })).map((q) => qualificationView(q, now));
  const assessments = await Promise.all((await listAssessments(db, { learnerId: id })).map((a) => assessmentView(db, a)));
  return {
    learner: learnerView(row),
    qualifications,
    assessments,
    enrollments: await enrollmentsOfLearner(db, id),
    curriculumGaps: await curriculumGaps(db, id, row.learner.userId, now),
  };
}

/**
 * The learner, if the caller may read their record. To someone who may only read their own, another
 * person's record and a record that does not exist look the same (404): nothing about others leaks.
 */
async function readableLearner(db: Executor, id: string) {
  const actor = currentActor();
  const row = await getLearnerRow(db, id).catch(() => undefined);
  const mayRead = hasPermission(actor.roles, 'training:read') || (actor.id !== null && row?.learner.userId === actor.id);
  if (!row || !mayRead) throw notFound('Learner');
  return row;
}

async function enrollmentsOfLearner(db: Executor, learnerId: string) {
  const rows = await db
    .select({ e: trainingEnrollments, courseCode: trainingCourses.code, startsAt: trainingSessions.startsAt })
    .from(trainingEnrollments)
    .innerJoin(trainingSessions, eq(trainingSessions.id, trainingEnrollments.sessionId))
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingSessions.courseId))
    .where(eq(trainingEnrollments.learnerId, learnerId))
    .orderBy(desc(trainingSessions.startsAt));
  return rows.map(({ e, courseCode, startsAt }) => ({
    id: e.id,
    sessionId: e.sessionId,
    courseCode,
    startsAt: startsAt.toISOString(),
    status: e.status as EnrollmentStatus,
    attended: e.attended,
  }));
}

/**
 * Courses the learner's roles require without a valid qualification. The reason is the state of
 * the newest qualification of that course (superseded ones do not count), or `missing`.
 * External learners without a login have no role, hence no curriculum.
 */
async function curriculumGaps(db: Executor, learnerId: string, userId: string | null, at: Date) {
  const required = await requiredCourses(db, userId);
  if (!required.length) return [];
  const held = await db
    .select({ courseId: trainingQualifications.courseId, status: trainingQualifications.status, validUntil: trainingQualifications.validUntil })
    .from(trainingQualifications)
    .where(eq(trainingQualifications.learnerId, learnerId))
    .orderBy(desc(trainingQualifications.achievedAt), desc(trainingQualifications.createdAt));
  const gaps: (CurriculumCourse & { reason: GapReason })[] = [];
  for (const course of required) {
    const states = held
      .filter((q) => q.courseId === course.id && q.status !== 'superseded')
      .map((q) => effectiveQualificationStatus({ status: q.status as StoredQualificationStatus, validUntil: q.validUntil }, at));
    if (states.includes('valid')) continue;
    gaps.push({ ...course, reason: (states[0] ?? 'missing') as GapReason });
  }
  return gaps.map(({ id, code, title, titleZh, reason }) => ({ courseId: id, code, title, titleZh, reason }));
}

/** The union of the curricula of the user's roles, each course once. */
async function requiredCourses(db: Executor, userId: string | null): Promise<CurriculumCourse[]> {
  if (!userId) return [];
  const [user] = await db.select({ roles: users.roles }).from(users).where(eq(users.id, userId));
  const roles = (user?.roles ?? []).filter(isRole);
  const courses = new Map<string, CurriculumCourse>();
  for (const c of await listCurricula(db)) if (roles.includes(c.role)) for (const course of c.courses) courses.set(course.id, course);
  return [...courses.values()].sort((a, b) => a.code.localeCompare(b.code));
}
