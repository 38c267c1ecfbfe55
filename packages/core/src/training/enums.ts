/**
 * The closed vocabularies of the training academy. The server validates requests and responses
 * against them and the web app offers and labels them, so they live here once: a value added on one
 * side and not the other would be rejected by the server or shown untranslated by the browser.
 */

export const COURSE_CATEGORIES = [
  'gmp_basics',
  'aseptic_gowning',
  'cell_processing',
  'viral_vector',
  'qc_methods',
  'gcp',
  'biosafety',
  'chain_of_identity',
] as const;
export type CourseCategory = (typeof COURSE_CATEGORIES)[number];

export const DELIVERY_MODES = ['classroom', 'e_learning', 'practical', 'blended'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

/** Staff with an account (internal) or people from partner institutions (external). */
export const LEARNER_KINDS = ['internal', 'external'] as const;
export type LearnerKind = (typeof LEARNER_KINDS)[number];

export const SESSION_STATUSES = ['scheduled', 'completed', 'cancelled'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const ENROLLMENT_STATUSES = ['enrolled', 'waitlisted', 'cancelled'] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];

/** Theory is graded by a score; a practical is judged and signed by the trainer. */
export const ASSESSMENT_KINDS = ['theory', 'practical'] as const;
export type AssessmentKind = (typeof ASSESSMENT_KINDS)[number];

/** The status stored with a qualification. */
export const QUALIFICATION_STATUSES = [
  'active',
  'suspended',
  'revoked',
  'requalification_required',
  'superseded',
] as const;
export type StoredQualificationStatus = (typeof QUALIFICATION_STATUSES)[number];

/** What a qualification is worth at an instant: `active` becomes `valid` or `expired`. */
export const EFFECTIVE_STATUSES = [
  'valid',
  'expired',
  'suspended',
  'revoked',
  'requalification_required',
  'superseded',
] as const;
export type EffectiveQualificationStatus = (typeof EFFECTIVE_STATUSES)[number];

/** Why a course of a role's curriculum is missing from a learner's record. */
export const GAP_REASONS = ['missing', 'expired', 'suspended', 'revoked', 'requalification_required'] as const;
export type GapReason = (typeof GAP_REASONS)[number];
