/** Request and response shapes of mRECIST tumour assessments and a subject's response. */
import { z } from 'zod';
import { instant, text } from '../../../platform/schemas';

const lesionId = z.string().trim().min(1, 'Name the lesion, e.g. T1').max(40);

export const targetLesion = z.object({
  lesionId,
  organ: z.string().trim().min(1, 'Name the organ, e.g. liver').max(60),
  /** mRECIST: the longest diameter of the viable (arterially enhancing) part of the tumour. */
  viableDiameterMm: z.number('Viable diameter in mm').min(0, 'The viable diameter cannot be negative').max(500, 'At most 500 mm'),
  location: text(1, 200).optional(),
  series: text(1, 40).optional(),
  image: text(1, 40).optional(),
});

export const nonTargetLesion = z.object({
  lesionId,
  organ: z.string().trim().min(1).max(60).optional(),
  status: z.enum(['absent', 'present', 'unequivocal_progression'], 'Use absent, present or unequivocal_progression'),
});

export const tumourAssessmentBody = z.object({
  assessedAt: instant,
  modality: z.enum(['ct', 'mri'], 'Use ct or mri (multiphase contrast-enhanced)'),
  targetLesions: z.array(targetLesion).max(10, 'At most 5 target lesions are measured; more are listed as non-target'),
  nonTargetLesions: z.array(nonTargetLesion).max(50).default([]),
  newLesions: z.boolean('Say whether there are new lesions'),
  notes: text(1, 2000).optional(),
});

export const timepointView = z.object({
  id: z.string(),
  assessedAt: z.string(),
  modality: z.string(),
  isBaseline: z.boolean(),
  targetLesions: z.array(targetLesion),
  nonTargetLesions: z.array(nonTargetLesion),
  newLesions: z.boolean(),
  sum: z.number(),
  nadirSum: z.number().nullable(),
  changeFromBaselinePct: z.number().nullable(),
  changeFromNadirPct: z.number().nullable(),
  nonTarget: z.enum(['absent', 'present', 'unequivocal_progression']).nullable(),
  response: z.string().nullable(),
  notes: z.string().nullable(),
  recordedBy: z.string(),
});

export const responseView = z.object({
  baseline: timepointView.nullable(),
  timepoints: z.array(timepointView),
  nadir: z.object({ sum: z.number(), assessedAt: z.string() }).nullable(),
  bestOverallResponse: z.string().nullable(),
});
