/** Request and response shapes of assessments: theory scores and signed practical assessments. */
import { ASSESSMENT_KINDS } from '@hepatica/core';
import { z } from 'zod';
import { instant, signatureInput, signatureView, text } from '../../platform/schemas';
import { qualificationView } from './training.qualifications.schema';

export const assessmentView = z.object({
  id: z.string(),
  learnerId: z.string(),
  learnerName: z.string(),
  courseId: z.string(),
  courseCode: z.string(),
  kind: z.enum(ASSESSMENT_KINDS),
  score: z.number().nullable(),
  passed: z.boolean(),
  passMark: z.number(),
  assessedAt: z.string(),
  assessor: z.string(),
  notes: z.string().nullable(),
  signatures: z.array(signatureView),
});

export const assessmentResult = assessmentView.extend({ qualification: qualificationView.nullable() });

export const createAssessmentBody = z
  .object({
    learnerId: z.uuid('Not a valid id'),
    courseId: z.uuid('Not a valid id'),
    sessionId: z.uuid('Not a valid id').optional(),
    kind: z.enum(ASSESSMENT_KINDS, `Kind must be one of: ${ASSESSMENT_KINDS.join(', ')}`),
    score: z.number().min(0, 'A score is 0–100').max(100, 'A score is 0–100').optional(),
    passed: z.boolean().optional(),
    assessedAt: instant,
    notes: text(1, 2000).optional(),
    signature: signatureInput.optional(),
  })
  .superRefine((body, ctx) => {
    // Theory is graded by score against the pass mark; a practical is judged and signed by the trainer.
    if (body.kind === 'theory' && body.score === undefined) {
      ctx.addIssue({ code: 'custom', path: ['score'], message: 'A theory assessment needs a score (0–100)' });
    }
    if (body.kind === 'practical' && body.passed === undefined) {
      ctx.addIssue({ code: 'custom', path: ['passed'], message: 'Say whether the practical assessment was passed' });
    }
    if (body.kind === 'practical' && body.signature === undefined) {
      ctx.addIssue({ code: 'custom', path: ['signature'], message: 'A practical assessment must be signed by the trainer' });
    }
  });

export const assessmentQuery = z.object({
  learnerId: z.uuid('Not a valid id').optional(),
  courseId: z.uuid('Not a valid id').optional(),
});
