/** Shapes of the clinical safety API (docs/clinical/safety-response-api.md): adverse events, CRS/ICANS, SAE clocks. */
import type { Signature } from '../../../api/types';

export const HYPOTENSION = ['none', 'fluids', 'one_vasopressor', 'multiple_vasopressors'] as const;
export type Hypotension = (typeof HYPOTENSION)[number];
export const HYPOXIA = ['none', 'low_flow', 'high_flow', 'positive_pressure'] as const;
export type Hypoxia = (typeof HYPOXIA)[number];
export const CONSCIOUSNESS = ['awake', 'voice', 'tactile', 'unarousable'] as const;
export type Consciousness = (typeof CONSCIOUSNESS)[number];
export const SEIZURE = ['none', 'resolving', 'prolonged'] as const;
export type Seizure = (typeof SEIZURE)[number];
export const CEREBRAL_EDEMA = ['none', 'focal', 'diffuse'] as const;
export type CerebralEdema = (typeof CEREBRAL_EDEMA)[number];
export const TREATMENT_KINDS = ['tocilizumab', 'corticosteroid', 'vasopressor', 'anakinra', 'other'] as const;
export type TreatmentKind = (typeof TREATMENT_KINDS)[number];

export interface Treatment {
  kind: TreatmentKind | string;
  name?: string;
  dose?: number;
  unit?: string;
}

export interface CrsAssessmentBody {
  assessedAt: string;
  temperatureC: number;
  hypotension: Hypotension;
  hypoxia: Hypoxia;
  afterAntipyretics?: boolean;
  treatments?: Treatment[];
  notes?: string;
}

/** The ICE screen item by item (ASTCT 2019, Lee et al., Table 3): 10 points in all. */
export interface IceItems {
  orientationYear: boolean;
  orientationMonth: boolean;
  orientationCity: boolean;
  orientationHospital: boolean;
  namedObjects: number;
  followsCommands: boolean;
  writesSentence: boolean;
  countsBackBy10: boolean;
}

export interface IcansAssessmentBody {
  assessedAt: string;
  ice?: IceItems;
  consciousness: Consciousness;
  seizure?: Seizure;
  motorWeakness?: boolean;
  cerebralEdema?: CerebralEdema;
  treatments?: Treatment[];
  notes?: string;
}

export interface CrsAssessment {
  id: string;
  assessedAt: string;
  day: number;
  temperatureC: number;
  hypotension: string;
  hypoxia: string;
  afterAntipyretics: boolean | null;
  treatments: Treatment[];
  grade: number;
  notes: string | null;
  adverseEventId: string | null;
  recordedBy: string;
}

export interface IcansAssessment {
  id: string;
  assessedAt: string;
  day: number;
  ice: Record<string, boolean | number> | null;
  iceScore: number;
  consciousness: string;
  seizure: string | null;
  motorWeakness: boolean | null;
  cerebralEdema: string | null;
  treatments: Treatment[];
  grade: number;
  notes: string | null;
  recordedBy: string;
}

export interface CrsCreated {
  assessment: CrsAssessment;
  adverseEvent: { id: string; number: string; action: 'created' | 'upgraded' | 'unchanged' } | null;
}

export interface CrsIcansDay {
  day: number;
  date: string;
  crs: { grade: number | null; assessments: CrsAssessment[] };
  icans: { grade: number | null; iceScore: number | null; assessments: IcansAssessment[] };
  treatments: (Treatment & { at: string; source: 'crs' | 'icans' })[];
}

export interface CrsIcansBoard {
  infusion: { id: string; startedAt: string; din: string } | null;
  timeZone: string;
  days: CrsIcansDay[];
}

export type ClockStatus = 'running' | 'overdue' | 'met' | 'cancelled';

export interface SaeReport {
  id: string;
  reportedAt: string;
  recipient: string;
  reference: string | null;
  followUp: boolean;
  reportedBy: string;
  signatures: Signature[];
}

export interface SaeClock {
  id: string;
  kind: string;
  recipient: string;
  adverseEventId: string;
  aeNumber: string;
  subjectId: string;
  subjectCode: string;
  subjectNumber: string | null;
  term: string;
  grade: number;
  startsAt: string;
  dueAt: string;
  status: ClockStatus;
  msLeft: number;
  overdueMs: number;
  late: boolean;
  metAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  basis: string;
  rulesVersion: string;
  reports: SaeReport[];
}

export interface SaeReportBody {
  reportedAt: string;
  recipient: string;
  reference?: string;
  followUp?: boolean;
  signature: { password: string; meaning: string };
}

export const SERIOUSNESS = [
  'death',
  'life_threatening',
  'hospitalization',
  'disability',
  'congenital_anomaly',
  'medically_important',
] as const;
export const RELATEDNESS = ['not_related', 'unlikely', 'possible', 'probable', 'definite'] as const;
export const ACTIONS_TAKEN = [
  'drug_withdrawn',
  'dose_reduced',
  'dose_increased',
  'dose_not_changed',
  'not_applicable',
  'unknown',
] as const;
export const OUTCOMES = [
  'recovered',
  'recovering',
  'not_recovered',
  'recovered_with_sequelae',
  'fatal',
  'unknown',
] as const;

export interface AdverseEvent {
  id: string;
  subjectId: string;
  number: string;
  status: 'open' | 'resolved' | 'voided';
  verbatimTerm: string;
  ctcaeTerm: string;
  ctcaeVersion: string;
  grade: number;
  onsetAt: string;
  resolvedAt: string | null;
  awareAt: string;
  description: string | null;
  actionTaken: string;
  outcome: string;
  productDin: string | null;
  seriousness: string[] | null;
  relatedness: Record<string, string> | null;
  expectedness: string | null;
  rsiReference: string | null;
  serious: boolean | null;
  related: boolean | null;
  susar: boolean | null;
  assessedBy: string | null;
  assessedAt: string | null;
  source: string;
  version: number;
  recordedBy: string;
  voidReason: string | null;
  createdAt: string;
  updatedAt: string;
  signatures: Signature[];
  clocks?: SaeClock[];
}

export interface AdverseEventBody {
  verbatimTerm: string;
  ctcaeTerm: string;
  grade: number;
  onsetAt: string;
  resolvedAt?: string | null;
  awareAt?: string;
  description?: string | null;
  actionTaken: string;
  outcome: string;
  productDin?: string | null;
}

export interface AssessmentBody {
  seriousness: string[];
  relatedness: { product: string; apheresis?: string; lymphodepletion?: string; infusion?: string };
  expectedness: 'expected' | 'unexpected';
  rsiReference?: string;
  reason?: string;
  signature: { password: string; meaning: string };
}
