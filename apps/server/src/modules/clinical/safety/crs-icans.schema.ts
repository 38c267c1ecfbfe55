/** Request and response shapes of the daily CRS and ICANS assessments (ASTCT 2019). */
import { z } from 'zod';
import { instant, text } from '../../../platform/schemas';

export const TREATMENT_KINDS = ['tocilizumab', 'corticosteroid', 'vasopressor', 'anakinra', 'other'] as const;

export const treatment = z.object({
  kind: z.enum(TREATMENT_KINDS, `Use one of: ${TREATMENT_KINDS.join(', ')}`),
  /** The product given, e.g. dexamethasone. */
  name: text(1, 100).optional(),
  dose: z.number().positive('The dose must be above 0').max(100_000, 'The dose is too large').optional(),
  unit: text(1, 20).optional(),
});

export const crsAssessmentBody = z.object({
  assessedAt: instant,
  temperatureC: z.number('Temperature in °C').min(30, 'Temperature must be at least 30 °C').max(45, 'Temperature must be at most 45 °C'),
  hypotension: z.enum(['none', 'fluids', 'one_vasopressor', 'multiple_vasopressors'], 'Use none, fluids, one_vasopressor or multiple_vasopressors'),
  hypoxia: z.enum(['none', 'low_flow', 'high_flow', 'positive_pressure'], 'Use none, low_flow, high_flow or positive_pressure'),
  afterAntipyretics: z.boolean().optional(),
  treatments: z.array(treatment).max(20, 'At most 20 treatments').default([]),
  notes: text(1, 2000).optional(),
});

/** The ICE (Immune effector Cell-associated Encephalopathy) screen, item by item (ASTCT 2019, Lee et al. Table 3). */
export const iceItems = z.object({
  orientationYear: z.boolean(),
  orientationMonth: z.boolean(),
  orientationCity: z.boolean(),
  orientationHospital: z.boolean(),
  namedObjects: z.number().int('Count the objects named: 0 to 3').min(0, 'Count the objects named: 0 to 3').max(3, 'Count the objects named: 0 to 3'),
  followsCommands: z.boolean(),
  writesSentence: z.boolean(),
  countsBackBy10: z.boolean(),
});

export const icansAssessmentBody = z.object({
  assessedAt: instant,
  ice: iceItems.optional(),
  consciousness: z.enum(['awake', 'voice', 'tactile', 'unarousable'], 'Use awake, voice, tactile or unarousable'),
  seizure: z.enum(['none', 'resolving', 'prolonged'], 'Use none, resolving or prolonged').optional(),
  motorWeakness: z.boolean().optional(),
  cerebralEdema: z.enum(['none', 'focal', 'diffuse'], 'Use none, focal or diffuse').optional(),
  treatments: z.array(treatment).max(20, 'At most 20 treatments').default([]),
  notes: text(1, 2000).optional(),
});

const treatmentView = z.object({ kind: z.string(), name: z.string().optional(), dose: z.number().optional(), unit: z.string().optional() });

export const crsAssessmentView = z.object({
  id: z.string(),
  assessedAt: z.string(),
  day: z.number(),
  temperatureC: z.number(),
  hypotension: z.string(),
  hypoxia: z.string(),
  afterAntipyretics: z.boolean().nullable(),
  treatments: z.array(treatmentView),
  grade: z.number(),
  notes: z.string().nullable(),
  adverseEventId: z.string().nullable(),
  recordedBy: z.string(),
});

export const icansAssessmentView = z.object({
  id: z.string(),
  assessedAt: z.string(),
  day: z.number(),
  ice: z.record(z.string(), z.union([z.boolean(), z.number()])).nullable(),
  iceScore: z.number(),
  consciousness: z.string(),
  seizure: z.string().nullable(),
  motorWeakness: z.boolean().nullable(),
  cerebralEdema: z.string().nullable(),
  treatments: z.array(treatmentView),
  grade: z.number(),
  notes: z.string().nullable(),
  recordedBy: z.string(),
});

export const crsCreated = z.object({
  assessment: crsAssessmentView,
  adverseEvent: z.object({ id: z.string(), number: z.string(), action: z.enum(['created', 'upgraded', 'unchanged']) }).nullable(),
});

export const crsIcansBoard = z.object({
  infusion: z.object({ id: z.string(), startedAt: z.string(), din: z.string() }).nullable(),
  timeZone: z.string(),
  days: z.array(
    z.object({
      day: z.number(),
      date: z.string(),
      crs: z.object({ grade: z.number().nullable(), assessments: z.array(crsAssessmentView) }),
      icans: z.object({ grade: z.number().nullable(), iceScore: z.number().nullable(), assessments: z.array(icansAssessmentView) }),
      treatments: z.array(treatmentView.extend({ at: z.string(), source: z.enum(['crs', 'icans']) })),
    }),
  ),
});
