/** The shapes the QC API answers with (apps/server/src/modules/qc/*.schema.ts). */
import type { SpecTestKind } from '@hepatica/core';
import type { Signature } from '../../api/types';

export type SpecificationStatus = 'draft' | 'effective' | 'superseded';
export type ResultValue = number | string | boolean;

export interface SpecTest {
  code: string;
  name: string;
  kind: SpecTestKind;
  method?: string;
  unit?: string;
  min?: number;
  max?: number;
  minInclusive: boolean;
  maxInclusive: boolean;
  acceptable?: string[];
  lateResultAllowed: boolean;
  qualification?: string;
  /** The acceptance criterion as printed, e.g. "≥ 70 %". */
  criterion: string;
}

export interface Specification {
  id: string;
  product: string;
  version: number;
  status: SpecificationStatus;
  tests: SpecTest[];
  /** Days from the end of manufacture; the QP's release dates the product with it. */
  shelfLifeDays: number | null;
  createdBy: string;
  createdAt: string;
  effectiveAt: string | null;
  signatures: Signature[];
}

export type TestState = 'missing' | 'awaiting_review' | 'conforming' | 'non_conforming';

export interface QcStatus {
  specification: { id: string; product: string; version: number } | null;
  tests: { code: string; name: string; lateResultAllowed: boolean; state: TestState; resultId: string | null }[];
  complete: boolean;
  outOfSpecification: string[];
  pendingLate: string[];
}

export interface QcResult {
  id: string;
  batchId: string;
  testCode: string;
  testName: string;
  sampleId: string | null;
  sampleNumber: string | null;
  value: ResultValue;
  conforms: boolean;
  reportOnly: boolean;
  status: 'awaiting_review' | 'reviewed' | 'invalidated';
  retestOf: string | null;
  enteredBy: string;
  enteredAt: string;
  reviewedBy: string | null;
  reviewedAt: string | null;
  oosInvestigationId: string | null;
  signatures: Signature[];
}

export interface QcSample {
  id: string;
  sampleNumber: string;
  batchId: string;
  name: string;
  testCodes: string[];
  stepIndex: number | null;
  takenBy: string;
  takenAt: string;
}

export type OosStatus = 'phase_1' | 'phase_2' | 'closed';

export interface OosInvestigation {
  id: string;
  number: string;
  batchId: string;
  batchNumber: string;
  resultId: string;
  testCode: string;
  value: ResultValue | null;
  status: OosStatus;
  outcome: 'invalidated' | 'confirmed' | null;
  openedAt: string;
  phase1: {
    conclusion: 'assignable_lab_error' | 'confirmed';
    findings: string;
    by: string;
    at: string;
    signatures: Signature[];
  } | null;
  phase2: { rootCause: string; conclusion: string; by: string; at: string; signatures: Signature[] } | null;
}

export interface BatchQc {
  batch: {
    id: string;
    batchNumber: string;
    product: string;
    din: string | null;
    status: string;
    completedAt: string | null;
  };
  status: QcStatus;
  specification: Specification | null;
  results: QcResult[];
  samples: QcSample[];
  investigations: OosInvestigation[];
}

export interface WorklistItem {
  batchId: string;
  batchNumber: string;
  product: string;
  din: string | null;
  batchStatus: string;
  startedAt: string;
  completedAt: string | null;
  specificationVersion: number | null;
  samples: number;
  missing: number;
  awaitingReview: number;
  nonConforming: number;
  pendingLate: number;
  openInvestigations: number;
  complete: boolean;
}

/** A test as the specification editor sends it (criterion is computed by the server). */
export type SpecTestInput = Omit<SpecTest, 'criterion'>;
