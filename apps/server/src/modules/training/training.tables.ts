/**
 * The training academy: the course catalogue and role curricula, learners (staff and external),
 * scheduled sessions with enrolment and attendance, assessments, qualifications with expiry that
 * gate GMP work, certificates with a public verification code, and the annual target.
 */
import { boolean, doublePrecision, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { users } from '../identity/identity.tables';

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });
// Column builders for the references most tables share (a builder can serve one table only).
const courseRef = () =>
  uuid('course_id')
    .notNull()
    .references(() => trainingCourses.id);
const learnerRef = () =>
  uuid('learner_id')
    .notNull()
    .references(() => trainingLearners.id);
const userRef = (name: string) =>
  uuid(name)
    .notNull()
    .references(() => users.id);

export const trainingCourses = pgTable('training_courses', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  titleEn: text('title_en').notNull(),
  titleZh: text('title_zh').notNull(),
  category: text('category').notNull(),
  deliveryMode: text('delivery_mode').notNull(),
  durationHours: doublePrecision('duration_hours').notNull(),
  passMark: integer('pass_mark').notNull(),
  /** Requalification interval; null when the qualification does not expire. */
  validityMonths: integer('validity_months'),
  /** Practical courses need a signed practical assessment (gowning, aseptic process simulation). */
  practical: boolean('practical').notNull().default(false),
  sopCode: text('sop_code'),
  sopVersion: text('sop_version'),
  retiredAt: at('retired_at'),
  createdAt: at('created_at').notNull().defaultNow(),
});

export const trainingCoursePrerequisites = pgTable(
  'training_course_prerequisites',
  {
    courseId: courseRef(),
    prerequisiteId: uuid('prerequisite_id')
      .notNull()
      .references(() => trainingCourses.id),
  },
  (t) => [primaryKey({ columns: [t.courseId, t.prerequisiteId] })],
);

/** Which courses each role must hold. */
export const trainingCurricula = pgTable(
  'training_curricula',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    role: text('role').notNull(),
    courseId: courseRef(),
    retiredAt: at('retired_at'),
  },
  (t) => [unique('training_curricula_role_course').on(t.role, t.courseId)],
);

/** A learner: a staff member (userId set) or an external learner from a partner institution. */
export const trainingLearners = pgTable('training_learners', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind').notNull(),
  userId: uuid('user_id')
    .unique()
    .references(() => users.id),
  name: text('name').notNull(),
  institution: text('institution').notNull(),
  profession: text('profession').notNull(),
  email: text('email'),
  createdAt: at('created_at').notNull().defaultNow(),
});

export const trainingSessions = pgTable(
  'training_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    courseId: courseRef(),
    startsAt: at('starts_at').notNull(),
    endsAt: at('ends_at').notNull(),
    trainerId: userRef('trainer_id'),
    room: text('room').notNull(),
    capacity: integer('capacity').notNull(),
    status: text('status').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('training_sessions_starts_idx').on(t.startsAt)],
);

export const trainingEnrollments = pgTable(
  'training_enrollments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => trainingSessions.id),
    learnerId: learnerRef(),
    /** enrolled | waitlisted | cancelled */
    status: text('status').notNull(),
    /** null until attendance is taken. */
    attended: boolean('attended'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [unique('training_enrollments_session_learner').on(t.sessionId, t.learnerId)],
);

export const trainingAssessments = pgTable(
  'training_assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    learnerId: learnerRef(),
    courseId: courseRef(),
    sessionId: uuid('session_id').references(() => trainingSessions.id),
    /** theory | practical */
    kind: text('kind').notNull(),
    score: doublePrecision('score'),
    passed: boolean('passed').notNull(),
    assessedAt: at('assessed_at').notNull(),
    assessorId: userRef('assessor_id'),
    notes: text('notes'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('training_assessments_learner_idx').on(t.learnerId)],
);

export const trainingQualifications = pgTable(
  'training_qualifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    learnerId: learnerRef(),
    courseId: courseRef(),
    achievedAt: at('achieved_at').notNull(),
    /** null when the course's qualification does not expire. */
    validUntil: at('valid_until'),
    /** active | suspended | revoked | requalification_required | superseded */
    status: text('status').notNull(),
    sopVersion: text('sop_version'),
    assessmentId: uuid('assessment_id').references(() => trainingAssessments.id),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('training_qualifications_learner_idx').on(t.learnerId, t.courseId)],
);

export const trainingCertificates = pgTable('training_certificates', {
  id: uuid('id').primaryKey().defaultRandom(),
  qualificationId: uuid('qualification_id')
    .notNull()
    .unique()
    .references(() => trainingQualifications.id),
  verificationCode: text('verification_code').notNull().unique(),
  issuedAt: at('issued_at').notNull(),
});

/** The academy's target of people trained per calendar year (the center's mission: 100+). */
export const trainingTargets = pgTable('training_targets', {
  id: uuid('id').primaryKey().defaultRandom(),
  year: integer('year').notNull().unique(),
  target: integer('target').notNull(),
});
