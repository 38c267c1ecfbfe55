/** Request bodies of the deviation lifecycle: open, classify, investigate, assess impact, close, cancel; due periods. */
import { MAX_CLOSE_DAYS } from '@hepatica/core';
import { z } from 'zod';
import { reason, signatureInput, text } from '../../platform/schemas';
import { BATCH_IMPACTS, DEVIATION_SEVERITIES, ROOT_CAUSE_CATEGORIES } from './deviations.schema';
import { endReason, signatureMeaningDefault, username } from './quality.schemas';

const severity = z.enum(DEVIATION_SEVERITIES, `Severity must be one of: ${DEVIATION_SEVERITIES.join(', ')}`);

export const createDeviationBody = z.object({
  title: text(1, 200),
  description: text(1, 4000),
  /** The reporter's first judgement; QA confirms or changes it when classifying. */
  severity,
  batchId: z.uuid('Not a valid id').optional(),
  /** Further batches it may have affected. */
  batchIds: z.array(z.uuid('Not a valid id')).max(50, 'At most 50 batches').optional(),
  roomId: z.uuid('Not a valid id').optional(),
});
export type CreateDeviationBody = z.output<typeof createDeviationBody>;

export const classifyDeviationBody = z.object({
  severity,
  /** Whether the investigation must lead to a CAPA before the deviation may close. */
  capaRequired: z.boolean('Say whether a CAPA is required (true or false)'),
  /** Username of the person who leads the investigation. */
  owner: username,
  signature: signatureInput,
});
export type ClassifyDeviationBody = z.output<typeof classifyDeviationBody>;

export const investigationBody = z.object({
  investigation: text(1, 8000).optional(),
  rootCause: text(1, 4000).optional(),
  rootCauseCategory: z.enum(ROOT_CAUSE_CATEGORIES, `Category must be one of: ${ROOT_CAUSE_CATEGORIES.join(', ')}`).optional(),
  /** Why an investigation already written is changed (not needed for the first entry). */
  reason: reason.optional(),
});
export type InvestigationBody = z.output<typeof investigationBody>;

export const batchParams = z.object({ id: z.uuid('Not a valid id'), batchId: z.uuid('Not a valid id') });

export const impactBody = z.object({
  impact: z.enum(BATCH_IMPACTS, `Impact must be one of: ${BATCH_IMPACTS.join(', ')}`),
  rationale: text(1, 2000),
  /** Why an assessment already made is changed (not needed for the first one). */
  reason: reason.optional(),
});
export type ImpactBody = z.output<typeof impactBody>;

export const addBatchBody = z.object({ batchId: z.uuid('Not a valid id'), reason });

export const closeDeviationBody = z.object({ conclusion: text(1, 4000), signature: signatureInput });
export type CloseDeviationBody = z.output<typeof closeDeviationBody>;

/** The meaning a cancellation is signed with unless the signer gives another. */
export const CANCEL_MEANING = 'Deviation cancelled: opened in error';
export const cancelDeviationBody = z.object({
  /** Why the deviation was opened in error; also the audit reason of the cancellation. */
  reason: endReason,
  signature: signatureMeaningDefault(CANCEL_MEANING),
});
export type CancelDeviationBody = z.output<typeof cancelDeviationBody>;

const days = z.number('Enter a number of days').int('Whole days only').min(1, 'At least 1 day').max(MAX_CLOSE_DAYS, `At most ${MAX_CLOSE_DAYS} days`);
export const closeDaysView = z.object({ minor: z.number(), major: z.number(), critical: z.number() });
export const closeDaysBody = z.object({ minor: days.optional(), major: days.optional(), critical: days.optional(), reason });
export type AddBatchBody = z.output<typeof addBatchBody>;
