/** Shapes of screening and enrollment (docs/clinical/protocols-api.md, "Screening and enrollment"). */
import type { Signature } from '../../../api/types';
import type { CriterionKind, RuleType, Subject } from '../clinical.types';

export type CriterionResult = 'met' | 'not_met' | 'unknown';
export type EligibilityStatus = 'eligible' | 'ineligible' | 'incomplete';

export interface CriterionEvaluation {
  criterionId: string;
  code: string;
  kind: CriterionKind;
  text: string;
  ruleType: RuleType;
  result: CriterionResult;
  value: unknown;
  waived: boolean;
  passes: boolean | null;
}

export interface Eligibility {
  status: EligibilityStatus;
  /** The deciding criterion's evaluation, with `outcome` (its result). */
  decidedBy: (Partial<CriterionEvaluation> & { criterionId: string; code: string; kind: CriterionKind; outcome: CriterionResult }) | null;
  criteria: CriterionEvaluation[];
}

export interface LabValue {
  value: number;
  unit: string;
}

export interface ScreeningDataInput {
  reason?: string;
  ecog?: number;
  ascites?: 'none' | 'slight' | 'moderate';
  encephalopathy?: 'none' | 'grade_1_2' | 'grade_3_4';
  dialysis?: boolean;
  labs?: Record<string, LabValue>;
  bclcStage?: string;
  priorTherapies?: string[];
  checklist?: Record<string, boolean>;
  strata?: Record<string, string>;
}

/** What the server keeps and derives (age, sex, Child-Pugh, MELD, BCLC). Read loosely: fields may be added. */
export type ScreeningData = ScreeningDataInput & {
  ageYears?: number | null;
  sex?: string | null;
  childPughClass?: string | null;
  childPughPoints?: number | null;
  meld?: { meld: number | null; meldNa: number | null; meld3: number | null } | null;
  [key: string]: unknown;
};

export interface Waiver {
  id: string;
  subjectId: string;
  kind: 'eligibility_waiver';
  criterionId: string;
  criterionCode: string;
  reason: string;
  signedBy: string | null;
  signatures: Signature[];
  createdAt: string;
}

export type SubjectDetail = Subject & { screeningData: ScreeningData | null; waivers: Waiver[] };

export type ScreeningLogRow = Subject & {
  eligibility: EligibilityStatus | null;
  decidedBy: { criterionId: string; code: string; kind: CriterionKind; outcome: CriterionResult } | null;
};

export interface ScreeningLog {
  counts: { screened: number; screening: number; eligible: number; failed: number; enrolled: number };
  items: ScreeningLogRow[];
}
