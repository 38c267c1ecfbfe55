import { z } from 'zod';
import { text } from '../../platform/schemas';

export const siteView = z.object({ id: z.string(), name: z.string(), fin: z.string(), timeZone: z.string() });

export const createSiteBody = z.object({
  name: text(1, 200),
  // ICCBBA ST-001: a FIN is one letter (A–N, P–Z; O is not used) and four digits.
  fin: z.string().regex(/^[A-NP-Z][0-9]{4}$/, 'A FIN is one capital letter (not O) and four digits, e.g. A9999'),
  timeZone: text(1, 64),
});
