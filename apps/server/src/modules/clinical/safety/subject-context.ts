/**
 * What the safety, response and casebook services read of a study subject: the subject row, its orders
 * (the patient's treatment orders in the subject's study), the DINs it received and its first infusion.
 * Read-only: the subject belongs to the enrollment module, the product to the chain-of-identity modules.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { orders } from '../../orders/orders.tables';
import { infusions, shipments } from '../../shipments/shipments.tables';
import { getSubject, type StudySubject } from '../subjects/subjects.service';

export type { StudySubject };
export type Infusion = typeof infusions.$inferSelect;

/** The subject row, or 404 (the enrollment module's getSubject). */
export const loadSubject = (db: Executor, id: string): Promise<StudySubject> => getSubject(db, id);

/** The ids of the subject's treatment orders: its patient's orders in its study. */
export async function subjectOrderIds(db: Executor, subject: StudySubject): Promise<string[]> {
  const rows = await db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.patientId, subject.patientId), eq(orders.studyId, subject.studyId)));
  return rows.map((r) => r.id);
}

/** Every DIN the subject received or was shipped (shipments and infusions of its orders). */
export async function receivedDins(db: Executor, subject: StudySubject): Promise<Set<string>> {
  const orderIds = await subjectOrderIds(db, subject);
  if (!orderIds.length) return new Set();
  const [shipped, infused] = await Promise.all([
    db.select({ din: shipments.din }).from(shipments).where(inArray(shipments.orderId, orderIds)),
    db.select({ din: infusions.din }).from(infusions).where(inArray(infusions.orderId, orderIds)),
  ]);
  return new Set([...shipped, ...infused].map((r) => r.din));
}

/** The subject's first infusion (day 0 of CRS/ICANS), or null before it. */
export async function firstInfusion(db: Executor, subject: StudySubject): Promise<Infusion | null> {
  const orderIds = await subjectOrderIds(db, subject);
  if (!orderIds.length) return null;
  const [row] = await db.select().from(infusions).where(inArray(infusions.orderId, orderIds)).orderBy(asc(infusions.startedAt)).limit(1);
  return row ?? null;
}
