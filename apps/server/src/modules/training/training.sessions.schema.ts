/** Request and response shapes of scheduled sessions, enrollment with a waiting list, and attendance. */
import { ENROLLMENT_STATUSES, SESSION_STATUSES } from '@hepatica/core';
import { z } from 'zod';
import { instant, reason, text } from '../../platform/schemas';

export const MAX_CAPACITY = 500;

export const sessionView = z.object({
  id: z.string(),
  courseId: z.string(),
  courseCode: z.string(),
  courseTitle: z.string(),
  courseTitleZh: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  trainerId: z.string(),
  trainerName: z.string(),
  room: z.string(),
  capacity: z.number(),
  enrolled: z.number(),
  waitlisted: z.number(),
  status: z.enum(SESSION_STATUSES),
});

export const enrollmentView = z.object({
  id: z.string(),
  sessionId: z.string(),
  learnerId: z.string(),
  learnerName: z.string(),
  institution: z.string(),
  status: z.enum(ENROLLMENT_STATUSES),
  attended: z.boolean().nullable(),
  createdAt: z.string(),
});

export const sessionDetailView = sessionView.extend({ enrollments: z.array(enrollmentView) });

export const createSessionBody = z.object({
  courseId: z.uuid('Not a valid id'),
  startsAt: instant,
  endsAt: instant,
  trainerId: z.uuid('Not a valid id'),
  room: text(1, 100),
  capacity: z.number().int('Use a whole number').min(1, 'At least 1 place').max(MAX_CAPACITY, `At most ${MAX_CAPACITY} places`),
});

export const sessionQuery = z.object({
  from: instant.optional(),
  to: instant.optional(),
  courseId: z.uuid('Not a valid id').optional(),
});

export const enrollBody = z.object({
  learnerId: z.uuid('Not a valid id'),
  waitlist: z.boolean().optional(),
});

export const cancelEnrollmentBody = z.object({ reason });

export const attendanceBody = z.object({
  attendance: z
    .array(z.object({ enrollmentId: z.uuid('Not a valid id'), attended: z.boolean() }))
    .min(1, 'Give the attendance of at least one learner')
    .max(MAX_CAPACITY)
    .refine((items) => new Set(items.map((i) => i.enrollmentId)).size === items.length, 'Each enrollment may appear only once'),
});
