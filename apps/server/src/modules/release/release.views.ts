/** The review, the decisions and the notifications of a batch as the API shows them (release.schema.ts). */
import { asc, desc, eq, type SQL, and } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { notFound } from '../../platform/errors';
import { signaturesOf } from '../../platform/signatures';
import { batches } from '../batches/batches.tables';
import { orders } from '../orders/orders.tables';
import { patients } from '../patients/patients.tables';
import { processes } from '../processes/processes.tables';
import { peopleByIds, personOr } from './release.people';
import type { ExceptionalRelease, NotificationStatus } from './release.schema';
import { batchReleases, batchReviews, releaseNotifications } from './release.tables';
import type { ReleaseDecision } from '@hepatica/core';

export type BatchRow = typeof batches.$inferSelect;

export async function batchRow(db: Executor, id: string): Promise<BatchRow> {
  const [row] = await db.select().from(batches).where(eq(batches.id, id));
  if (!row) throw notFound('Batch');
  return row;
}

export type ReviewRow = typeof batchReviews.$inferSelect;
export type ReleaseRow = typeof batchReleases.$inferSelect;
export type NotificationRow = typeof releaseNotifications.$inferSelect;

/** What the reviewer's signature vouches for. */
export const signedReview = (r: ReviewRow) => ({ batchId: r.batchId, reviewerId: r.reviewerId, comment: r.comment, reviewedAt: r.reviewedAt });

/** What the QP's signature vouches for: the decision with everything it rested on. */
export const signedRelease = (r: ReleaseRow) => ({
  batchId: r.batchId,
  decision: r.decision,
  certifierId: r.certifierId,
  pendingTests: r.pendingTests,
  outOfSpecification: r.outOfSpecification,
  physicianId: r.physicianId,
  exceptional: r.exceptional,
  comment: r.comment,
  certifiedAt: r.certifiedAt,
  // The QP certifies the expiry too; absent on rows from before it was recorded, so their signatures stay valid.
  ...(r.productExpiresAt ? { productExpiresAt: r.productExpiresAt } : {}),
});

/** The physician's signature vouches for having read this message and what they answered. */
export const signedAcknowledgement = (n: NotificationRow) => ({
  id: n.id,
  message: n.message,
  physicianId: n.physicianId,
  acknowledgement: n.acknowledgement,
  acknowledgedAt: n.acknowledgedAt,
});

export async function reviewOf(db: Executor, batchId: string) {
  const [row] = await db.select().from(batchReviews).where(eq(batchReviews.batchId, batchId));
  if (!row) return null;
  const people = await peopleByIds(db, [row.reviewerId]);
  return {
    id: row.id,
    batchId: row.batchId,
    reviewer: personOr(people, row.reviewerId),
    comment: row.comment,
    reviewedAt: row.reviewedAt.toISOString(),
    signatures: await signaturesOf(db, 'batch_review', row.id, signedReview(row)),
  };
}
export type ReviewView = NonNullable<Awaited<ReturnType<typeof reviewOf>>>;

/** The QP's decisions on a batch, oldest first. */
export async function releasesOf(db: Executor, batchId: string) {
  const rows = await db.select().from(batchReleases).where(eq(batchReleases.batchId, batchId)).orderBy(asc(batchReleases.certifiedAt));
  const people = await peopleByIds(db, rows.flatMap((r) => [r.certifierId, r.physicianId]));
  return Promise.all(
    rows.map(async (r) => ({
      id: r.id,
      batchId: r.batchId,
      decision: r.decision as ReleaseDecision,
      certifier: personOr(people, r.certifierId),
      pendingTests: r.pendingTests as string[],
      outOfSpecification: r.outOfSpecification as string[],
      treatingPhysician: r.physicianId ? personOr(people, r.physicianId) : null,
      exceptional: (r.exceptional as ExceptionalRelease | null) ?? null,
      comment: r.comment,
      productExpiresAt: r.productExpiresAt?.toISOString() ?? null,
      certifiedAt: r.certifiedAt.toISOString(),
      signatures: await signaturesOf(db, 'batch_release', r.id, signedRelease(r)),
    })),
  );
}
export type ReleaseView = Awaited<ReturnType<typeof releasesOf>>[number];

export interface NotificationFilter {
  status?: NotificationStatus | undefined;
  batchId?: string | undefined;
  physicianId?: string | undefined;
}

/** Notifications, open ones first, newest first within each. */
export async function listNotifications(db: Executor, filter: NotificationFilter) {
  const where: SQL[] = [];
  if (filter.status) where.push(eq(releaseNotifications.status, filter.status));
  if (filter.batchId) where.push(eq(releaseNotifications.batchId, filter.batchId));
  if (filter.physicianId) where.push(eq(releaseNotifications.physicianId, filter.physicianId));
  const rows = await db
    .select({ n: releaseNotifications, batchNumber: batches.batchNumber, din: batches.din, product: processes.product, subjectCode: patients.subjectCode, coi: orders.coi })
    .from(releaseNotifications)
    .innerJoin(batches, eq(batches.id, releaseNotifications.batchId))
    .innerJoin(processes, eq(processes.id, batches.processId))
    .leftJoin(orders, eq(orders.id, batches.orderId))
    .leftJoin(patients, eq(patients.id, orders.patientId))
    .where(and(...where))
    .orderBy(desc(releaseNotifications.status), desc(releaseNotifications.createdAt))
    .limit(500);
  const people = await peopleByIds(db, rows.map((r) => r.n.physicianId));
  return Promise.all(
    rows.map(async ({ n, ...batch }) => ({
      id: n.id,
      batchId: n.batchId,
      ...batch,
      testCode: n.testCode,
      resultId: n.resultId,
      message: n.message,
      status: n.status as NotificationStatus,
      physician: personOr(people, n.physicianId),
      createdAt: n.createdAt.toISOString(),
      acknowledgedAt: n.acknowledgedAt?.toISOString() ?? null,
      acknowledgement: n.acknowledgement,
      signatures: await signaturesOf(db, 'release_notification', n.id, signedAcknowledgement(n)),
    })),
  );
}
export type NotificationView = Awaited<ReturnType<typeof listNotifications>>[number];
