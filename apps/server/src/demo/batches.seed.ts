/**
 * The demo batch floor: demo patient 1's GPC3 CAR-T batch in progress in GMP-B01. Their bag,
 * already received at the GMP facility, is scanned into the batch (a custody receipt at GMP-B01),
 * and the operator has done the first two steps: the receipt check and T-cell selection with a
 * released CD3/CD28 lot on the cell processor PRO-01. Step 3 (transduction) needs the APS-301
 * media-fill qualification the operator let expire, so the gate stops them there: the demo shows
 * why. GMP-B02 and GMP-A01 stay clean, so the browser test can start a DEMO-SHORT batch in GMP-B02.
 *
 * Run as the demo operator, through the same services as the tablet.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { completeStep } from '../modules/batches/batches.execute';
import { createBatch } from '../modules/batches/batches.service';
import { collections } from '../modules/collections/collections.tables';
import { equipment } from '../modules/equipment/equipment.tables';
import { rooms } from '../modules/facility/facility.tables';
import { materialLots, materials } from '../modules/materials/materials.tables';
import { orders } from '../modules/orders/orders.tables';
import { processes } from '../modules/processes/processes.tables';
import { DEMO_PASSWORD } from './seed';

const HOUR = 3_600_000;
/** The room the browser test starts its DEMO-SHORT batch in; the seed leaves it clean. */
export const BROWSER_TEST_ROOM = 'GMP-B02';

export async function seedBatches(db: Db): Promise<void> {
  const bag = await firstPatientBag(db);
  const batch = await createBatch(db, {
    processId: await effectiveProcessId(db, 'CART-GPC3'),
    orderId: bag.orderId,
    roomId: await roomId(db, 'GMP-B01'),
    scannedDin: `=${bag.din}00`,
  });
  const signature = { password: DEMO_PASSWORD, meaning: 'Performed' };
  const hoursSinceCollection = Math.round(((Date.now() - bag.collectedAt.getTime()) / HOUR) * 10) / 10;
  await completeStep(db, batch.id, 1, {
    values: { bagTemperature: 4.3, bagVolume: 185, hoursSinceCollection, labelVerified: true, bagIntact: true },
    signature,
  });
  await completeStep(db, batch.id, 2, {
    values: { cd3Purity: 96.4, viableCellsSeeded: 2.1, viability: 93.8 },
    materialLots: [{ lotId: await lotId(db, 'MAT-CD3CD28', '5250918'), quantity: 2 }],
    equipment: [await equipmentId(db, 'PRO-01')],
    signature,
  });
}

/**
 * Demo patient 1's bag: the collection of the oldest order (opened four days before the demo
 * starts, collected two days before, received at the GMP facility and stored there).
 */
async function firstPatientBag(db: Db) {
  const [row] = await db
    .select({ orderId: orders.id, din: collections.din, collectedAt: collections.collectedAt })
    .from(collections)
    .innerJoin(orders, eq(orders.id, collections.orderId))
    .orderBy(asc(orders.createdAt))
    .limit(1);
  if (!row) throw new Error('demo patient 1 has no collection to receive into the batch');
  return row;
}

async function effectiveProcessId(db: Db, code: string): Promise<string> {
  const [row] = await db.select({ id: processes.id }).from(processes).where(and(eq(processes.code, code), eq(processes.status, 'effective')));
  if (!row) throw new Error(`demo process ${code} is not effective`);
  return row.id;
}

async function lotId(db: Db, materialCode: string, lotNumber: string): Promise<string> {
  const [row] = await db
    .select({ id: materialLots.id })
    .from(materialLots)
    .innerJoin(materials, eq(materials.id, materialLots.materialId))
    .where(and(eq(materials.code, materialCode), eq(materialLots.lotNumber, lotNumber)));
  if (!row) throw new Error(`demo lot ${materialCode} ${lotNumber} is missing`);
  return row.id;
}

async function roomId(db: Db, code: string): Promise<string> {
  const [row] = await db.select({ id: rooms.id }).from(rooms).where(eq(rooms.code, code));
  if (!row) throw new Error(`demo room ${code} is missing`);
  return row.id;
}

async function equipmentId(db: Db, code: string): Promise<string> {
  const [row] = await db.select({ id: equipment.id }).from(equipment).where(eq(equipment.code, code));
  if (!row) throw new Error(`demo equipment ${code} is missing`);
  return row.id;
}
