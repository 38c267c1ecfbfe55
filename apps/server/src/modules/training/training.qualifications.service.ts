/**
 * Qualifications: what a learner may do because they passed a course. A pass (or a recorded
 * qualification) creates one valid until achievedAt + the course's validity in the site time zone,
 * with its certificate, in the same transaction; a newer qualification of the same course supersedes
 * the older one. Trainers suspend, reinstate and revoke (final) with a reason; a revised SOP can send
 * every active qualification of a course back to requalification. Nothing is ever deleted.
 */
import { localDate, qualificationValidUntil, type StoredQualificationStatus } from '@hepatica/core';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { conflict, unprocessable } from '../../platform/errors';
import { write, type Writer } from '../../platform/write';
import { homeSite } from '../sites/sites.service';
import { getCourse, type Course } from './training.courses.service';
import { getLearner, learnerForUser } from './training.learners.service';
import { issueCertificate } from './training.certificates.service';
import { FUTURE_TOLERANCE_MS, getQualificationRow, type Qualification, type QualificationRow } from './training.qualifications.read';
import { trainingQualifications } from './training.tables';

export * from './training.qualifications.read';


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

