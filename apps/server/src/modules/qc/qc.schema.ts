/** Request and response shapes of QC samples, results, review, OOS investigations and the worklist. */
import { z } from 'zod';
import { signatureInput, signatureView, text } from '../../platform/schemas';
import { specificationView } from './specifications.schema';

export const RESULT_STATUSES = ['awaiting_review', 'reviewed', 'invalidated'] as const;
export const OOS_STATUSES = ['phase_1', 'phase_2', 'closed'] as const;
export type OosStatus = (typeof OOS_STATUSES)[number];
export const OOS_PHASE1_CONCLUSIONS = ['assignable_lab_error', 'confirmed'] as const;
export const TEST_STATES = ['missing', 'awaiting_review', 'conforming', 'non_conforming'] as const;

const resultValue = z.union([z.number(), z.string().trim().max(500, 'Must be at most 500 characters'), z.boolean()], 'Enter a number, "pass" / "fail", or text');

export const enterResultBody = z.object({
  testCode: z.string().trim().min(1, 'Choose the test').max(32),
  /** A number (numeric tests), "pass" or "fail" (pass/fail tests), or text (text tests). */
  value: resultValue,
  /** The sample the result was measured on (scanned from its label). */
  sampleId: z.uuid('Not a valid sample id').optional(),
  signature: signatureInput,
});

export const reviewResultBody = z.object({ signature: signatureInput });

export const resultParams = z.object({ id: z.uuid('Not a valid id'), resultId: z.uuid('Not a valid result id') });

export const drawSampleBody = z.object({
  name: text(1, 120),
  /** Test codes of the batch's specification the sample is for. */
  testCodes: z.array(z.string().trim().min(1).max(32)).min(1, 'Choose at least one test').max(60),
  /** The in-process step (from 1) the sample is drawn at; leave out for the final product. */
  stepIndex: z.number().int('Must be a whole number').min(1, 'Steps are numbered from 1').max(60).optional(),
});

export const oosPhase1Body = z.object({
  conclusion: z.enum(OOS_PHASE1_CONCLUSIONS, `Conclusion must be one of: ${OOS_PHASE1_CONCLUSIONS.join(', ')}`),
  findings: text(1, 4000),
  signature: signatureInput,
});
export type OosPhase1Body = z.output<typeof oosPhase1Body>;

export const oosPhase2Body = z.object({ rootCause: text(1, 4000), conclusion: text(1, 4000), signature: signatureInput });
export type OosPhase2Body = z.output<typeof oosPhase2Body>;

export const oosQuery = z.object({
  status: z.enum(OOS_STATUSES, `Status must be one of: ${OOS_STATUSES.join(', ')}`).optional(),
  batchId: z.uuid('Not a valid batch id').optional(),
});

const valueView = z.union([z.number(), z.string(), z.boolean()]);

export const resultView = z.object({
  id: z.string(),
  batchId: z.string(),
  specificationId: z.string(),
  testCode: z.string(),
  testName: z.string(),
  sampleId: z.string().nullable(),
  sampleNumber: z.string().nullable(),
  value: valueView,
  conforms: z.boolean(),
  reportOnly: z.boolean(),
  status: z.enum(RESULT_STATUSES),
  /** The invalidated result this one repeats. */
  retestOf: z.string().nullable(),
  enteredBy: z.string(),
  enteredAt: z.string(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  /** The OOS investigation this result opened. */
  oosInvestigationId: z.string().nullable(),
  signatures: z.array(signatureView),
});
export type ResultView = z.output<typeof resultView>;

export const sampleView = z.object({
  id: z.string(),
  sampleNumber: z.string(),
  batchId: z.string(),
  name: z.string(),
  testCodes: z.array(z.string()),
  stepIndex: z.number().nullable(),
  takenBy: z.string(),
  takenAt: z.string(),
});
export type SampleView = z.output<typeof sampleView>;

const phaseSignatures = z.array(signatureView);

export const oosView = z.object({
  id: z.string(),
  number: z.string(),
  batchId: z.string(),
  batchNumber: z.string(),
  resultId: z.string(),
  testCode: z.string(),
  value: valueView.nullable(),
  status: z.enum(OOS_STATUSES),
  /** invalidated (laboratory error, retest) or confirmed (the result stands); null while open. */
  outcome: z.enum(['invalidated', 'confirmed']).nullable(),
  openedAt: z.string(),
  phase1: z.object({ conclusion: z.enum(OOS_PHASE1_CONCLUSIONS), findings: z.string(), by: z.string(), at: z.string(), signatures: phaseSignatures }).nullable(),
  phase2: z.object({ rootCause: z.string(), conclusion: z.string(), by: z.string(), at: z.string(), signatures: phaseSignatures }).nullable(),
});
export type OosView = z.output<typeof oosView>;

export const testStatusView = z.object({
  code: z.string(),
  name: z.string(),
  lateResultAllowed: z.boolean(),
  state: z.enum(TEST_STATES),
  resultId: z.string().nullable(),
});

export const qcStatusView = z.object({
  specification: z.object({ id: z.string(), product: z.string(), version: z.number(), shelfLifeDays: z.number().nullable() }).nullable(),
  tests: z.array(testStatusView),
  complete: z.boolean(),
  outOfSpecification: z.array(z.string()),
  pendingLate: z.array(z.string()),
});

export const batchQcView = z.object({
  batch: z.object({
    id: z.string(),
    batchNumber: z.string(),
    product: z.string(),
    din: z.string().nullable(),
    status: z.string(),
    completedAt: z.string().nullable(),
  }),
  status: qcStatusView,
  specification: specificationView.nullable(),
  results: z.array(resultView),
  samples: z.array(sampleView),
  investigations: z.array(oosView),
});

export const worklistItem = z.object({
  batchId: z.string(),
  batchNumber: z.string(),
  product: z.string(),
  din: z.string().nullable(),
  batchStatus: z.string(),
  startedAt: z.string(),
  completedAt: z.string().nullable(),
  specificationVersion: z.number().nullable(),
  samples: z.number(),
  missing: z.number(),
  awaitingReview: z.number(),
  nonConforming: z.number(),
  pendingLate: z.number(),
  openInvestigations: z.number(),
  complete: z.boolean(),
});
export type WorklistItem = z.output<typeof worklistItem>;
