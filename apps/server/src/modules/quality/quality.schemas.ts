/** Zod building blocks shared by the quality-event schemas. */
import { isIsoDate } from '@hepatica/core';
import { z } from 'zod';

/** A calendar date in the site's time zone, YYYY-MM-DD. */
export const isoDate = z.string().refine(isIsoDate, 'Use a date written YYYY-MM-DD, e.g. 2026-12-31');

/** A username (an owner, a person named on a record). */
export const username = z.string().trim().min(1, 'Must not be empty').max(64, 'Must be at most 64 characters');

/** `?overdue=true|false` in a query string. */
export const overdueFlag = z.enum(['true', 'false'], 'Use true or false').transform((v) => v === 'true');
