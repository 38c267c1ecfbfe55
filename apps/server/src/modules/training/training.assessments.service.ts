/**
 * Assessments: a theory score judged against the course pass mark, or a practical assessment
 * (gowning qualification, aseptic process simulation) judged and electronically signed by the
 * trainer. A pass that meets the course's requirement creates the qualification and its certificate
 * in the same transaction as the assessment, so a recorded pass never lacks its qualification.
 */
import type { AssessmentKind } from '@hepatica/core';
import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client';
import { requireUserActor } from '../../platform/context';
import { conflict, notFound, unprocessable } from '../../platform/errors';
import { sign, signaturesOf, type SignatureInput } from '../../platform/signatures';
import { write } from '../../platform/write';
import { users } from '../identity/identity.tables';
import { getCourse, type Course } from './training.courses.service';
import { getLearner } from './training.learners.service';
import { FUTURE_TOLERANCE_MS, getQualificationRow, grantQualification, qualificationView } from './training.qualifications.service';
import { trainingAssessments, trainingCourses, trainingLearners, trainingSessions } from './training.tables';

export type Assessment = typeof trainingAssessments.$inferSelect;

function selectAssessments(db: Executor) {
  return db
    .select({
      a: trainingAssessments,
      learnerName: trainingLearners.name,
      courseCode: trainingCourses.code,
      passMark: trainingCourses.passMark,
      assessor: users.displayName,
    })
    .from(trainingAssessments)
    .innerJoin(trainingLearners, eq(trainingLearners.id, trainingAssessments.learnerId))
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingAssessments.courseId))
    .innerJoin(users, eq(users.id, trainingAssessments.assessorId));
}
type AssessmentRow = Awaited<ReturnType<ReturnType<typeof selectAssessments>['execute']>>[number];

/** What the trainer's signature vouches for: the result and who, what, when. */
function signedContent(a: Assessment) {
  return { learnerId: a.learnerId, courseId: a.courseId, kind: a.kind, score: a.score, passed: a.passed, assessedAt: a.assessedAt, assessorId: a.assessorId, notes: a.notes };
}

export async function assessmentView(db: Executor, row: AssessmentRow) {
  const { a } = row;
  return {
    id: a.id,
    learnerId: a.learnerId,
    learnerName: row.learnerName,
    courseId: a.courseId,
    courseCode: row.courseCode,
    kind: a.kind as AssessmentKind,
    score: a.score,
    passed: a.passed,
    passMark: row.passMark,
    assessedAt: a.assessedAt.toISOString(),
    assessor: row.assessor,
    notes: a.notes,
    signatures: await signaturesOf(db, 'training_assessment', a.id, signedContent(a)),
  };
}

export async function listAssessments(db: Executor, filter: { learnerId?: string | undefined; courseId?: string | undefined } = {}): Promise<AssessmentRow[]> {
  const where: SQL[] = [];
  if (filter.learnerId) where.push(eq(trainingAssessments.learnerId, filter.learnerId));
  if (filter.courseId) where.push(eq(trainingAssessments.courseId, filter.courseId));
  return selectAssessments(db).where(and(...where)).orderBy(desc(trainingAssessments.assessedAt)).limit(2000);
}

export async function getAssessmentRow(db: Executor, id: string): Promise<AssessmentRow> {
  const [row] = await selectAssessments(db).where(eq(trainingAssessments.id, id));
  if (!row) throw notFound('Assessment');
  return row;
}

export interface NewAssessment {
  learnerId: string;
  courseId: string;
  sessionId?: string | undefined;
  kind: AssessmentKind;
  score?: number | undefined;
  passed?: boolean | undefined;
  assessedAt: string;
  notes?: string | undefined;
  signature?: SignatureInput | undefined;
}

/** Theory passes at or above the pass mark (80 passes and 79.9 fails for a pass mark of 80). */
export function theoryPassed(score: number, passMark: number): boolean {
  return score >= passMark;
}

/** A practical course is earned by a passed practical; every other course by a passed theory assessment. */
export function earnsQualification(course: Pick<Course, 'practical'>, kind: AssessmentKind, passed: boolean): boolean {
  return passed && kind === (course.practical ? 'practical' : 'theory');
}

/**
 * Records an assessment by the acting trainer; signs it when a signature is given (required for a
 * practical, checked by the schema). A wrong password rolls everything back: nothing is stored.
 */
export async function recordAssessment(db: Db, input: NewAssessment) {
  const assessor = requireUserActor();
  const learner = await getLearner(db, input.learnerId);
  const course = await getCourse(db, input.courseId);
  if (course.retiredAt) throw conflict(`${course.code} is retired; no new assessments can be recorded for it.`, { code: 'training.course_retired', params: { course: course.code } });
  const assessedAt = new Date(input.assessedAt);
  if (assessedAt.getTime() > Date.now() + FUTURE_TOLERANCE_MS) {
    throw unprocessable('The assessment time is in the future.', { code: 'training.time_in_future', errors: [{ path: 'body.assessedAt', message: 'Must not be in the future' }] });
  }
  if (input.sessionId) await assertSessionOfCourse(db, input.sessionId, course);
  const passed = judge(input, course);
  const { assessment, qualificationId } = await write(db, async (w) => {
    const assessment = await w.insert(trainingAssessments, 'training_assessment', {
      learnerId: learner.id,
      courseId: course.id,
      sessionId: input.sessionId ?? null,
      kind: input.kind,
      score: input.score ?? null,
      passed,
      assessedAt,
      assessorId: assessor.id,
      notes: input.notes ?? null,
    });
    if (input.signature) await sign(w, input.signature, 'training_assessment', assessment.id, signedContent(assessment));
    const qualification = earnsQualification(course, input.kind, passed)
      ? await grantQualification(w, { learnerId: learner.id, course, achievedAt: assessedAt, assessmentId: assessment.id })
      : null;
    return { assessment, qualificationId: qualification?.id ?? null };
  });
  const view = await assessmentView(db, await getAssessmentRow(db, assessment.id));
  return { ...view, qualification: qualificationId ? qualificationView(await getQualificationRow(db, qualificationId)) : null };
}

/** Pass or fail: theory by score against the pass mark, practical by the trainer's judgement. */
function judge(input: NewAssessment, course: Course): boolean {
  if (input.kind === 'practical') return input.passed!;
  const passed = theoryPassed(input.score!, course.passMark);
  if (input.passed !== undefined && input.passed !== passed) {
    throw unprocessable(`A score of ${input.score} ${passed ? 'passes' : 'fails'} ${course.code} (pass mark ${course.passMark}); "passed" says otherwise.`, {
      code: 'training.passed_contradicts_score',
      params: { score: input.score!, passMark: course.passMark },
      errors: [{ path: 'body.passed', message: `Must be ${passed} for a score of ${input.score}` }],
    });
  }
  return passed;
}

async function assertSessionOfCourse(db: Executor, sessionId: string, course: Course): Promise<void> {
  const [session] = await db.select({ courseId: trainingSessions.courseId }).from(trainingSessions).where(eq(trainingSessions.id, sessionId));
  if (!session) throw notFound('Session');
  if (session.courseId !== course.id) {
    throw unprocessable(`That session is not a session of ${course.code}.`, {
      code: 'training.session_course_mismatch',
      params: { course: course.code },
      errors: [{ path: 'body.sessionId', message: `Must be a session of ${course.code}` }],
    });
  }
}
