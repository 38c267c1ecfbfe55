/** Request and response shapes of lab panels, results, corrections and the liver-score series. */
import { z } from 'zod';
import { instant, reason } from '../../../platform/schemas';
import { scoresView } from '../calculators/calculators.schema';

export const labResultInput = z.object({ analyte: z.string().trim().min(1).max(60), value: z.number(), unit: z.string().max(30) });

export const newPanelBody = z.object({
  visitCode: z.string().trim().min(1).max(40).optional(),
  collectedAt: instant,
  results: z.array(labResultInput).min(1, 'At least one result').max(100, 'At most 100 results'),
  ascites: z.enum(['none', 'slight', 'moderate']).optional(),
  encephalopathy: z.enum(['none', 'grade_1_2', 'grade_3_4']).optional(),
  dialysis: z.boolean().optional(),
});
export type NewPanel = z.infer<typeof newPanelBody>;

export const correctBody = z.object({ value: z.number(), unit: z.string().max(30), reason });
export type Correction = z.infer<typeof correctBody>;

const referenceView = z.object({ low: z.number().optional(), high: z.number().optional(), unit: z.string(), source: z.string() }).nullable();

export const labResultView = z.object({
  id: z.string(),
  panelId: z.string(),
  subjectId: z.string(),
  analyte: z.string(),
  label: z.object({ en: z.string(), zh: z.string() }),
  loinc: z.string(),
  value: z.number(),
  unit: z.string(),
  canonicalValue: z.number(),
  canonicalUnit: z.string(),
  reference: referenceView,
  flag: z.enum(['low', 'high', 'normal']).nullable(),
  collectedAt: z.string(),
  status: z.enum(['final', 'superseded']),
  supersedesId: z.string().nullable(),
  supersededById: z.string().nullable(),
  correctionReason: z.string().nullable(),
  createdAt: z.string(),
});

export const labPanelView = z.object({
  id: z.string(),
  subjectId: z.string(),
  visitCode: z.string().nullable(),
  collectedAt: z.string(),
  source: z.enum(['entry', 'import']),
  importId: z.string().nullable(),
  observations: z.object({ ascites: z.string().nullable(), encephalopathy: z.string().nullable(), dialysis: z.boolean().nullable() }),
  results: z.array(labResultView),
  scores: scoresView,
  recordedBy: z.string(),
  createdAt: z.string(),
});

const s = scoresView.shape;
export const scoreSeriesView = z.object({
  items: z.array(
    z.object({
      at: z.string(),
      panelId: z.string(),
      visitCode: z.string().nullable(),
      meld: s.meld,
      meldNa: s.meldNa,
      meld3: s.meld3,
      childPugh: s.childPugh,
      albi: s.albi,
      apri: s.apri,
      fib4: s.fib4,
    }),
  ),
});
