/** Request and response schemas of screening, screening data, eligibility, waivers and enrollment. */
import { z } from 'zod';
import { instant, reason, signatureInput, signatureView } from '../../../platform/schemas';

export const screeningBody = z.object({ patientId: z.uuid('Not a valid id'), screenedAt: instant.optional() });

const labValue = z.object({
  value: z.number('Value must be a number'),
  unit: z.string().max(20, 'Must be at most 20 characters').optional(),
});

export const screeningDataBody = z.object({
  reason: reason.optional(),
  ecog: z.number().int('ECOG is a whole number from 0 to 5').min(0, 'ECOG is from 0 to 5').max(5, 'ECOG is from 0 to 5').optional(),
  ascites: z.enum(['none', 'slight', 'moderate'], 'Ascites must be none, slight or moderate').optional(),
  encephalopathy: z.enum(['none', 'grade_1_2', 'grade_3_4'], 'Encephalopathy must be none, grade_1_2 or grade_3_4').optional(),
  dialysis: z.boolean().optional(),
  labs: z.record(z.string().regex(/^[a-z0-9_]{1,40}$/, 'Use an analyte key, e.g. bilirubin'), labValue).optional(),
  tumour: z
    .object({
      nodules: z.number().int().min(0).max(50).optional(),
      largestDiameterMm: z.number().min(0, 'Diameter cannot be negative').max(400).optional(),
      macrovascularInvasion: z.boolean().optional(),
      extrahepaticSpread: z.boolean().optional(),
      liverFunction: z.enum(['preserved', 'end_stage']).optional(),
    })
    .optional(),
  bclcStage: z.enum(['0', 'A', 'B', 'C', 'D'], 'BCLC stage must be one of 0, A, B, C, D').optional(),
  priorTherapies: z.array(z.string().regex(/^[a-z0-9_]{2,40}$/, 'Use a therapy code, e.g. tace')).max(50).optional(),
  checklist: z.record(z.uuid('Key by the criterion id'), z.boolean('Answer true (yes) or false (no)')).optional(),
  strata: z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/), z.string().max(40)).optional(),
});

export const screenFailureBody = z.object({ reason });
/** The signature is checked by the service so a missing one is a 422 naming it. */
export const waiverBody = z.object({ criterionId: z.uuid('Not a valid id'), reason, signature: signatureInput.optional() });
export const enrollBody = z.object({ enrolledAt: instant.optional() });

export const subjectView = z.object({
  id: z.string(),
  studyId: z.string(),
  patientId: z.string(),
  protocolVersionId: z.string(),
  screeningNumber: z.string(),
  subjectNumber: z.string().nullable(),
  status: z.enum(['screening', 'screen_failed', 'enrolled', 'withdrawn', 'completed']),
  screenedAt: z.string(),
  enrolledAt: z.string().nullable(),
  screenFailureReason: z.string().nullable(),
  armCode: z.string().nullable(),
  patientCode: z.string().optional(),
  patientName: z.string().nullable().optional(),
  mrn: z.string().nullable().optional(),
  createdAt: z.string(),
});

export const criterionEvaluationView = z.object({
  criterionId: z.string(),
  code: z.string(),
  kind: z.enum(['inclusion', 'exclusion']),
  text: z.string(),
  ruleType: z.string(),
  result: z.enum(['met', 'not_met', 'unknown']),
  value: z.unknown(),
  passes: z.boolean().nullable(),
  waived: z.boolean(),
});

export const eligibilityView = z.object({
  status: z.enum(['eligible', 'ineligible', 'incomplete']),
  decidedBy: criterionEvaluationView.extend({ outcome: z.enum(['met', 'not_met', 'unknown']) }).nullable(),
  criteria: z.array(criterionEvaluationView),
});

/** Flat: the entered fields (checklist as answers; who answered in `checklistAnswers`) and the derived scores. */
export const screeningDataView = z
  .object({ subjectId: z.string(), updatedAt: z.string(), checklist: z.record(z.string(), z.boolean()), checklistAnswers: z.record(z.string(), z.unknown()) })
  .catchall(z.unknown());

export const deviationView = z.object({
  id: z.string(),
  subjectId: z.string(),
  kind: z.string(),
  criterionId: z.string().nullable(),
  criterionCode: z.string().nullable(),
  reason: z.string(),
  signedBy: z.string().nullable(),
  signatures: z.array(signatureView),
  createdAt: z.string(),
});

export const subjectDetailView = subjectView.extend({
  screeningData: screeningDataView.nullable(),
  waivers: z.array(deviationView),
});

export const enrolledView = subjectView.extend({
  randomization: z.object({ stratum: z.string(), blockNumber: z.number(), position: z.number() }).nullable(),
});

export const screeningLogView = z.object({
  counts: z.object({ screened: z.number(), screening: z.number(), eligible: z.number(), failed: z.number(), enrolled: z.number() }),
  items: z.array(subjectView.extend({ eligibility: z.enum(['eligible', 'ineligible', 'incomplete']), decidedBy: z.object({ criterionId: z.string(), code: z.string(), kind: z.enum(['inclusion', 'exclusion']), outcome: z.enum(['met', 'not_met', 'unknown']) }).nullable() })),
});
