/**
 * The release journey's starting point: demo patient 5's GPC3 CAR-T batch (seeded before the batch floor, whose units it frees), manufactured to the end and
 * awaiting QC, so the demo (and the browser test) can take it from QC results through QA review and QP
 * release to the bedside. The patient is enrolled, collected 30 hours ago, the bag handed over and
 * received at the GMP facility, scanned into the batch in the critical-zone suite GMP-A01, and every
 * step of CART-GPC3 performed in range with released lots and calibrated equipment; the suite is then
 * cleaned. No QC result, review or decision exists yet.
 *
 * The demo operators' media-fill qualification (APS-301) has expired (the academy's story), so the
 * aseptic transduction is performed by a third operator, Tang Jie, whose qualifications the trainer
 * records here; operator witnesses the two witnessed steps. Runs through the same services as people do.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { runWithContext } from '../platform/context';
import { createBatch } from '../modules/batches/batches.service';
import { createCollection } from '../modules/collections/collections.service';
import { recordCustodyEvent } from '../modules/custody/custody.service';
import { setRoomStatus } from '../modules/facility/facility.service';
import { users } from '../modules/identity/identity.tables';
import { actorOf } from '../modules/identity/sessions';
import { materialLots, materials } from '../modules/materials/materials.tables';
import { createOrder } from '../modules/orders/orders.service';
import { createPatient } from '../modules/patients/patients.service';
import { studies } from '../modules/studies/studies.tables';
import { getCourseByCode } from '../modules/training/training.courses.service';
import { recordQualification } from '../modules/training/training.qualifications.service';
import { consentDemoPatient } from './clinical-consent.seed';
import { effectiveProcessId, equipmentId, lotId, performSteps, roomId, type DemoStep } from './demo-batch';
import { DEMO_PASSWORD } from './demo-password';

/** The operator (a demo user) qualified for every CART-GPC3 step, media fill included. */
export const RELEASE_OPERATOR = { username: 'operator3' };
/** The room the demo batch awaiting QC was made in (cleaned afterwards). */
export const RELEASE_ROOM = 'GMP-A01';
/** Demo patient 5's medical record number: the browser test finds the batch through it. */
export const RELEASE_PATIENT_MRN = 'BJH2026005';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function as<T>(db: Db, username: string, fn: () => Promise<T>): Promise<T> {
  const [user] = await db.select().from(users).where(eq(users.username, username));
  if (!user) throw new Error(`demo user ${username} is missing`);
  return runWithContext({ requestId: 'demo-seed', actor: actorOf(user) }, fn);
}

export async function seedRelease(db: Db): Promise<void> {
  await as(db, 'trainer', () => qualifyOperator(db));
  const bag = await collectedBag(db);
  const batch = await as(db, RELEASE_OPERATOR.username, async () =>
    createBatch(db, { processId: await effectiveProcessId(db, 'CART-GPC3'), orderId: bag.orderId, roomId: await roomId(db, RELEASE_ROOM), scannedDin: `=${bag.din}00` }),
  );
  const steps = await cartSteps(db);
  await as(db, RELEASE_OPERATOR.username, () => performSteps(db, batch.id, steps));
  await as(db, 'operator', () => setRoomStatus(db, batch.roomId, { status: 'clean', reason: `Cleaning and line clearance after batch ${batch.batchNumber}` }));
}

/** GMP basics, cell processing, aseptic gowning and a current media fill, with their evidence. */
async function qualifyOperator(db: Db): Promise<void> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.username, RELEASE_OPERATOR.username));
  const grants: [string, number, string][] = [
    ['GMP-101', 300, 'GMP induction, assessment record GA-2025-071'],
    ['CELL-210', 200, 'Cell processing practical, record CP-2025-033'],
    ['ASEP-201', 150, 'Gowning qualification, 3 consecutive passes, record GQ-2026-014'],
    ['APS-301', 40, 'Media fill APS-2026-05: 0 contaminated units of 3,080'],
  ];
  for (const [code, daysAgo, evidence] of grants) {
    const course = await getCourseByCode(db, code);
    await recordQualification(db, { userId: user!.id, courseId: course.id, achievedAt: new Date(Date.now() - daysAgo * DAY).toISOString(), evidence });
  }
}

/** Patient 5: enrolled in the CAR-T study, collected 30 hours ago, handed over and received at the facility. */
async function collectedBag(db: Db) {
  const now = Date.now();
  const study = await studyId(db, 'HEP-GPC3-CART-01');
  const order = await as(db, 'coordinator', async () => {
    const patient = await createPatient(db, { sex: 'male', birthDate: '1966-08-09', name: '赵志强', mrn: RELEASE_PATIENT_MRN });
    await consentDemoPatient(db, patient.id, study, DEMO_PASSWORD, 14);
    // Opened after patient 1's order (96 h ago), which the batch floor seed takes as the oldest.
    return createOrder(db, { patientId: patient.id, studyId: study }, new Date(now - 72 * HOUR));
  });
  const bag = await as(db, 'nurse', () => createCollection(db, order.order.id, { type: 'apheresis', collectedAt: new Date(now - 30 * HOUR).toISOString(), volumeMl: 195 }));
  const din = bag.collection.din;
  await as(db, 'nurse', () => recordCustodyEvent(db, { din, type: 'handover', scannedDin: `=${din}00`, occurredAt: new Date(now - 29 * HOUR).toISOString(), location: 'Apheresis unit, 3F', fromParty: 'Chen Jing (RN)', toParty: 'Cold-chain courier', temperatureC: 4.4 }));
  await as(db, 'operator', () => recordCustodyEvent(db, { din, type: 'receipt', scannedDin: `=${din}00`, occurredAt: new Date(now - 27.5 * HOUR).toISOString(), location: 'GMP facility goods-in', fromParty: 'Cold-chain courier', toParty: 'Liu Yang (GMP)', temperatureC: 5.0 }));
  return { orderId: order.order.id, din };
}

/** Every CART-GPC3 step in range, with released lots and calibrated units free of other batches. */
async function cartSteps(db: Db): Promise<DemoStep[]> {
  const witness = { username: 'operator', password: DEMO_PASSWORD };
  return [
    { values: { bagTemperature: 4.6, bagVolume: 195, hoursSinceCollection: 27.8, labelVerified: true, bagIntact: true } },
    { values: { cd3Purity: 95.1, viableCellsSeeded: 1.9, viability: 94.2 }, materialLots: [{ lotId: await lotId(db, 'MAT-CD3CD28', '5250918'), quantity: 2 }], equipment: [await equipmentId(db, 'PRO-01')] },
    { values: { hoursPostActivation: 30, moi: 3, vectorVolume: 2.4 }, materialLots: [{ lotId: await lotId(db, 'MAT-LVV-GPC3', 'LVV-26-002'), quantity: 2.4 }], equipment: [await equipmentId(db, 'BSC-01')], witness },
    {
      values: { cultureDay: 9, viability: 91.5, totalViableCells: 4.2, foldExpansion: 22 },
      materialLots: [{ lotId: await lotId(db, 'MAT-TCELL-MEDIUM', '6250311'), quantity: 700 }, { lotId: await lotId(db, 'MAT-IL7-IL15', await firstReleasedLot(db, 'MAT-IL7-IL15')), quantity: 10 }],
      equipment: [await equipmentId(db, 'INC-01')],
    },
    { values: { viability: 90.8, carPositive: 42.5, formulatedVolume: 60 }, equipment: [await equipmentId(db, 'CEN-01')] },
    {
      values: { bagsFilled: 2, fillVolumePerBag: 60, endTemperature: -90, labelsVerified: true },
      materialLots: [{ lotId: await lotId(db, 'MAT-CS10', 'CS10-25K017'), quantity: 60 }, { lotId: await lotId(db, 'MAT-CRYOBAG', await firstReleasedLot(db, 'MAT-CRYOBAG')), quantity: 2 }],
      equipment: [await equipmentId(db, 'CRF-01')],
      witness,
    },
  ];
}

async function studyId(db: Db, code: string): Promise<string> {
  const [row] = await db.select({ id: studies.id }).from(studies).where(eq(studies.code, code));
  if (!row) throw new Error(`demo study ${code} is missing`);
  return row.id;
}

async function firstReleasedLot(db: Db, materialCode: string): Promise<string> {
  const [row] = await db
    .select({ lotNumber: materialLots.lotNumber })
    .from(materialLots)
    .innerJoin(materials, eq(materials.id, materialLots.materialId))
    .where(and(eq(materials.code, materialCode), eq(materialLots.status, 'released')))
    .limit(1);
  if (!row) throw new Error(`demo material ${materialCode} has no released lot`);
  return row.lotNumber;
}
