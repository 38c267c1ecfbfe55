/**
 * Shapes of the clinical API (docs/clinical/*-api.md) shared by every part of the module. Each part keeps the
 * shapes only it reads in its own `<part>.types.ts`.
 */
import type { Signature } from '../../api/types';

export type ProtocolStatus = 'draft' | 'effective' | 'superseded';
export type SubjectStatus = 'screening' | 'screen_failed' | 'enrolled' | 'withdrawn' | 'completed';
export type CriterionKind = 'inclusion' | 'exclusion';
export type ChildPughClass = 'A' | 'B' | 'C';
export type BclcStageCode = '0' | 'A' | 'B' | 'C' | 'D';
export type Comparator = '<' | '<=' | '>' | '>=';

export interface Arm {
  id?: string;
  code: string;
  name: string;
  ratio: number;
}

/** One structured eligibility rule (see the table in docs/clinical/protocols-api.md). */
export type CriterionRule =
  | { type: 'age'; min?: number; max?: number }
  | { type: 'sex'; allowed: ('female' | 'male')[] }
  | { type: 'child_pugh'; classes: ChildPughClass[] }
  | { type: 'meld'; score?: 'meld' | 'meldNa' | 'meld3'; min?: number; max?: number }
  | { type: 'bclc'; stages: BclcStageCode[] }
  | { type: 'ecog'; max: number }
  | { type: 'lab'; analyte: string; comparator: Comparator; value: number; unit: string }
  | { type: 'prior_therapy'; mode: 'must_have' | 'must_not_have'; therapies: string[] }
  | { type: 'checklist' };

export type RuleType = CriterionRule['type'];

export interface Criterion {
  id?: string;
  code: string;
  kind: CriterionKind;
  text: string;
  rule: CriterionRule;
}

export interface RandomizationFactor {
  name: string;
  levels: string[];
}

export interface Randomization {
  blockSizes: number[];
  factors: RandomizationFactor[];
}

export interface ProtocolVersion {
  id: string;
  studyId: string;
  version: number;
  status: ProtocolStatus;
  title: string;
  summary: string | null;
  arms: Arm[];
  criteria: Criterion[];
  randomization: Randomization | null;
  amendedFromId: string | null;
  approvedAt: string | null;
  approvedBy: string | null;
  supersededAt: string | null;
  signatures: Signature[];
  createdAt: string;
}

export interface Subject {
  id: string;
  studyId: string;
  patientId: string;
  protocolVersionId: string;
  screeningNumber: string;
  subjectNumber: string | null;
  status: SubjectStatus;
  screenedAt: string;
  enrolledAt: string | null;
  screenFailureReason: string | null;
  armCode: string | null;
  patientCode: string;
  /** Only for roles with identity:read. */
  patientName?: string | null;
  mrn?: string | null;
  randomization?: { stratum: string; blockNumber: number; position: number } | null;
  createdAt: string;
}
