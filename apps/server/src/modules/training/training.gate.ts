/**
 * The competency gate other modules call before a person performs or signs GMP work: GMP requires
 * that nobody does a step they are not currently qualified for (EU GMP Part I §2.8–2.11 and Annex 1
 * §7.4 for gowning and aseptic process simulation). Refusals name the person, the course and what
 * is wrong, so the operator and QA can act on them.
 *
 * @example await requireQualification(db, { userId: actor.id, competency: 'ASEP-201', at: new Date() });
 */
import { effectiveQualificationStatus, localDate, type StoredQualificationStatus } from '@hepatica/core';
import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { conflict } from '../../platform/errors';
import { users } from '../identity/identity.tables';
import { homeSite } from '../sites/sites.service';
import type { GateState } from './training.qualifications.schema';
import { getCourseByCode, type Course } from './training.courses.service';
import { qualificationView, selectQualifications, type QualificationRow, type QualificationView } from './training.qualifications.service';
import { trainingLearners, trainingQualifications } from './training.tables';

export interface GateQuery {
  userId: string;
  /** Course code, e.g. `ASEP-201`. */
  competency: string;
  at: Date;
}

export interface GateResult {
  qualified: boolean;
  state: GateState;
  /** The qualification that decided the state; null when none was ever held. */
  qualification: QualificationView | null;
}

/**
 * The person's standing for a competency at `at`: valid if any qualification of the course is valid
 * then; otherwise the state of the most recent one that still tells something (superseded records
 * only ever stand behind a newer one), or `never_held`. 404 when the course code is unknown.
 */
export async function qualificationState(db: Executor, query: GateQuery): Promise<GateResult> {
  const course = await getCourseByCode(db, query.competency);
  const rows = await selectQualifications(db)
    .where(and(eq(trainingLearners.userId, query.userId), eq(trainingQualifications.courseId, course.id)))
    .orderBy(desc(trainingQualifications.achievedAt), desc(trainingQualifications.createdAt));
  const stateOf = (row: QualificationRow) =>
    effectiveQualificationStatus({ status: row.q.status as StoredQualificationStatus, validUntil: row.q.validUntil }, query.at);
  // Only what was achieved by `at` counts: a later qualification does not cover earlier work.
  const held = rows.filter((r) => r.q.achievedAt <= query.at);
  const valid = held.find((r) => stateOf(r) === 'valid');
  if (valid) return { qualified: true, state: 'valid', qualification: qualificationView(valid, query.at) };
  const latest = held.find((r) => stateOf(r) !== 'superseded');
  if (!latest) return { qualified: false, state: 'never_held', qualification: null };
  return { qualified: false, state: stateOf(latest) as GateState, qualification: qualificationView(latest, query.at) };
}

/** Throws 409 `training.not_qualified` unless the person holds a valid qualification for the competency at `at`. */
export async function requireQualification(db: Executor, query: GateQuery): Promise<QualificationView> {
  const result = await qualificationState(db, query);
  if (result.qualified) return result.qualification!;
  const course = await getCourseByCode(db, query.competency);
  const name = await personName(db, query.userId);
  const { timeZone } = await homeSite(db);
  throw conflict(`${name} is not qualified for ${course.code} ${course.titleEn}: ${explain(result, course, timeZone)}`, {
    code: 'training.not_qualified',
    params: { competency: course.code, state: result.state, name },
  });
}

function explain(result: GateResult, course: Course, timeZone: string): string {
  const q = result.qualification;
  switch (result.state) {
    case 'never_held':
      return 'they have never held this qualification.';
    case 'expired':
      return `the qualification expired on ${localDate(new Date(q!.validUntil!), timeZone)}; requalification is due.`;
    case 'suspended':
      return 'the qualification is suspended.';
    case 'revoked':
      return 'the qualification was revoked.';
    case 'requalification_required':
      return `requalification is required after the SOP was revised${revision(q?.sopVersion ?? null, course.sopVersion)}.`;
    case 'valid':
      return 'the qualification is valid.';
  }
}

function revision(trained: string | null, current: string | null): string {
  if (trained && current) return ` (trained on version ${trained}, now version ${current})`;
  return current ? ` (now version ${current})` : '';
}

/** The learner's name, else the user's display name, else a neutral word (never an id). */
async function personName(db: Executor, userId: string): Promise<string> {
  const [learner] = await db.select({ name: trainingLearners.name }).from(trainingLearners).where(eq(trainingLearners.userId, userId));
  if (learner) return learner.name;
  const [user] = await db.select({ name: users.displayName }).from(users).where(eq(users.id, userId));
  return user?.name ?? 'This person';
}
