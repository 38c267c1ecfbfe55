/**
 * The demo batch floor. First a GPC3-CAR lentiviral vector batch run to completion in the viral vector
 * suite GMP-B02: the operator performs every step, the second operator (operator2) witnesses the aseptic
 * fill, and the batch yields its vector lot (MAT-LVV-GPC3, in quarantine until QC and QA are done), so the
 * genealogy plasmid / cell bank lots → vector batch → vector lot is there to trace; the suite is then
 * cleaned. Then demo patient 1's GPC3 CAR-T batch in progress in GMP-B01. Their bag,
 * already received at the GMP facility, is scanned into the batch (a custody receipt at GMP-B01),
 * and the operator has done the first two steps: the receipt check and T-cell selection with a
 * released CD3/CD28 lot on the cell processor PRO-01. Step 3 (transduction) needs the APS-301
 * media-fill qualification the operator let expire, so the gate stops them there: the demo shows
 * why; it has not reached the step that consumes a vector lot, so no vector lot is linked to it yet.
 * GMP-B02 (cleaned after the vector batch) and GMP-A01 are clean, so the browser test can start a
 * DEMO-SHORT batch in GMP-B02.
 *
 * Run as the demo operator, through the same services as the tablet.
 */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { createBatch } from '../modules/batches/batches.service';
import { collections } from '../modules/collections/collections.tables';
import { setRoomStatus } from '../modules/facility/facility.service';
import { orders } from '../modules/orders/orders.tables';
import { effectiveProcessId, equipmentId, lotId, performSteps, roomId, type DemoStep } from './demo-batch';
import { DEMO_PASSWORD } from './demo-password';

const HOUR = 3_600_000;
/** The room the browser test starts its DEMO-SHORT batch in; the seed leaves it clean. */
export const BROWSER_TEST_ROOM = 'GMP-B02';

export async function seedBatches(db: Db): Promise<void> {
  await seedVectorBatch(db);
  const bag = await firstPatientBag(db);
  const batch = await createBatch(db, {
    processId: await effectiveProcessId(db, 'CART-GPC3'),
    orderId: bag.orderId,
    roomId: await roomId(db, 'GMP-B01'),
    scannedDin: `=${bag.din}00`,
  });
  const hoursSinceCollection = Math.round(((Date.now() - bag.collectedAt.getTime()) / HOUR) * 10) / 10;
  await performSteps(db, batch.id, [
    { values: { bagTemperature: 4.3, bagVolume: 185, hoursSinceCollection, labelVerified: true, bagIntact: true } },
    {
      values: { cd3Purity: 96.4, viableCellsSeeded: 2.1, viability: 93.8 },
      materialLots: [{ lotId: await lotId(db, 'MAT-CD3CD28', '5250918'), quantity: 2 }],
      equipment: [await equipmentId(db, 'PRO-01')],
    },
  ]);
}

/** The process of the demo's vector batch; its vector lot is numbered after the batch. */
export const DEMO_VECTOR_PROCESS = 'LVV-GPC3';
/** Who witnesses the aseptic fill of the vector batch. */
export const DEMO_WITNESS = 'operator2';

/**
 * The LVV-GPC3 process from thaw to fill, with values inside every range and the suite's calibrated
 * units (CEN-02 is out of calibration, so the harvest uses CEN-01 from suite 1).
 */
async function seedVectorBatch(db: Db): Promise<void> {
  const suite = await roomId(db, BROWSER_TEST_ROOM);
  const batch = await createBatch(db, { processId: await effectiveProcessId(db, DEMO_VECTOR_PROCESS), roomId: suite });
  const cabinet = await equipmentId(db, 'BSC-02');
  const incubator = await equipmentId(db, 'INC-02');
  const centrifuge = await equipmentId(db, 'CEN-01');
  const akta = await equipmentId(db, 'AKT-01');
  const steps: DemoStep[] = [
    { values: { postThawViability: 92.5, passageNumber: 4, viableCellDensity: 1.8 }, materialLots: [{ lotId: await lotId(db, 'MAT-HEK293T', 'WCB-293T-2501'), quantity: 1 }], equipment: [cabinet, incubator] },
    {
      values: { viableCellDensity: 2.1, viability: 95.2, plasmidDna: 1.2, peiDnaRatio: 2.5 },
      materialLots: [{ lotId: await lotId(db, 'MAT-PLASMID-GPC3', 'ALD-GP-2508'), quantity: 1.2 }, { lotId: await lotId(db, 'MAT-PEI', 'PP-25G11'), quantity: 3 }],
      equipment: [cabinet, incubator],
    },
    { values: { hoursPostTransfection: 60, harvestVolume: 4.8 }, equipment: [centrifuge] },
    { values: { filterIntegrity: true, clarifiedVolume: 4.6, turbidity: 3.2 } },
    { values: { eluateVolume: 240, maxPressure: 0.18, stepYield: 46 }, equipment: [akta] },
    { values: { concentrationFactor: 100, bulkVolume: 46, bulkFilterIntegrity: true } },
    { values: { vialsFilled: 44, fillVolume: 1.0, labelsVerified: true }, equipment: [cabinet], witness: { username: DEMO_WITNESS, password: DEMO_PASSWORD } },
  ];
  await performSteps(db, batch.id, steps);
  await setRoomStatus(db, suite, { status: 'clean', reason: `Cleaning and line clearance after vector batch ${batch.batchNumber}` });
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
