/** Request and response shapes of qualifications, the competency gate and certificate verification. */
import { COURSE_CATEGORIES, EFFECTIVE_STATUSES, QUALIFICATION_STATUSES } from '@hepatica/core';
import { z } from 'zod';
import { instant, reason, text } from '../../platform/schemas';
import { courseCode } from './training.courses.schema';

/** What the gate reports: an effective status, or that the person never held the qualification. */
export const GATE_STATES = ['valid', 'never_held', 'expired', 'suspended', 'revoked', 'requalification_required'] as const;
export type GateState = (typeof GATE_STATES)[number];

export const qualificationView = z.object({
  id: z.string(),
  learnerId: z.string(),
  userId: z.string().nullable(),
  learnerName: z.string(),
  courseId: z.string(),
  courseCode: z.string(),
  courseTitle: z.string(),
  courseTitleZh: z.string(),
  category: z.enum(COURSE_CATEGORIES),
  achievedAt: z.string(),
  validUntil: z.string().nullable(),
  status: z.enum(QUALIFICATION_STATUSES),
  effectiveStatus: z.enum(EFFECTIVE_STATUSES),
  sopVersion: z.string().nullable(),
  certificateCode: z.string().nullable(),
});

export const createQualificationBody = z
  .object({
    userId: z.uuid('Not a valid id').optional(),
    learnerId: z.uuid('Not a valid id').optional(),
    courseId: z.uuid('Not a valid id'),
    achievedAt: instant,
    evidence: text(1, 1000).optional(),
  })
  .superRefine((body, ctx) => {
    // Exactly one: a qualification belongs to one learner, named either way.
    if (!body.userId === !body.learnerId) {
      ctx.addIssue({ code: 'custom', path: ['learnerId'], message: 'Give either userId or learnerId (exactly one)' });
    }
  });

export const qualificationQuery = z.object({
  userId: z.uuid('Not a valid id').optional(),
  learnerId: z.uuid('Not a valid id').optional(),
  courseId: z.uuid('Not a valid id').optional(),
});

export const reasonBody = z.object({ reason });

export const gateQuery = z.object({
  userId: z.uuid('Not a valid id'),
  competency: courseCode,
  at: instant.optional(),
});

export const gateView = z.object({
  qualified: z.boolean(),
  state: z.enum(GATE_STATES),
  qualification: qualificationView.nullable(),
});

/** The code as printed (groups of four, any case) or as typed; normalised by the service. */
export const verifyParams = z.object({ code: z.string().max(64) });

export const verificationView = z.object({
  genuine: z.literal(true),
  current: z.boolean(),
  effectiveStatus: z.enum(EFFECTIVE_STATUSES),
  learnerName: z.string(),
  institution: z.string(),
  courseCode: z.string(),
  courseTitle: z.string(),
  courseTitleZh: z.string(),
  achievedAt: z.string(),
  validUntil: z.string().nullable(),
  issuedAt: z.string(),
});
