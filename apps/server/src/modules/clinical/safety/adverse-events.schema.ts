/** Request and response shapes of adverse events and their investigator assessment. */
import { RELATEDNESS, SERIOUSNESS_CRITERIA } from '@hepatica/core';
import { z } from 'zod';
import { instant, reason, signatureInput, signatureView, text } from '../../../platform/schemas';

export const ACTIONS_TAKEN = ['drug_withdrawn', 'dose_reduced', 'dose_increased', 'dose_not_changed', 'not_applicable', 'unknown'] as const;
export const OUTCOMES = ['recovered', 'recovering', 'not_recovered', 'recovered_with_sequelae', 'fatal', 'unknown'] as const;
export const PROCEDURES = ['apheresis', 'lymphodepletion', 'infusion'] as const;

const scale = z.enum(RELATEDNESS, `Use one of: ${RELATEDNESS.join(', ')}`);

export const assessmentInput = z.object({
  seriousness: z.array(z.enum(SERIOUSNESS_CRITERIA, `Use any of: ${SERIOUSNESS_CRITERIA.join(', ')}`)).max(6),
  relatedness: z.object({
    product: scale,
    apheresis: scale.optional(),
    lymphodepletion: scale.optional(),
    infusion: scale.optional(),
  }),
  expectedness: z.enum(['expected', 'unexpected'], 'Use expected or unexpected (against the reference safety information)'),
  /** Where the protocol's reference safety information lists (or does not list) the event, e.g. "IB v4 §6.3". */
  rsiReference: text(1, 200).optional(),
});

const descriptive = {
  verbatimTerm: text(1, 500),
  ctcaeTerm: z.string().trim().min(1, 'Choose a CTCAE v5.0 term').max(100),
  /** Checked by the service (1–5), so an impossible grade is a 422 naming the field. */
  grade: z.number('Grade must be a number from 1 to 5').int('Grade must be a whole number from 1 to 5'),
  onsetAt: instant,
  resolvedAt: instant.nullable().optional(),
  description: text(1, 4000).nullable().optional(),
  actionTaken: z.enum(ACTIONS_TAKEN, `Use one of: ${ACTIONS_TAKEN.join(', ')}`),
  outcome: z.enum(OUTCOMES, `Use one of: ${OUTCOMES.join(', ')}`),
  productDin: z.string().trim().min(1).max(20).nullable().optional(),
};

export const createAdverseEventBody = z.object({
  ...descriptive,
  awareAt: instant.optional(),
  /** Only a clinical:investigate user may send the assessment with the record. */
  assessment: assessmentInput.extend({ signature: signatureInput }).optional(),
});

export const updateAdverseEventBody = z
  .object({
    verbatimTerm: descriptive.verbatimTerm.optional(),
    ctcaeTerm: descriptive.ctcaeTerm.optional(),
    grade: descriptive.grade.optional(),
    onsetAt: instant.optional(),
    resolvedAt: descriptive.resolvedAt,
    awareAt: instant.optional(),
    description: descriptive.description,
    actionTaken: descriptive.actionTaken.optional(),
    outcome: descriptive.outcome.optional(),
    productDin: descriptive.productDin,
    kind: z.enum(['follow_up', 'correction'], 'Use follow_up or correction').optional(),
    reason: reason.optional(),
  });

export const assessBody = assessmentInput.extend({ reason: reason.optional(), signature: signatureInput });
export const voidBody = z.object({ reason, signature: signatureInput });

export const adverseEventVersionView = z.object({
  version: z.number(),
  kind: z.string(),
  reason: z.string().nullable(),
  changedBy: z.string(),
  changedAt: z.string(),
  snapshot: z.record(z.string(), z.unknown()),
});

export const clockView = z.object({
  id: z.string(),
  kind: z.string(),
  recipient: z.string(),
  adverseEventId: z.string(),
  aeNumber: z.string(),
  subjectId: z.string(),
  subjectCode: z.string(),
  subjectNumber: z.string().nullable(),
  term: z.string(),
  grade: z.number(),
  startsAt: z.string(),
  dueAt: z.string(),
  status: z.enum(['running', 'overdue', 'met', 'cancelled']),
  msLeft: z.number(),
  overdueMs: z.number(),
  late: z.boolean(),
  metAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  basis: z.string(),
  rulesVersion: z.string(),
  reports: z.array(
    z.object({
      id: z.string(),
      reportedAt: z.string(),
      recipient: z.string(),
      reference: z.string().nullable(),
      followUp: z.boolean(),
      reportedBy: z.string(),
      signatures: z.array(signatureView),
    }),
  ),
});

export const adverseEventView = z.object({
  id: z.string(),
  subjectId: z.string(),
  number: z.string(),
  status: z.enum(['open', 'resolved', 'voided']),
  verbatimTerm: z.string(),
  ctcaeTerm: z.string(),
  ctcaeVersion: z.string(),
  grade: z.number(),
  onsetAt: z.string(),
  resolvedAt: z.string().nullable(),
  awareAt: z.string(),
  description: z.string().nullable(),
  actionTaken: z.string(),
  outcome: z.string(),
  productDin: z.string().nullable(),
  seriousness: z.array(z.string()).nullable(),
  relatedness: z.record(z.string(), z.string()).nullable(),
  expectedness: z.string().nullable(),
  rsiReference: z.string().nullable(),
  serious: z.boolean().nullable(),
  related: z.boolean().nullable(),
  susar: z.boolean().nullable(),
  assessedBy: z.string().nullable(),
  assessedAt: z.string().nullable(),
  source: z.string(),
  version: z.number(),
  recordedBy: z.string(),
  voidReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  signatures: z.array(signatureView),
  versions: z.array(adverseEventVersionView).optional(),
  clocks: z.array(clockView).optional(),
});

export const clockQuery = z.object({
  status: z.enum(['running', 'overdue', 'met', 'cancelled'], 'Use running, overdue, met or cancelled').optional(),
  subjectId: z.uuid('Not a valid subject id').optional(),
});

export const reportBody = z.object({
  reportedAt: instant,
  recipient: text(1, 200),
  reference: text(1, 200).optional(),
  followUp: z.boolean().optional(),
  signature: signatureInput,
});
