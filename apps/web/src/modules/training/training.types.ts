/** Shapes of the training academy API (docs/training-api.md): catalogue, learners, sessions, assessments, qualifications. */
import type { Signature } from '../../api/types';
import type {
  AssessmentKind,
  CourseCategory,
  DeliveryMode,
  EffectiveQualificationStatus,
  EnrollmentStatus,
  GapReason,
  LearnerKind,
  SessionStatus,
  StoredQualificationStatus,
} from '@hepatica/core';

// The vocabularies are shared with the server's schemas (packages/core/src/training/enums.ts).
export {
  ASSESSMENT_KINDS,
  COURSE_CATEGORIES,
  DELIVERY_MODES,
  EFFECTIVE_STATUSES,
  LEARNER_KINDS,
  type AssessmentKind,
  type CourseCategory,
  type DeliveryMode,
  type EffectiveQualificationStatus,
  type EnrollmentStatus,
  type GapReason,
  type LearnerKind,
  type SessionStatus,
  type StoredQualificationStatus,
} from '@hepatica/core';

/** A course as named elsewhere: code and both titles. */
export interface CourseRef {
  id: string;
  code: string;
  title: string;
  titleZh: string;
}

export interface Course extends CourseRef {
  category: CourseCategory;
  deliveryMode: DeliveryMode;
  durationHours: number;
  passMark: number;
  /** Requalification interval; null when the qualification never expires. */
  validityMonths: number | null;
  practical: boolean;
  sopCode: string | null;
  sopVersion: string | null;
  prerequisites: CourseRef[];
  retiredAt: string | null;
  createdAt: string;
}

export interface NewCourse {
  code: string;
  title: string;
  titleZh?: string;
  category: CourseCategory;
  validityMonths: number | null;
  deliveryMode?: DeliveryMode;
  durationHours?: number;
  passMark?: number;
  practical?: boolean;
  sopCode?: string;
  sopVersion?: string;
  prerequisites?: string[];
}

export interface CourseChange {
  reason: string;
  title?: string;
  titleZh?: string;
  passMark?: number;
  validityMonths?: number | null;
  sopVersion?: string;
  requireRequalification?: boolean;
  retired?: boolean;
}

export interface Curriculum {
  role: string;
  courses: (CourseRef & { category: CourseCategory })[];
}

export interface Learner {
  id: string;
  kind: LearnerKind;
  userId: string | null;
  username: string | null;
  name: string;
  institution: string;
  profession: string;
  email: string | null;
  createdAt: string;
}

export type NewLearner =
  | { kind: 'external'; name: string; institution: string; profession: string; email?: string }
  | { kind: 'internal'; userId: string; profession?: string };

export interface Session {
  id: string;
  courseId: string;
  courseCode: string;
  courseTitle: string;
  courseTitleZh: string;
  startsAt: string;
  endsAt: string;
  trainerId: string;
  trainerName: string;
  room: string;
  capacity: number;
  enrolled: number;
  waitlisted: number;
  status: SessionStatus;
}

export interface Enrollment {
  id: string;
  sessionId: string;
  learnerId: string;
  learnerName: string;
  institution: string;
  status: EnrollmentStatus;
  /** null until attendance is taken. */
  attended: boolean | null;
  createdAt: string;
}

export interface SessionDetail extends Session {
  enrollments: Enrollment[];
}

export interface NewSession {
  courseId: string;
  startsAt: string;
  endsAt: string;
  trainerId: string;
  room: string;
  capacity: number;
}

export interface Assessment {
  id: string;
  learnerId: string;
  learnerName: string;
  courseId: string;
  courseCode: string;
  kind: AssessmentKind;
  score: number | null;
  passed: boolean;
  passMark: number;
  assessedAt: string;
  assessor: string;
  notes: string | null;
  signatures: Signature[];
}

export interface NewAssessment {
  learnerId: string;
  courseId: string;
  sessionId?: string;
  kind: AssessmentKind;
  score?: number;
  passed?: boolean;
  assessedAt: string;
  notes?: string;
  signature?: { password: string; meaning: string };
}

export interface Qualification {
  id: string;
  learnerId: string;
  userId: string | null;
  learnerName: string;
  courseId: string;
  courseCode: string;
  courseTitle: string;
  courseTitleZh: string;
  category: CourseCategory;
  achievedAt: string;
  validUntil: string | null;
  status: StoredQualificationStatus;
  effectiveStatus: EffectiveQualificationStatus;
  sopVersion: string | null;
  certificateCode: string | null;
}

export interface TrainingRecord {
  learner: Learner;
  qualifications: Qualification[];
  assessments: Assessment[];
  enrollments: {
    id: string;
    sessionId: string;
    courseCode: string;
    startsAt: string;
    status: EnrollmentStatus;
    attended: boolean | null;
  }[];
  curriculumGaps: (CourseRef & { courseId: string; reason: GapReason })[];
}

export interface Verification {
  genuine: boolean;
  current: boolean;
  effectiveStatus: EffectiveQualificationStatus;
  learnerName: string;
  institution: string;
  courseCode: string;
  courseTitle: string;
  courseTitleZh: string;
  achievedAt: string;
  validUntil: string | null;
  issuedAt: string;
}

export interface Dashboard {
  year: number;
  target: number;
  trained: number;
  internal: number;
  external: number;
  byCategory: { category: CourseCategory; count: number }[];
  byInstitution: { institution: string; count: number }[];
  byMonth: { month: number; count: number }[];
  expiring: {
    within30: number;
    within60: number;
    within90: number;
    items: { qualificationId: string; learnerName: string; courseCode: string; validUntil: string; daysLeft: number }[];
  };
}
