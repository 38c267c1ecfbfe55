/**
 * Is the chain of identity of an autologous batch verified? The product is the patient's own cells,
 * so before it goes back to anyone the record must show it was made from that patient's bag:
 *
 * 1. the batch carries a DIN (`batches.din`) and it is the DIN of a collection of the batch's order;
 * 2. that bag was received into the batch by scan-to-verify: the collection → batch genealogy edge and
 *    a `receipt` custody event on the DIN, both written by the batch start once the scanned DIN matched;
 * 3. no refused scan on the DIN is unresolved. Every custody event is recorded only after a matching
 *    scan, so a refused scan (a custody exception) counts as resolved once a later verified custody
 *    event exists on the same DIN: someone then held and scanned the right bag. An exception after the
 *    last verified event leaves the question "which bag is where?" open, and blocks release.
 *
 * Allogeneic and vector batches serve many patients: the check does not apply to them.
 */
import type { ChainOfIdentityProblem } from '@hepatica/core';
import { and, desc, eq, gt, lte } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import type { batches } from '../batches/batches.tables';
import { collections } from '../collections/collections.tables';
import { custodyEvents, custodyExceptions } from '../custody/custody.tables';
import { genealogyEdges } from '../materials/materials.tables';

export interface ChainOfIdentityCheck {
  applies: boolean;
  verified: boolean;
  din: string | null;
  reason: ChainOfIdentityProblem | null;
  /** When the bag was received into the batch. */
  receivedAt: string | null;
  /** Refused scans on the DIN that no verified scan has followed. */
  exceptions: number;
}

type BatchRow = typeof batches.$inferSelect;

export async function chainOfIdentityOf(db: Executor, batch: BatchRow): Promise<ChainOfIdentityCheck> {
  const base = { din: batch.din, receivedAt: null, exceptions: 0 };
  if (!batch.orderId) return { ...base, applies: false, verified: false, reason: null };
  const fail = (reason: ChainOfIdentityProblem, more: Partial<ChainOfIdentityCheck> = {}): ChainOfIdentityCheck => ({ ...base, applies: true, verified: false, reason, ...more });
  if (!batch.din) return fail('no_din');
  const [bag] = await db.select().from(collections).where(eq(collections.din, batch.din));
  if (!bag || bag.orderId !== batch.orderId) return fail('din_mismatch');
  const receivedAt = await receiptOf(db, batch, bag.id);
  if (!receivedAt) return fail('not_received');
  const exceptions = await unresolvedExceptions(db, batch.din);
  if (exceptions) return fail('unresolved_exception', { receivedAt: receivedAt.toISOString(), exceptions });
  return { ...base, applies: true, verified: true, reason: null, receivedAt: receivedAt.toISOString() };
}

/** When the bag entered the batch: the genealogy edge and the receipt custody event, both required. */
async function receiptOf(db: Executor, batch: BatchRow, collectionId: string): Promise<Date | null> {
  const [edge] = await db
    .select({ id: genealogyEdges.id })
    .from(genealogyEdges)
    .where(and(eq(genealogyEdges.fromKind, 'collection'), eq(genealogyEdges.fromId, collectionId), eq(genealogyEdges.toKind, 'batch'), eq(genealogyEdges.toId, batch.id)));
  if (!edge) return null;
  const [receipt] = await db
    .select({ occurredAt: custodyEvents.occurredAt })
    .from(custodyEvents)
    .where(and(eq(custodyEvents.din, batch.din!), eq(custodyEvents.type, 'receipt'), lte(custodyEvents.occurredAt, batch.completedAt ?? new Date())))
    .orderBy(desc(custodyEvents.occurredAt))
    .limit(1);
  return receipt?.occurredAt ?? null;
}

/** Refused scans recorded after the last verified custody event on the DIN. */
async function unresolvedExceptions(db: Executor, din: string): Promise<number> {
  const [lastVerified] = await db
    .select({ createdAt: custodyEvents.createdAt })
    .from(custodyEvents)
    .where(eq(custodyEvents.din, din))
    .orderBy(desc(custodyEvents.createdAt))
    .limit(1);
  const since = lastVerified ? gt(custodyExceptions.createdAt, lastVerified.createdAt) : undefined;
  const rows = await db.select({ id: custodyExceptions.id }).from(custodyExceptions).where(and(eq(custodyExceptions.din, din), since));
  return rows.length;
}
