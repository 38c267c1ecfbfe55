/**
 * Review and release of batches: the QA review of the batch record, the QP's certification decisions,
 * the physician notifications a conditional release obliges, and the issued certificates of analysis.
 * Nothing here is ever updated except a notification's acknowledgement; a new decision or a new CoA
 * version is a new row, so the history of a batch's release stays readable.
 */
import { index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { batches } from '../batches/batches.tables';

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/** One QA review per batch: the reviewer read the record and its audit trail and signed. */
export const batchReviews = pgTable(
  'batch_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => batches.id),
    reviewerId: uuid('reviewer_id').notNull(),
    reviewer: text('reviewer').notNull(),
    comment: text('comment'),
    reviewedAt: at('reviewed_at').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [unique('batch_reviews_batch').on(t.batchId)],
);

/** A QP decision on a batch; a conditionally released batch may later get its final decision. */
export const batchReleases = pgTable(
  'batch_releases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => batches.id),
    /** release | conditional_release | reject */
    decision: text('decision').notNull(),
    certifierId: uuid('certifier_id').notNull(),
    certifier: text('certifier').notNull(),
    /** Late-allowed tests still pending when a conditional release was signed. */
    pendingTests: jsonb('pending_tests').notNull(),
    /** Tests out of specification at the decision (an exceptional release names them). */
    outOfSpecification: jsonb('out_of_specification').notNull(),
    /** Conditional release: the physician to be told of a late non-conforming result. */
    physicianId: uuid('physician_id'),
    /** Exceptional release of an OOS product: `{ physicianRequest: { requestedBy, requestedAt, text }, justification }`. */
    exceptional: jsonb('exceptional'),
    comment: text('comment'),
    /** The product's expiry as the QP certified it (end of manufacture + the specification's shelf life); shipping and the bedside read it from here. */
    productExpiresAt: at('product_expires_at'),
    certifiedAt: at('certified_at').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('batch_releases_batch_idx').on(t.batchId)],
);

/** The duty of a conditional release: a late OOS result told to the treating physician, until acknowledged. */
export const releaseNotifications = pgTable(
  'release_notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => batches.id),
    releaseId: uuid('release_id')
      .notNull()
      .references(() => batchReleases.id),
    /** The reviewed non-conforming QC result that triggered the notification. */
    resultId: uuid('result_id').notNull(),
    testCode: text('test_code').notNull(),
    physicianId: uuid('physician_id').notNull(),
    message: text('message').notNull(),
    /** open | acknowledged */
    status: text('status').notNull(),
    acknowledgedAt: at('acknowledged_at'),
    /** What the physician did or decided, in their words. */
    acknowledgement: text('acknowledgement'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [unique('release_notifications_result_physician').on(t.resultId, t.physicianId), index('release_notifications_physician_idx').on(t.physicianId, t.status)],
);

/** Issued certificates of analysis: the content as printed, version by version. */
export const coaVersions = pgTable(
  'coa_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => batches.id),
    version: integer('version').notNull(),
    /** Why this version exists: the first issue at certification, or the amendment's reason. */
    reason: text('reason').notNull(),
    /** Everything the PDF prints (coa.content.ts), frozen at issue. */
    content: jsonb('content').notNull(),
    issuedById: uuid('issued_by_id').notNull(),
    issuedBy: text('issued_by').notNull(),
    issuedAt: at('issued_at').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [unique('coa_versions_batch_version').on(t.batchId, t.version)],
);
