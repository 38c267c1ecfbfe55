/**
 * The release checklist: every fact a QP decision rests on (QC status, open deviations, the QA
 * review, the chain of identity) gathered for one batch, and what each decision would be refused for.
 * The certification (release.certify.ts) runs the same gathering inside its transaction.
 */
import { productExpiry, RELEASE_DECISIONS, releaseBlockers, type ReleaseBlocker, type ReleaseDecision, type ReleaseFacts } from '@hepatica/core';
import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { requireUserActor } from '../../platform/context';
import { batches } from '../batches/batches.tables';
import { orders } from '../orders/orders.tables';
import { patients } from '../patients/patients.tables';
import { processes } from '../processes/processes.tables';
import { qcStatusOf, type QcStatus } from '../qc/qc.status';
import { openDeviationsOf, type OpenDeviation } from '../quality/deviations.status';
import { chainOfIdentityOf, type ChainOfIdentityCheck } from './release.chain';
import { withMessage } from './release.messages';
import { batchRow, listNotifications, releasesOf, reviewOf, type ReviewView } from './release.views';
import { coaVersionsOf } from './coa.service';

type BatchRow = typeof batches.$inferSelect;

export interface ReleaseSituation {
  qc: QcStatus;
  openDeviations: OpenDeviation[];
  review: ReviewView | null;
  chainOfIdentity: ChainOfIdentityCheck;
  expiry: ReleaseFacts['expiry'];
}

export async function situationOf(db: Executor, batch: BatchRow): Promise<ReleaseSituation> {
  const qc = await qcStatusOf(db, batch.id);
  return {
    qc,
    openDeviations: await openDeviationsOf(db, batch.id),
    review: await reviewOf(db, batch.id),
    chainOfIdentity: await chainOfIdentityOf(db, batch),
    expiry: expiryOf(batch, qc.specification?.shelfLifeDays ?? null),
  };
}

/** The expiry a release would certify, judged now; none before the batch ends or without a shelf life. */
function expiryOf(batch: BatchRow, shelfLifeDays: number | null): ReleaseFacts['expiry'] {
  if (!batch.completedAt || shelfLifeDays === null) return { expiresAt: null, expired: false };
  const expiresAt = productExpiry(batch.completedAt, shelfLifeDays);
  return { expiresAt: expiresAt.toISOString(), expired: expiresAt.getTime() <= Date.now() };
}

/** The pure rule's input from a situation, for the person who would sign. */
export function factsOf(batch: BatchRow, s: ReleaseSituation, certifierId: string, exceptional: boolean): ReleaseFacts {
  const reviewed = (state: string) => state === 'conforming' || state === 'non_conforming';
  return {
    batchStatus: batch.status,
    qc: {
      hasSpecification: s.qc.specification !== null,
      incomplete: s.qc.tests.filter((t) => !t.lateResultAllowed && !reviewed(t.state)).map((t) => t.code),
      outOfSpecification: s.qc.outOfSpecification,
      pendingLate: s.qc.pendingLate,
    },
    openDeviations: s.openDeviations.map((d) => d.number),
    reviewer: s.review ? { id: s.review.reviewer.id, username: s.review.reviewer.username } : null,
    certifierId,
    chainOfIdentity: s.chainOfIdentity,
    exceptional,
    expiry: s.expiry,
  };
}

/** The checklist for the release screen, seen by the person asking (reviewer = certifier is about them). */
export async function releaseCheck(db: Executor, batchId: string) {
  const actor = requireUserActor();
  const batch = await batchRow(db, batchId);
  const [header] = await db
    .select({ product: processes.product, productType: processes.productType, subjectCode: patients.subjectCode, coi: orders.coi })
    .from(batches)
    .innerJoin(processes, eq(processes.id, batches.processId))
    .leftJoin(orders, eq(orders.id, batches.orderId))
    .leftJoin(patients, eq(patients.id, orders.patientId))
    .where(eq(batches.id, batchId));
  const situation = await situationOf(db, batch);
  const check = (decision: ReleaseDecision) => {
    const blockers: ReleaseBlocker[] = releaseBlockers(decision, factsOf(batch, situation, actor.id, false));
    return { allowed: blockers.length === 0, blockers: blockers.map(withMessage) };
  };
  const decisions = Object.fromEntries(RELEASE_DECISIONS.map((d) => [d, check(d)])) as Record<ReleaseDecision, ReturnType<typeof check>>;
  return {
    batchId: batch.id,
    batchNumber: batch.batchNumber,
    status: batch.status,
    product: header!.product,
    productType: header!.productType,
    din: batch.din,
    subjectCode: header!.subjectCode,
    coi: header!.coi,
    ...situation,
    decisions,
    releases: await releasesOf(db, batchId),
    notifications: await listNotifications(db, { batchId }),
    coaVersions: await coaVersionsOf(db, batchId),
  };
}
