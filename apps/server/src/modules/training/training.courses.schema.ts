/** Request and response shapes of the training catalogue: courses, prerequisites and role curricula. */
import { COURSE_CATEGORIES, DELIVERY_MODES } from '@hepatica/core';
import { z } from 'zod';
import { ROLES } from '../../platform/access';
import { reason, text } from '../../platform/schemas';

export const courseCode = z
  .string()
  .trim()
  .regex(/^[A-Z][A-Z0-9-]{1,23}$/, 'A course code is 2–24 upper-case letters, digits or dashes, starting with a letter (e.g. GMP-101)');

const courseRef = z.object({ id: z.string(), code: z.string(), title: z.string(), titleZh: z.string() });

export const courseView = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  titleZh: z.string(),
  category: z.enum(COURSE_CATEGORIES),
  deliveryMode: z.enum(DELIVERY_MODES),
  durationHours: z.number(),
  passMark: z.number(),
  validityMonths: z.number().nullable(),
  practical: z.boolean(),
  sopCode: z.string().nullable(),
  sopVersion: z.string().nullable(),
  prerequisites: z.array(courseRef),
  retiredAt: z.string().nullable(),
  createdAt: z.string(),
});

/** Requalification interval in months; null means the qualification never expires. */
const validityMonths = z.number().int('Use whole months').min(1, 'At least 1 month').max(120, 'At most 120 months').nullable();
const passMark = z.number().int('Use a whole number').min(0, 'At least 0').max(100, 'At most 100');
const sopVersion = z.string().trim().regex(/^[A-Za-z0-9._-]{1,16}$/, 'A version is 1–16 letters, digits, dots or dashes (e.g. 3.0)');

export const createCourseBody = z.object({
  code: courseCode,
  title: text(1, 200),
  titleZh: text(1, 200).optional(),
  category: z.enum(COURSE_CATEGORIES, `Category must be one of: ${COURSE_CATEGORIES.join(', ')}`),
  validityMonths,
  deliveryMode: z.enum(DELIVERY_MODES, `Delivery mode must be one of: ${DELIVERY_MODES.join(', ')}`).default('classroom'),
  durationHours: z.number().positive('Must be above 0 hours').max(1000, 'At most 1000 hours').default(1),
  passMark: passMark.default(80),
  practical: z.boolean().default(false),
  sopCode: z.string().trim().regex(/^[A-Za-z0-9._-]{1,32}$/, 'An SOP code is 1–32 letters, digits, dots or dashes').optional(),
  sopVersion: sopVersion.optional(),
  prerequisites: z.array(courseCode).max(20, 'At most 20 prerequisites').default([]),
});

export const updateCourseBody = z.object({
  reason,
  title: text(1, 200).optional(),
  titleZh: text(1, 200).optional(),
  passMark: passMark.optional(),
  validityMonths: validityMonths.optional(),
  sopVersion: sopVersion.optional(),
  requireRequalification: z.boolean().optional(),
  retired: z.boolean().optional(),
});

export const courseQuery = z.object({
  category: z.enum(COURSE_CATEGORIES).optional(),
  includeRetired: z
    .enum(['true', 'false'], 'Use true or false')
    .transform((v) => v === 'true')
    .optional(),
});

const curriculumCourse = z.object({ id: z.string(), code: z.string(), title: z.string(), titleZh: z.string(), category: z.enum(COURSE_CATEGORIES) });
export const curriculumView = z.object({ role: z.enum(ROLES), courses: z.array(curriculumCourse) });

export const roleParam = z.object({ role: z.enum(ROLES, `Role must be one of: ${ROLES.join(', ')}`) });

export const putCurriculumBody = z.object({
  courseIds: z.array(z.uuid('Not a valid id')).max(100, 'At most 100 courses'),
  reason,
});
