import { CUSTODY_TYPES, validateDin } from '@hepatica/core';
import { z } from 'zod';
import { instant, text } from '../../platform/schemas';

/** A 13-character DIN (FIN, 2-digit year, 6-digit sequence), checked as ST-001 defines it. */
export const dinSchema = z
  .string()
  .trim()
  .superRefine((din, ctx) => {
    const problem = validateDin(din);
    if (problem) ctx.addIssue({ code: 'custom', message: problem.message });
  });

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
  /** The refusal's problem code and params (null on exceptions logged before they were kept). */
  code: z.string().nullable(),
  params: z.record(z.string(), z.string()).nullable(),
  recordedBy: z.string(),
  createdAt: z.string(),
});

export const custodyQuery = z.object({ din: dinSchema.optional() });
