/** Request and response shapes of the training dashboard and the annual target. */
import { COURSE_CATEGORIES } from '@hepatica/core';
import { z } from 'zod';
import { reason } from '../../platform/schemas';

const year = z.coerce.number('Use a year such as 2026').int('Use a whole year').min(2000, 'From 2000').max(2100, 'Up to 2100');

export const dashboardQuery = z.object({ year: year.optional() });
export const targetParams = z.object({ year });

export const targetBody = z.object({
  target: z.number().int('Use a whole number').min(1, 'At least 1 person').max(100_000, 'At most 100000'),
  reason,
});

export const targetView = z.object({ year: z.number(), target: z.number() });

const count = z.number().int();

export const dashboardView = z.object({
  year: z.number(),
  target: z.number(),
  trained: count,
  internal: count,
  external: count,
  byCategory: z.array(z.object({ category: z.enum(COURSE_CATEGORIES), count })),
  byInstitution: z.array(z.object({ institution: z.string(), count })),
  byMonth: z.array(z.object({ month: z.number().int().min(1).max(12), count })),
  expiring: z.object({
    within30: count,
    within60: count,
    within90: count,
    items: z.array(z.object({ qualificationId: z.string(), learnerName: z.string(), courseCode: z.string(), validUntil: z.string(), daysLeft: count })),
  }),
});
