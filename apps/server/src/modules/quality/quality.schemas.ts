/** Zod building blocks shared by the quality-event schemas. */
import { isIsoDate } from '@hepatica/core';
import { z } from 'zod';
import { signatureInput, text } from '../../platform/schemas';

/** A calendar date in the site's time zone, YYYY-MM-DD. */
export const isoDate = z.string().refine(isIsoDate, 'Use a date written YYYY-MM-DD, e.g. 2026-12-31');

/** A username (an owner, a person named on a record). */
export const username = z.string().trim().min(1, 'Must not be empty').max(64, 'Must be at most 64 characters');

/** `?overdue=true|false` in a query string. */
export const overdueFlag = z.enum(['true', 'false'], 'Use true or false').transform((v) => v === 'true');

/** Ending a record without doing its work (a deviation cancelled, a change withdrawn) needs a sentence of why. */
export const END_REASON_MIN = 10;
export const END_REASON_MAX = 2000;

/**
 * The reason a record ends without its work. Only its form is checked here (trimmed, bounded, no control
 * characters); requireEndReason (quality.common.ts) refuses a missing or too short one with a 422, as a
 * missing GMP reason is refused everywhere else.
 */
export const endReason = text(0, END_REASON_MAX).optional();

/** A signature whose meaning, when not given, is what the step is ("Withdrawn" …). */
export const signatureMeaningDefault = (meaning: string) =>
  z.object({ password: signatureInput.shape.password, meaning: text(1, 200).default(meaning) });
