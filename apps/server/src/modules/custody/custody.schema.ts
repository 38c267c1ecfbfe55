import { z } from 'zod';
import { instant, text } from '../../platform/schemas';

export const CUSTODY_TYPES = ['handover', 'receipt', 'storage', 'shipment', 'infusion'] as const;

// ICCBBA ST-001: a DIN is the FIN (letter + 4 digits), a 2-digit year and a 6-digit sequence.
export const dinSchema = z.string().trim().regex(/^[A-Z][0-9]{4}[0-9]{2}[0-9]{6}$/, 'A DIN is 13 characters: FIN (letter + 4 digits), 2-digit year, 6-digit sequence');

export const createCustodyEventBody = z.object({
  din: dinSchema,
  type: z.enum(CUSTODY_TYPES, `Type must be one of: ${CUSTODY_TYPES.join(', ')}`),
  scannedDin: z.string().trim().min(1, 'Scan the bag label').max(64),
  occurredAt: instant,
  location: text(1, 200).optional(),
  fromParty: text(1, 200).optional(),
  toParty: text(1, 200).optional(),
  temperatureC: z.number().min(-200, 'Temperature must be at least -200 °C').max(60, 'Temperature must be at most 60 °C').optional(),
});

export const custodyEventView = z.object({
  id: z.string(),
  din: z.string(),
  type: z.enum(CUSTODY_TYPES),
  occurredAt: z.string(),
  location: z.string().nullable(),
  fromParty: z.string().nullable(),
  toParty: z.string().nullable(),
  temperatureC: z.number().nullable(),
  recordedBy: z.string(),
  createdAt: z.string(),
});

export const custodyExceptionView = z.object({
  id: z.string(),
  din: z.string(),
  scannedDin: z.string(),
  type: z.string(),
  detail: z.string(),
  recordedBy: z.string(),
  createdAt: z.string(),
});

export const custodyQuery = z.object({ din: dinSchema.optional() });
