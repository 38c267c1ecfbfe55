/** Shapes of the visit schedule, a subject's visits and long-term follow-up (docs/clinical/visits-labs-api.md). */

export const VISIT_STATUSES = ['upcoming', 'in_window', 'overdue', 'done', 'missed'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];
export const VISIT_PHASES = ['screening', 'treatment', 'follow_up', 'ltfu'] as const;
export type VisitPhase = (typeof VISIT_PHASES)[number];
export const VISIT_ANCHORS = ['consent', 'enrollment', 'infusion'] as const;
export type VisitAnchor = (typeof VISIT_ANCHORS)[number];
export const REPEAT_UNITS = ['day', 'week', 'month', 'year'] as const;
export type RepeatUnit = (typeof REPEAT_UNITS)[number];
export const LTFU_BASES = ['integrating_vector', 'genetically_modified_cells', 'aav', 'other'] as const;
export type LtfuBasis = (typeof LTFU_BASES)[number];
/** The assessment codes the server accepts (core VISIT_ASSESSMENTS); the web names each in both languages. */
export const VISIT_ASSESSMENTS = [
  'labs', 'liver_panel', 'hematology', 'coagulation', 'vital_signs', 'physical_exam', 'ecog', 'crs_icans',
  'imaging_mrecist', 'qol', 'afp', 'adverse_events', 'con_meds', 'rcl_test', 'vcn_blood', 'new_malignancy',
  'new_neurologic', 'new_autoimmune', 'new_hematologic', 'pregnancy', 'survival_status', 'vector_shedding',
  'aav_antibodies', 'liver_biopsy',
] as const;

export interface LocalizedName {
  en: string;
  zh: string;
}

export interface VisitRepeat {
  every: number;
  unit: RepeatUnit;
  count?: number | null;
}

export interface VisitDefinitionInput {
  code: string;
  name: LocalizedName;
  phase: VisitPhase;
  anchor: VisitAnchor;
  dayOffset: number;
  windowBefore: number;
  windowAfter: number;
  assessments: string[];
  repeat: VisitRepeat | null;
}

export interface VisitDefinition extends VisitDefinitionInput {
  id: string;
  position: number;
}

export interface VisitSchedule {
  protocolVersionId: string;
  protocolStatus: string;
  editable: boolean;
  ltfu: { years: number; basis: LtfuBasis | null } | null;
  visits: VisitDefinition[];
  updatedAt: string | null;
}

export interface Visit {
  code: string;
  definitionId: string;
  definitionCode: string;
  occurrence: number | null;
  name: LocalizedName;
  phase: VisitPhase;
  anchor: VisitAnchor;
  dayOffset: number;
  /** Calendar days in the site's time zone (`YYYY-MM-DD`). */
  targetDate: string;
  windowStart: string;
  windowEnd: string;
  assessments: string[];
  status: VisitStatus;
  occurredAt: string | null;
  outOfWindow: boolean;
  notes: string | null;
  missedReason: string | null;
  recordedBy: string | null;
  recordedAt: string | null;
}

export interface SubjectVisits {
  subjectId: string;
  timeZone: string;
  today: string;
  anchors: Record<VisitAnchor, string | null>;
  ltfu: { years: number; basis: string | null; startsOn: string | null; endsOn: string | null } | null;
  items: Visit[];
  awaiting: { code: string; name: LocalizedName; phase: VisitPhase; anchor: VisitAnchor }[];
}

export interface DueVisit extends Visit {
  subjectId: string;
  studyId: string;
  studyCode: string;
  subjectNumber: string | null;
  patientCode: string;
  patientName?: string | null;
  mrn?: string | null;
}

export interface DueList {
  from: string;
  to: string;
  timeZone: string;
  items: DueVisit[];
}

export interface FollowUpPlan {
  startsOn: string | null;
  years: number | null;
  basis: string | null;
  endsOn: string | null;
  items: Visit[];
}
