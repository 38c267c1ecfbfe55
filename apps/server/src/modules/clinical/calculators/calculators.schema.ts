/** Request and response shapes of the stateless clinical calculators (spec: Clinical; docs/clinical/calculators-api.md). */
import {
  CRS_HYPOTENSION,
  CRS_HYPOXIA,
  CTCAE_LAB_TERMS,
  ICANS_CEREBRAL_EDEMA,
  ICANS_CONSCIOUSNESS,
  ICANS_SEIZURE,
  LIVER_SCORE_LABS,
  MRECIST_NON_TARGET,
  MRECIST_RESPONSES,
  type LiverScoreLab,
} from '@hepatica/core';
import { z } from 'zod';
import { text } from '../../../platform/schemas';

const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, `Use one of: ${values.join(', ')}`);
const num = (what: string) => z.number(`${what} must be a number`);

/** A typed lab value; its unit is checked against the analyte by the service (422 naming `.unit`). */
const labValue = z.object({
  value: num('The value'),
  unit: z.string().max(20, 'A unit is at most 20 characters').optional(),
  uln: num('The upper limit of normal').optional(),
});

export const scoresBody = z.object({
  sex: oneOf(['female', 'male'] as const).optional(),
  ageYears: num('Age').min(0, 'Age cannot be negative').max(130, 'Age must be at most 130 years').optional(),
  dialysis: z.boolean().optional(),
  ascites: oneOf(['none', 'slight', 'moderate'] as const).optional(),
  encephalopathy: oneOf(['none', 'grade_1_2', 'grade_3_4'] as const).optional(),
  labs: z.strictObject(
    Object.fromEntries(LIVER_SCORE_LABS.map((k) => [k, labValue.optional()])) as Record<LiverScoreLab, z.ZodOptional<typeof labValue>>,
    `Labs are ${LIVER_SCORE_LABS.join(', ')}`,
  ),
});

export const scoresView = z.object({
  version: z.string(),
  meld: z.object({ score: z.number(), raw: z.number() }).optional(),
  meldNa: z.object({ score: z.number() }).optional(),
  meld3: z.object({ score: z.number() }).optional(),
  childPugh: z.object({ points: z.number(), class: z.enum(['A', 'B', 'C']) }).optional(),
  albi: z.object({ score: z.number(), grade: z.number() }).optional(),
  apri: z.object({ score: z.number() }).optional(),
  fib4: z.object({ score: z.number() }).optional(),
});

export const ctcaeBody = z.object({
  term: oneOf(CTCAE_LAB_TERMS as unknown as readonly [string, ...string[]]),
  value: num('The value'),
  uln: num('The upper limit of normal').optional(),
  lln: num('The lower limit of normal').optional(),
  baseline: num('The baseline').optional(),
  unit: z.string().max(20, 'A unit is at most 20 characters').optional(),
  sex: oneOf(['female', 'male'] as const).optional(),
});

export const ctcaeView = z.object({ grade: z.number(), version: z.literal('5.0'), basis: z.enum(['uln', 'baseline', 'threshold']) });

export const crsBody = z.object({
  temperatureC: num('Temperature').min(30, 'Temperature must be at least 30 °C').max(45, 'Temperature must be at most 45 °C'),
  hypotension: oneOf(CRS_HYPOTENSION),
  hypoxia: oneOf(CRS_HYPOXIA),
  afterAntipyretics: z.boolean().optional(),
});

export const crsView = z.object({ grade: z.number(), drivenBy: z.enum(['fever', 'hypotension', 'hypoxia']).nullable() });

const namedObjects = 'Count the objects named: 0 to 3';
export const iceItemsBody = z.object({
  orientationYear: z.boolean(),
  orientationMonth: z.boolean(),
  orientationCity: z.boolean(),
  orientationHospital: z.boolean(),
  namedObjects: z.number(namedObjects).int(namedObjects).min(0, namedObjects).max(3, namedObjects),
  followsCommands: z.boolean(),
  writesSentence: z.boolean(),
  countsBackBy10: z.boolean(),
});

const iceRange = 'The ICE score is a whole number from 0 to 10';
export const icansBody = z
  .object({
    iceScore: z.number(iceRange).int(iceRange).min(0, iceRange).max(10, iceRange).optional(),
    ice: iceItemsBody.optional(),
    consciousness: oneOf(ICANS_CONSCIOUSNESS),
    seizure: oneOf(ICANS_SEIZURE).optional(),
    motorWeakness: z.boolean().optional(),
    cerebralEdema: oneOf(ICANS_CEREBRAL_EDEMA).optional(),
  })
  .refine((b) => b.iceScore !== undefined || b.ice !== undefined, { path: ['iceScore'], message: 'Give the ICE score, or the ICE items in ice' });

export const icansView = z.object({
  grade: z.number(),
  iceScore: z.number(),
  drivenBy: z.array(z.enum(['ice', 'consciousness', 'seizure', 'motor', 'cerebral_edema'])),
});

const sum = (what: string) => num(what).min(0, `${what} cannot be negative`).max(10_000, `${what} must be at most 10000 mm`);
export const mrecistBody = z.object({
  baselineSum: sum('The baseline sum'),
  nadirSum: sum('The nadir sum'),
  currentSum: sum('The current sum'),
  newLesions: z.boolean().optional(),
  nonTarget: oneOf(MRECIST_NON_TARGET).optional(),
  /** Optional: checked against the target-lesion rules (at baseline when `baseline` is true). */
  targetLesions: z
    .array(
      z.object({
        lesionId: text(1, 40),
        organ: text(1, 60),
        viableDiameterMm: num('The viable diameter').min(0, 'A diameter cannot be negative').max(1000, 'A diameter must be at most 1000 mm'),
        typicalArterialEnhancement: z.boolean().optional(),
      }),
    )
    .max(20, 'At most 20 lesions')
    .optional(),
  baseline: z.boolean().optional(),
});

export const mrecistView = z.object({
  response: z.enum(MRECIST_RESPONSES),
  changeFromBaselinePct: z.number().nullable(),
  changeFromNadirPct: z.number().nullable(),
});

const grades = z.object({ 1: z.string().optional(), 2: z.string().optional(), 3: z.string().optional(), 4: z.string().optional(), 5: z.string().optional() });
export const ctcaeTermsView = z.object({
  version: z.literal('5.0'),
  items: z.array(
    z.object({
      term: z.string(),
      meddraCode: z.string().nullable(),
      soc: z.string(),
      label: z.object({ en: z.string(), 'zh-CN': z.string() }),
      grades,
      labGraded: z.boolean(),
      ctcae: z.boolean(),
    }),
  ),
});

const limits = z.object({ low: z.number().optional(), high: z.number().optional() });
export const labAnalytesView = z.object({
  items: z.array(
    z.object({
      analyte: z.string(),
      label: z.object({ en: z.string(), 'zh-CN': z.string() }),
      loinc: z.string(),
      canonicalUnit: z.string(),
      units: z.array(z.object({ unit: z.string(), factor: z.number(), loinc: z.string() })),
      reference: z.object({ low: z.number().optional(), high: z.number().optional(), unit: z.string(), bySex: z.object({ female: limits, male: limits }).optional(), source: z.string() }).nullable(),
    }),
  ),
});

export type ScoresBody = z.infer<typeof scoresBody>;
export type CtcaeBody = z.infer<typeof ctcaeBody>;
export type IcansBody = z.infer<typeof icansBody>;
export type MrecistBody = z.infer<typeof mrecistBody>;
