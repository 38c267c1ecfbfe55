/** Shared Zod building blocks for request and response schemas. */
import { z } from 'zod';

/**
 * Free text as people type it: trimmed, bounded, no control characters (they break labels, logs
 * and PostgreSQL text). HTML and SQL are harmless here: output is escaped and queries are bound.
 */
export const text = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min, min === 1 ? 'Must not be empty' : `Must be at least ${min} characters`)
    .max(max, `Must be at most ${max} characters`)
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), 'Must not contain control characters');

export const idParam = z.object({ id: z.uuid('Not a valid id') });

/** An instant with its offset, as ISO 8601 requires for unambiguous times. */
export const instant = z.iso.datetime({ offset: true, message: 'Use an ISO 8601 date-time with offset, e.g. 2026-11-25T09:30:00+08:00' });

export const reason = text(1, 500);

export const signatureInput = z.object({
  password: z.string().min(1, 'Enter your password to sign').max(256),
  meaning: text(1, 200),
});

export const signatureView = z.object({
  signer: z.string(),
  printedName: z.string(),
  at: z.string(),
  meaning: z.string(),
  valid: z.boolean(),
});

export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
