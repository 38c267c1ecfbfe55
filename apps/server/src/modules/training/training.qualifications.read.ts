/**
 * Reading qualifications: the joined row, its API view and who may see whose record. Kept apart from
 * the writes in training.qualifications.service so the certificates service can read without an import circle.
 */
import { effectiveQualificationStatus, type CourseCategory, type StoredQualificationStatus } from '@hepatica/core';
import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { hasPermission } from '../../platform/access';
import { currentActor } from '../../platform/context';
import { forbidden, notFound } from '../../platform/errors';
import { trainingCertificates, trainingCourses, trainingLearners, trainingQualifications } from './training.tables';

export type Qualification = typeof trainingQualifications.$inferSelect;
/** A future time this far ahead is a typing error, not a clock difference. */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;

/** A qualification with what its views need: the learner, the course and the certificate. */
export function selectQualifications(db: Executor) {
  return db
    .select({
      q: trainingQualifications,
      learner: { name: trainingLearners.name, userId: trainingLearners.userId, institution: trainingLearners.institution },
      course: trainingCourses,
      certificate: { code: trainingCertificates.verificationCode, issuedAt: trainingCertificates.issuedAt },
    })
    .from(trainingQualifications)
    .innerJoin(trainingLearners, eq(trainingLearners.id, trainingQualifications.learnerId))
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingQualifications.courseId))
    .leftJoin(trainingCertificates, eq(trainingCertificates.qualificationId, trainingQualifications.id));
}
export type QualificationRow = Awaited<ReturnType<ReturnType<typeof selectQualifications>['execute']>>[number];

/** The API view; `effectiveStatus` is computed at `at` (default: now). */
export function qualificationView({ q, learner, course, certificate }: QualificationRow, at = new Date()) {
  return {
    id: q.id,
    learnerId: q.learnerId,
    userId: learner.userId,
    learnerName: learner.name,
    courseId: q.courseId,
    courseCode: course.code,
    courseTitle: course.titleEn,
    courseTitleZh: course.titleZh,
    category: course.category as CourseCategory,
    achievedAt: q.achievedAt.toISOString(),
    validUntil: q.validUntil?.toISOString() ?? null,
    status: q.status as StoredQualificationStatus,
    effectiveStatus: effectiveQualificationStatus({ status: q.status as StoredQualificationStatus, validUntil: q.validUntil }, at),
    sopVersion: q.sopVersion,
    certificateCode: certificate?.code ?? null,
  };
}
export type QualificationView = ReturnType<typeof qualificationView>;

export async function getQualificationRow(db: Executor, id: string): Promise<QualificationRow> {
  const [row] = await selectQualifications(db).where(eq(trainingQualifications.id, id));
  if (!row) throw notFound('Qualification');
  return row;
}

/**
 * Training staff may read anyone's record; everyone else only their own (a trainee, or staff
 * looking up their own qualifications). Refuses with 403 otherwise.
 */
export function assertMayReadRecordOf(learnerUserId: string | null): void {
  const actor = currentActor();
  if (hasPermission(actor.roles, 'training:read')) return;
  if (actor.id && learnerUserId === actor.id) return;
  throw forbidden('You may only see your own training record.');
}

export interface QualificationFilter {
  userId?: string | undefined;
  learnerId?: string | undefined;
  courseId?: string | undefined;
}

/**
 * Qualifications, current and past, newest first. Without training:read the caller sees only
 * their own: no filter means "mine", and asking for anyone else is refused.
 */
export async function listQualifications(db: Executor, filter: QualificationFilter = {}): Promise<QualificationRow[]> {
  const actor = currentActor();
  const scoped = { ...filter };
  if (!hasPermission(actor.roles, 'training:read')) {
    if (filter.userId && filter.userId !== actor.id) throw forbidden('You may only see your own training record.');
    if (filter.learnerId) {
      const [own] = await db.select({ userId: trainingLearners.userId }).from(trainingLearners).where(eq(trainingLearners.id, filter.learnerId));
      // An unknown learner and someone else's get the same answer: nothing about others leaks.
      if (!own || own.userId !== actor.id) throw forbidden('You may only see your own training record.');
    }
    scoped.userId = actor.id ?? undefined;
  }
  const where: SQL[] = [];
  if (scoped.userId) where.push(eq(trainingLearners.userId, scoped.userId));
  if (scoped.learnerId) where.push(eq(trainingQualifications.learnerId, scoped.learnerId));
  if (scoped.courseId) where.push(eq(trainingQualifications.courseId, scoped.courseId));
  return selectQualifications(db)
    .where(and(...where))
    .orderBy(desc(trainingQualifications.achievedAt), desc(trainingQualifications.createdAt))
    .limit(2000);
}
