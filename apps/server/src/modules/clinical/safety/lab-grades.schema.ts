/** Response shape of a subject's lab-based CTCAE v5.0 grades. */
import { z } from 'zod';

const baseline = z.object({ value: z.number(), at: z.string(), labResultId: z.string() }).nullable();

export const labGradesView = z.object({
  version: z.literal('5.0'),
  /** Results must come from the labs module; `not_available` while it is not built. */
  source: z.enum(['lab_results', 'not_available']),
  /** Results at or before this instant are baseline candidates (the infusion, else enrollment, else screening). */
  baselineCutoff: z.string().nullable(),
  baselineAnchor: z.enum(['infusion', 'enrollment', 'screening']),
  items: z.array(
    z.object({
      term: z.string(),
      labResultId: z.string(),
      at: z.string(),
      value: z.number(),
      unit: z.string().nullable(),
      uln: z.number().nullable(),
      lln: z.number().nullable(),
      baseline,
      grade: z.number(),
    }),
  ),
  worst: z.array(z.object({ term: z.string(), grade: z.number(), at: z.string() })),
});
export type LabGradesView = z.infer<typeof labGradesView>;
