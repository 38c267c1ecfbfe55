/** Request and response shapes of consent documents, consent records, withdrawals and a subject's consent status. */
import { z } from 'zod';
import { instant, reason, signatureInput, signatureView, text } from '../../../platform/schemas';

const calendarDay = z.iso.date('Use a calendar day, e.g. 2026-05-12');
const partCode = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'Use 1-40 lower-case letters, digits or _, e.g. future_use_of_samples');

export const consentLanguage = z.enum(['zh-CN', 'en'], 'Use zh-CN or en');

export const optionalPart = z.object({ code: partCode, label: text(1, 300) });

export const newConsentDocumentBody = z.object({
  language: consentLanguage,
  versionLabel: text(1, 60),
  title: text(1, 300),
  effectiveFrom: calendarDay.optional(),
  optionalParts: z.array(optionalPart).max(20, 'At most 20 optional parts').default([]),
});

export const approveConsentDocumentBody = z.object({
  approvedOn: calendarDay,
  effectiveFrom: calendarDay.optional(),
  signature: signatureInput,
});

const person = z.object({ name: text(1, 120) });

export const newConsentBody = z.object({
  documentId: z.uuid('Not a valid consent document id'),
  consentedAt: instant,
  consentedBy: z.enum(['subject', 'lar'], 'Use subject, or lar for a legally authorized representative'),
  lar: z.object({ name: text(1, 120).optional(), relationship: text(1, 60).optional() }).optional(),
  subjectCanRead: z.boolean('Say whether the subject can read the document').default(true),
  witness: person.partial().optional(),
  investigatorId: z.uuid('Not a valid user id'),
  optionalParts: z.record(z.string(), z.boolean('Answer yes (true) or no (false)')).default({}),
  signature: signatureInput,
});

export const newWithdrawalBody = z.object({
  scope: z.enum(['complete', 'treatment', 'optional_parts'], 'Use complete, treatment or optional_parts'),
  parts: z.array(partCode).max(20).optional(),
  withdrawnAt: instant,
  reason,
  safetyFollowUp: z.boolean('Say whether the subject agrees to safety follow-up').default(false),
  signature: signatureInput,
});

export const consentDocumentView = z.object({
  id: z.string(),
  studyId: z.string(),
  protocolVersionId: z.string(),
  protocolVersion: z.number().nullable(),
  language: consentLanguage,
  versionLabel: z.string(),
  title: z.string(),
  status: z.enum(['draft', 'approved', 'superseded']),
  approvedOn: z.string().nullable(),
  effectiveFrom: z.string().nullable(),
  optionalParts: z.array(z.object({ code: z.string(), label: z.string() })),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  supersededAt: z.string().nullable(),
  supersededById: z.string().nullable(),
  signatures: z.array(signatureView),
  createdAt: z.string(),
});

export const approvedDocumentView = consentDocumentView.extend({ reconsentMarked: z.number() });

export const consentRecordView = z.object({
  id: z.string(),
  subjectId: z.string(),
  document: z.object({ id: z.string(), versionLabel: z.string(), language: z.string(), title: z.string(), protocolVersionId: z.string() }),
  consentedAt: z.string(),
  consentedBy: z.enum(['subject', 'lar']),
  lar: z.object({ name: z.string(), relationship: z.string() }).nullable(),
  subjectCanRead: z.boolean(),
  witness: z.object({ name: z.string() }).nullable(),
  investigator: z.object({ id: z.string(), name: z.string() }),
  optionalParts: z.record(z.string(), z.boolean()),
  recordedBy: z.string(),
  signatures: z.array(signatureView),
  createdAt: z.string(),
});

export const withdrawalView = z.object({
  id: z.string(),
  subjectId: z.string(),
  consentRecordId: z.string(),
  scope: z.enum(['complete', 'treatment', 'optional_parts']),
  parts: z.array(z.string()),
  safetyFollowUp: z.boolean(),
  withdrawnAt: z.string(),
  reason: z.string(),
  recordedBy: z.string(),
  signatures: z.array(signatureView),
  createdAt: z.string(),
});

export const consentStatusEnum = z.enum(['valid', 'none', 'reconsent_required', 'withdrawn', 'withdrawn_from_treatment']);

export const continuesView = z.object({
  treatment: z.boolean(),
  visits: z.boolean(),
  safetyFollowUp: z.boolean(),
  collectedDataKept: z.literal(true),
  optionalParts: z.record(z.string(), z.boolean()),
});

export const consentStatusView = z.object({
  subjectId: z.string(),
  subjectNumber: z.string().nullable(),
  screeningNumber: z.string(),
  status: consentStatusEnum,
  current: consentRecordView.nullable(),
  reconsent: z
    .object({ reason: z.string(), documentId: z.string(), versionLabel: z.string(), language: z.string(), raisedAt: z.string() })
    .nullable(),
  continues: continuesView,
  records: z.array(consentRecordView),
  withdrawals: z.array(withdrawalView),
  history: z.array(
    z.object({
      at: z.string(),
      kind: z.enum(['consented', 'withdrawn', 'reconsent_required', 'reconsent_resolved']),
      id: z.string(),
      summary: z.string(),
    }),
  ),
});

export const withdrawalResultView = z.object({ withdrawal: withdrawalView, status: consentStatusEnum, continues: continuesView });

export type NewConsentDocument = z.infer<typeof newConsentDocumentBody>;
export type ApproveConsentDocument = z.infer<typeof approveConsentDocumentBody>;
export type NewConsent = z.input<typeof newConsentBody>;
export type NewWithdrawal = z.input<typeof newWithdrawalBody>;
