import { z } from 'zod';
import { text } from '../../platform/schemas';

export const INDICATIONS = ['hcc', 'cirrhosis', 'metabolic'] as const;
export const PHASES = ['early_phase_1', '1', '1_2', '2', '2_3', '3', '4', 'iit'] as const;

export const studyView = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  indication: z.enum(INDICATIONS),
  phase: z.string(),
  createdAt: z.string(),
});

export const createStudyBody = z.object({
  code: z.string().trim().regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/, 'Use 2–32 capital letters, digits or dashes, e.g. HEP-CART-01'),
  title: text(1, 300),
  indication: z.enum(INDICATIONS, 'Indication must be one of: hcc, cirrhosis, metabolic'),
  phase: z.enum(PHASES, `Phase must be one of: ${PHASES.join(', ')}`),
});
