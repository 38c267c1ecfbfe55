/** Shapes of the visit schedule and long-term follow-up (docs/clinical/visits-labs-api.md). */

export const VISIT_STATUSES = ['upcoming', 'in_window', 'overdue', 'done', 'missed'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

export interface Visit {
  id: string;
  subjectId: string;
  code: string;
  name: string;
  anchor: string;
  dayOffset: number;
  /** Calendar days in the site's time zone (`YYYY-MM-DD`). */
  targetDate: string | null;
  windowStart: string | null;
  windowEnd: string | null;
  status: VisitStatus;
  completedAt: string | null;
  missedReason?: string | null;
  assessments: string[];
}

export interface DueVisit extends Visit {
  subjectCode: string;
  subjectNumber: string | null;
  studyId: string;
  studyCode: string;
}

export interface FollowUpContact {
  id: string;
  label: string;
  dueDate: string;
  windowStart?: string | null;
  windowEnd?: string | null;
  status: VisitStatus | string;
  tests: string[];
  completedAt?: string | null;
}

export interface FollowUpPlan {
  startsAt: string | null;
  years: number | null;
  reason?: string | null;
  items: FollowUpContact[];
}
