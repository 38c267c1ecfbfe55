/** Shapes of the lab and score API (docs/clinical/calculators-api.md; panels and import: docs/clinical/visits-labs-api.md). */

export interface ReferenceLimits {
  low?: number;
  high?: number;
}

export interface LabAnalyte {
  analyte: string;
  label: { en: string; 'zh-CN': string };
  loinc: string;
  canonicalUnit: string;
  /** `factor` converts to the canonical unit: value × factor. */
  units: { unit: string; factor: number }[];
  reference: (ReferenceLimits & { unit: string; bySex?: { female: ReferenceLimits; male: ReferenceLimits }; source: string }) | null;
}

export type Ascites = 'none' | 'slight' | 'moderate';
export type Encephalopathy = 'none' | 'grade_1_2' | 'grade_3_4';
export const ASCITES: readonly Ascites[] = ['none', 'slight', 'moderate'];
export const ENCEPHALOPATHY: readonly Encephalopathy[] = ['none', 'grade_1_2', 'grade_3_4'];

export interface LabInput {
  value: number;
  unit?: string;
  uln?: number;
}

export interface ScoresBody {
  sex?: 'female' | 'male';
  ageYears?: number;
  dialysis?: boolean;
  ascites?: Ascites;
  encephalopathy?: Encephalopathy;
  labs: Record<string, LabInput>;
}

/** Every score the data allows; the others are left out. */
export interface Scores {
  version?: string;
  meld?: { score: number; raw: number };
  meldNa?: { score: number };
  meld3?: { score: number };
  childPugh?: { points: number; class: string };
  albi?: { score: number; grade: number };
  apri?: { score: number };
  fib4?: { score: number };
}

export const SCORE_KEYS = ['meld', 'meldNa', 'meld3', 'childPugh', 'albi', 'apri', 'fib4'] as const;
export type ScoreKey = (typeof SCORE_KEYS)[number];

export interface LabPanelBody {
  collectedAt: string;
  visitId?: string;
  ascites?: Ascites;
  encephalopathy?: Encephalopathy;
  dialysis?: boolean;
  results: { analyte: string; value: number; unit: string }[];
}

export interface LabResult {
  id: string;
  analyte: string;
  value: number;
  unit: string;
  canonicalValue?: number;
  canonicalUnit?: string;
  flag?: 'low' | 'high' | 'normal' | null;
  collectedAt: string;
  panelId?: string | null;
}

export interface LabPanel {
  id: string;
  collectedAt: string;
  visitId?: string | null;
  results: LabResult[];
  scores?: Scores | null;
}

/** One point of the subject's scores over time. */
export interface ScorePoint extends Scores {
  at: string;
  panelId?: string;
}

export interface ImportRow {
  line: number;
  status: 'accepted' | 'refused';
  subject?: string | null;
  analyte?: string | null;
  value?: string | number | null;
  unit?: string | null;
  collectedAt?: string | null;
  problems: { path?: string; code?: string; message: string }[];
}

export interface ImportPreview {
  importId?: string;
  accepted: number;
  refused: number;
  rows: ImportRow[];
}
