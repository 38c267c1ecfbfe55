/**
 * Qualifications: what a learner may do because they passed a course. A pass (or a recorded
 * qualification) creates one valid until achievedAt + the course's validity in the site time zone,
 * with its certificate, in the same transaction; a newer qualification of the same course supersedes
 * the older one. Trainers suspend, reinstate and revoke (final) with a reason; a revised SOP can send
 * every active qualification of a course back to requalification. Nothing is ever deleted.
 */
import {
  effectiveQualificationStatus,
  localDate,
  qualificationValidUntil,
  type CourseCategory,
  type StoredQualificationStatus,
} from '@hepatica/core';
import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client';
import { hasPermission } from '../../platform/access';
import { currentActor } from '../../platform/context';
import { conflict, forbidden, notFound, unprocessable } from '../../platform/errors';
import { write, type Writer } from '../../platform/write';
import { homeSite } from '../sites/sites.service';
import { getCourse, type Course } from './training.courses.service';
import { getLearner, learnerForUser } from './training.learners.service';
import { issueCertificate } from './training.certificates.service';
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

export interface GrantInput {
  learnerId: string;
  course: Course;
  achievedAt: Date;
  assessmentId: string | null;
  evidence?: string | undefined;
}

/**
 * Creates a qualification and its certificate inside the caller's transaction. Older active (or
 * requalification-required) qualifications of the course become superseded; when a newer one
 * already exists (a paper record entered late), the new record is stored as superseded instead.
 */
export async function grantQualification(w: Writer, input: GrantInput): Promise<Qualification> {
  const { timeZone } = await homeSite(w.tx);
  const previous = await w.tx
    .select()
    .from(trainingQualifications)
    .where(
      and(
        eq(trainingQualifications.learnerId, input.learnerId),
        eq(trainingQualifications.courseId, input.course.id),
        inArray(trainingQualifications.status, ['active', 'requalification_required', 'suspended']),
      ),
    );
  // A newer record, even a suspended one, outranks a late-entered older one: that must not become the valid one.
  const newerExists = previous.some((p) => p.achievedAt > input.achievedAt);
  const row = await w.insert(trainingQualifications, 'training_qualification', {
    learnerId: input.learnerId,
    courseId: input.course.id,
    achievedAt: input.achievedAt,
    validUntil: qualificationValidUntil(input.achievedAt, input.course.validityMonths, timeZone),
    status: newerExists ? 'superseded' : 'active',
    sopVersion: input.course.sopVersion,
    assessmentId: input.assessmentId,
  });
  if (input.evidence) {
    await w.event({ action: 'evidence_recorded', entityType: 'training_qualification', entityId: row.id, after: { evidence: input.evidence } });
  }
  if (!newerExists) {
    const reason = `Superseded by the ${input.course.code} qualification achieved on ${localDate(input.achievedAt, timeZone)} (${row.id})`;
    // A suspended one stays suspended: its investigation is not closed by a new pass.
    for (const p of previous.filter((p) => p.status !== 'suspended')) await w.update(trainingQualifications, 'training_qualification', p.id, { status: 'superseded' }, reason, 'status_change');
  }
  await issueCertificate(w, row.id);
  return row;
}

export interface NewQualification {
  userId?: string | undefined;
  learnerId?: string | undefined;
  courseId: string;
  achievedAt: string;
  evidence?: string | undefined;
}

/** Records a qualification achieved outside an assessment here (e.g. training records from before the system). */
export async function recordQualification(db: Db, input: NewQualification): Promise<QualificationRow> {
  const course = await getCourse(db, input.courseId);
  const achievedAt = new Date(input.achievedAt);
  if (achievedAt.getTime() > Date.now() + FUTURE_TOLERANCE_MS) {
    throw unprocessable('The qualification cannot be achieved in the future.', {
      code: 'training.time_in_future',
      errors: [{ path: 'body.achievedAt', message: 'Must not be in the future' }],
    });
  }
  if (input.learnerId) await getLearner(db, input.learnerId);
  const row = await write(db, async (w) => {
    const learnerId = input.learnerId ?? (await learnerForUser(w, input.userId!)).id;
    return grantQualification(w, { learnerId, course, achievedAt, assessmentId: null, evidence: input.evidence });
  });
  return getQualificationRow(db, row.id);
}

type StatusAction = 'suspend' | 'reinstate' | 'revoke';

/** Suspends, reinstates or revokes a qualification; revocation is final. */
export async function changeQualificationStatus(db: Db, id: string, action: StatusAction, reason: string): Promise<QualificationRow> {
  await write(db, async (w) => {
    const q = await w.lockById(trainingQualifications, id, 'Qualification');
    const next = nextStatus(q.status as StoredQualificationStatus, action);
    await w.update(trainingQualifications, 'training_qualification', id, { status: next }, reason, action);
  });
  return getQualificationRow(db, id);
}

function nextStatus(current: StoredQualificationStatus, action: StatusAction): StoredQualificationStatus {
  if (current === 'revoked') {
    throw conflict('This qualification was revoked; revocation is final. A new qualification needs a new assessment.', {
      code: 'training.qualification_revoked',
    });
  }
  if (action === 'revoke') return 'revoked';
  if (action === 'suspend') {
    if (current !== 'active') throw conflict(`Only an active qualification can be suspended; this one is ${words(current)}.`, { code: 'training.qualification_not_active', params: { status: current } });
    return 'suspended';
  }
  if (current !== 'suspended') throw conflict(`Only a suspended qualification can be reinstated; this one is ${words(current)}.`, { code: 'training.qualification_not_suspended', params: { status: current } });
  return 'active';
}

const words = (status: string) => status.replaceAll('_', ' ');

/**
 * After an SOP revision: every active qualification of the course must be earned again. Runs in
 * the caller's transaction (the course change); returns how many qualifications it changed.
 */
export async function markRequalificationRequired(w: Writer, courseId: string, reason: string): Promise<number> {
  const active = await w.tx
    .select({ id: trainingQualifications.id })
    .from(trainingQualifications)
    .where(and(eq(trainingQualifications.courseId, courseId), eq(trainingQualifications.status, 'active')));
  for (const q of active) {
    await w.update(trainingQualifications, 'training_qualification', q.id, { status: 'requalification_required' }, reason, 'status_change');
  }
  return active.length;
}
