/** Request and response shapes of learners: staff (internal) and people from partner institutions (external). */
import { ENROLLMENT_STATUSES, GAP_REASONS, LEARNER_KINDS } from '@hepatica/core';
import { z } from 'zod';
import { text } from '../../platform/schemas';
import { createUserBody } from '../identity/identity.schema';
import { assessmentView } from './training.assessments.schema';
import { qualificationView } from './training.qualifications.schema';

export const learnerView = z.object({
  id: z.string(),
  kind: z.enum(LEARNER_KINDS),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  name: z.string(),
  institution: z.string(),
  profession: z.string(),
  email: z.string().nullable(),
  createdAt: z.string(),
});

const externalLearnerBody = z.object({
  kind: z.literal('external'),
  name: text(1, 200),
  institution: text(1, 200),
  profession: text(1, 100),
  email: z.email('Not a valid e-mail address').max(254).optional(),
});

const internalLearnerBody = z.object({
  kind: z.literal('internal'),
  userId: z.uuid('Not a valid id'),
  profession: text(1, 100).optional(),
});

export const createLearnerBody = z.discriminatedUnion('kind', [externalLearnerBody, internalLearnerBody], {
  error: 'Kind must be internal or external',
});

export const learnerQuery = z.object({
  kind: z.enum(LEARNER_KINDS).optional(),
  search: z.string().trim().max(100).optional(),
});

export const createAccountBody = z.object({
  username: createUserBody.shape.username,
  password: z.string().min(1, 'Enter a password').max(256),
});

export const learnerRecordView = z.object({
  learner: learnerView,
  qualifications: z.array(qualificationView),
  assessments: z.array(assessmentView),
  enrollments: z.array(
    z.object({
      id: z.string(),
      sessionId: z.string(),
      courseCode: z.string(),
      startsAt: z.string(),
      status: z.enum(ENROLLMENT_STATUSES),
      attended: z.boolean().nullable(),
    }),
  ),
  curriculumGaps: z.array(
    z.object({ courseId: z.string(), code: z.string(), title: z.string(), titleZh: z.string(), reason: z.enum(GAP_REASONS) }),
  ),
});
