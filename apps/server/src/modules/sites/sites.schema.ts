import { validateFin } from '@hepatica/core';
import { z } from 'zod';
import { text } from '../../platform/schemas';

export const siteView = z.object({ id: z.string(), name: z.string(), fin: z.string(), timeZone: z.string() });

export const createSiteBody = z.object({
  name: text(1, 200),
  // ISBT 128 facility identification number, checked element by element as ST-001 §2.4.1 defines it.
  fin: z.string().superRefine((fin, ctx) => {
    const problem = validateFin(fin);
    if (problem) ctx.addIssue({ code: 'custom', message: problem.message });
  }),
  timeZone: text(1, 64),
});
