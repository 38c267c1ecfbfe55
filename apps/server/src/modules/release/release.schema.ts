/** Request and response shapes of batch review, release, release notifications and certificates of analysis. */
import { RELEASE_BLOCKERS, RELEASE_DECISIONS } from '@hepatica/core';
import { z } from 'zod';
import { instant, signatureView, text } from '../../platform/schemas';

/** The signer re-enters the password; the meaning defaults to what the action is ("Reviewed", "Released" …). */
const signature = z.object({
  password: z.string().min(1, 'Enter your password to sign').max(256),
  meaning: text(1, 200).optional(),
});

export const reviewBody = z.object({
  signature,
  /** What the reviewer wants the QP to know (e.g. how a deviation was assessed). */
  comment: text(1, 2000).optional(),
});

export const exceptionalRelease = z.object({
  /** The treating physician's written request to receive the out-of-specification product. */
  physicianRequest: z.object({
    requestedBy: text(1, 200),
    requestedAt: instant,
    text: text(1, 4000),
  }),
  /** Why the QP judges the product may go out (benefit/risk, no alternative for this patient). */
  justification: text(1, 4000),
});
export type ExceptionalRelease = z.infer<typeof exceptionalRelease>;

export const releaseBody = z.object({
  decision: z.enum(RELEASE_DECISIONS, `Decision must be one of: ${RELEASE_DECISIONS.join(', ')}`),
  signature,
  /** Conditional release: the physician who must be told of a late non-conforming result. */
  treatingPhysicianId: z.uuid('Not a valid user id').optional(),
  /** Release of an out-of-specification product at the physician's request. */
  exceptional: exceptionalRelease.optional(),
  comment: text(1, 2000).optional(),
});
export type ReleaseBody = z.infer<typeof releaseBody>;

export const acknowledgeBody = z.object({
  signature,
  /** What the physician did or decided about the patient. */
  acknowledgement: text(1, 2000),
});

export const amendCoaBody = z.object({
  /** Why a new version: a retest after issue, a late result, a correction. */
  reason: text(1, 500),
  signature,
});

export const coaQuery = z.object({
  version: z.coerce.number('The version must be a number').int('The version must be a whole number').min(1, 'Versions start at 1').max(10_000).optional(),
});

export const NOTIFICATION_STATUSES = ['open', 'acknowledged'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

export const notificationQuery = z.object({
  status: z.enum(NOTIFICATION_STATUSES, `Status must be one of: ${NOTIFICATION_STATUSES.join(', ')}`).optional(),
  batchId: z.uuid('Not a valid batch id').optional(),
});

export const personView = z.object({ id: z.string(), username: z.string(), name: z.string() });
const person = personView;

export const reviewView = z.object({
  id: z.string(),
  batchId: z.string(),
  reviewer: person,
  comment: z.string().nullable(),
  reviewedAt: z.string(),
  signatures: z.array(signatureView),
});

export const releaseView = z.object({
  id: z.string(),
  batchId: z.string(),
  decision: z.enum(RELEASE_DECISIONS),
  certifier: person,
  pendingTests: z.array(z.string()),
  outOfSpecification: z.array(z.string()),
  treatingPhysician: person.nullable(),
  exceptional: exceptionalRelease.nullable(),
  comment: z.string().nullable(),
  /** The product's expiry as certified; null on a reject and on releases made before expiry was recorded. */
  productExpiresAt: z.string().nullable(),
  certifiedAt: z.string(),
  signatures: z.array(signatureView),
});

export const notificationView = z.object({
  id: z.string(),
  batchId: z.string(),
  batchNumber: z.string(),
  product: z.string(),
  din: z.string().nullable(),
  subjectCode: z.string().nullable(),
  coi: z.string().nullable(),
  testCode: z.string(),
  resultId: z.string(),
  message: z.string(),
  status: z.enum(NOTIFICATION_STATUSES),
  physician: person,
  createdAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  acknowledgement: z.string().nullable(),
  signatures: z.array(signatureView),
});

export const blockerView = z.object({
  code: z.enum(RELEASE_BLOCKERS),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  /** The blocker in English, saying what to do. */
  message: z.string(),
});

const decisionCheck = z.object({ allowed: z.boolean(), blockers: z.array(blockerView) });

export const coaVersionView = z.object({
  version: z.number(),
  reason: z.string(),
  issuedBy: z.string(),
  issuedAt: z.string(),
});

export const releaseCheckView = z.object({
  batchId: z.string(),
  batchNumber: z.string(),
  status: z.string(),
  product: z.string(),
  productType: z.string(),
  din: z.string().nullable(),
  subjectCode: z.string().nullable(),
  coi: z.string().nullable(),
  qc: z.object({
    specification: z.object({ id: z.string(), product: z.string(), version: z.number(), shelfLifeDays: z.number().nullable() }).nullable(),
    tests: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        lateResultAllowed: z.boolean(),
        state: z.enum(['missing', 'awaiting_review', 'conforming', 'non_conforming']),
        resultId: z.string().nullable(),
      }),
    ),
    complete: z.boolean(),
    outOfSpecification: z.array(z.string()),
    pendingLate: z.array(z.string()),
  }),
  openDeviations: z.array(z.object({ id: z.string(), number: z.string(), title: z.string(), severity: z.string(), status: z.string() })),
  /** End of manufacture + the specification's shelf life: the expiry a release would certify. */
  expiry: z.object({ expiresAt: z.string().nullable(), expired: z.boolean() }),
  review: reviewView.nullable(),
  chainOfIdentity: z.object({
    applies: z.boolean(),
    verified: z.boolean(),
    din: z.string().nullable(),
    reason: z.string().nullable(),
    receivedAt: z.string().nullable(),
    exceptions: z.number(),
  }),
  /** For the person asking: what each decision would be refused for. */
  decisions: z.object({ release: decisionCheck, conditional_release: decisionCheck, reject: decisionCheck }),
  releases: z.array(releaseView),
  notifications: z.array(notificationView),
  coaVersions: z.array(coaVersionView.extend({ outdated: z.boolean() })),
});

export const trailEventView = z.object({
  seq: z.number(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  reason: z.string().nullable(),
  /** Fields that changed (every field of a created record), with their values before and after. */
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
});

export const trailSignatureView = z.object({
  entityType: z.string(),
  entityId: z.string(),
  signer: z.string(),
  printedName: z.string(),
  meaning: z.string(),
  at: z.string(),
});

export const reviewRecordView = z.object({
  trail: z.array(trailEventView),
  signatures: z.array(trailSignatureView),
  review: reviewView.nullable(),
});
