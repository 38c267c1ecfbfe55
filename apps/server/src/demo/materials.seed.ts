/**
 * The demo stores and equipment register: the fourteen shared material codes with their real-world
 * suppliers and storage, one to three lots each (most released by QA with a signature; one new
 * delivery still in quarantine, one lot expired, one rejected at incoming inspection), the in-house
 * GPC3-CAR lentiviral and AAV8-ATP7B vector lots already released, and twelve units of equipment with
 * calibration history (CEN-02 out of calibration, PRO-02 in maintenance). Run as the demo operator,
 * who receives goods and keeps the equipment log; QA's dispositions run as the demo `qa` user.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { runWithContext } from '../platform/context';
import { write } from '../platform/write';
import { recordCalibration, recordMaintenance } from '../modules/equipment/equipment.records.service';
import type { EquipmentType } from '../modules/equipment/equipment.schema';
import { registerEquipment } from '../modules/equipment/equipment.service';
import { users } from '../modules/identity/identity.tables';
import { actorOf } from '../modules/identity/sessions';
import type { MaterialKind } from '../modules/materials/materials.schema';
import { createMaterial, dispositionLot, receiveLot } from '../modules/materials/materials.service';
import { materialLots } from '../modules/materials/materials.tables';
import { DEMO_PASSWORD } from './demo-password';

const DAY = 86_400_000;
const MONTH = 30 * DAY;

type Disposition = 'released' | 'quarantine' | 'rejected' | 'expired';
interface DemoLot {
  lotNumber: string;
  quantity: number;
  /** Months from now until expiry (negative: expired that long ago). */
  expiresInMonths: number;
  state: Disposition;
  /** Why QA rejected it, said at the disposition. */
  reason?: string;
}
interface DemoMaterial {
  code: string;
  name: string;
  kind: MaterialKind;
  unit: string;
  supplier: string;
  storageCondition: string;
  lots: DemoLot[];
}

const released = (lotNumber: string, quantity: number, expiresInMonths: number): DemoLot => ({ lotNumber, quantity, expiresInMonths, state: 'released' });

export const DEMO_MATERIALS: DemoMaterial[] = [
  { code: 'MAT-TCELL-MEDIUM', name: 'TexMACS GMP Medium', kind: 'reagent', unit: 'mL', supplier: 'Miltenyi Biotec', storageCondition: '2–8 °C, protected from light', lots: [released('6250311', 5000, 9), { lotNumber: '6250412', quantity: 5000, expiresInMonths: 11, state: 'quarantine' }] },
  { code: 'MAT-CD3CD28', name: 'MACS GMP T Cell TransAct (CD3/CD28)', kind: 'reagent', unit: 'mL', supplier: 'Miltenyi Biotec', storageCondition: '2–8 °C', lots: [released('5250918', 40, 7)] },
  {
    code: 'MAT-IL7-IL15', name: 'MACS GMP Recombinant Human IL-7 and IL-15', kind: 'reagent', unit: 'µg', supplier: 'Miltenyi Biotec', storageCondition: '≤ −20 °C',
    lots: [released('5251102', 500, 14), { lotNumber: '5240607', quantity: 100, expiresInMonths: -1, state: 'expired' }],
  },
  { code: 'MAT-CS10', name: 'CryoStor CS10', kind: 'reagent', unit: 'mL', supplier: 'BioLife Solutions', storageCondition: '2–8 °C', lots: [released('CS10-25K017', 1000, 16), released('CS10-25M104', 1000, 20)] },
  {
    code: 'MAT-CRYOBAG', name: 'CryoMACS Freezing Bag 250', kind: 'consumable', unit: 'bag', supplier: 'Miltenyi Biotec', storageCondition: '15–25 °C',
    lots: [released('5250721', 60, 30), { lotNumber: '5250830', quantity: 60, expiresInMonths: 32, state: 'rejected', reason: 'Incoming inspection: 3 of 20 sampled bags with seal defects (IQC-2026-041)' }],
  },
  { code: 'MAT-HEK293T', name: 'HEK293T working cell bank vial', kind: 'starting_material', unit: 'vial', supplier: 'In-house WCB (from ATCC CRL-3216 MCB)', storageCondition: '≤ −150 °C, vapour-phase liquid nitrogen', lots: [released('WCB-293T-2501', 48, 60)] },
  { code: 'MAT-PLASMID-GPC3', name: 'pLV-GPC3-CAR transfer plasmid, GMP grade', kind: 'reagent', unit: 'mg', supplier: 'Aldevron', storageCondition: '≤ −65 °C', lots: [released('ALD-GP-2508', 25, 22)] },
  { code: 'MAT-PLASMID-AAV8', name: 'AAV8 packaging plasmids (pRep2Cap8, pHelper, pAAV-ATP7B), GMP grade', kind: 'reagent', unit: 'mg', supplier: 'Aldevron', storageCondition: '≤ −65 °C', lots: [released('ALD-A8-2511', 40, 24)] },
  { code: 'MAT-PEI', name: 'PEIpro GMP transfection reagent', kind: 'reagent', unit: 'mL', supplier: 'Polyplus (Sartorius)', storageCondition: '2–8 °C', lots: [released('PP-25G11', 100, 12), released('PP-25J02', 100, 15)] },
  { code: 'MAT-UCMSC-MCB', name: 'Umbilical cord MSC master cell bank vial', kind: 'starting_material', unit: 'vial', supplier: 'In-house MCB (donor UC-2024-07, released under SOP-QA-044)', storageCondition: '≤ −150 °C, vapour-phase liquid nitrogen', lots: [released('MCB-UCMSC-2407', 30, 48)] },
  { code: 'MAT-MSC-MEDIUM', name: 'MSC NutriStem XF medium', kind: 'reagent', unit: 'mL', supplier: 'Sartorius (Biological Industries)', storageCondition: '2–8 °C, protected from light', lots: [released('NS-2510-33', 4000, 8)] },
  { code: 'MAT-TRYPLE', name: 'CTS TrypLE Select Enzyme', kind: 'reagent', unit: 'mL', supplier: 'Thermo Fisher Scientific (Gibco)', storageCondition: '15–25 °C', lots: [released('TL-2604811', 1000, 18)] },
  { code: 'MAT-LVV-GPC3', name: 'GPC3-CAR lentiviral vector (VSV-G pseudotyped)', kind: 'vector', unit: 'mL', supplier: 'Produced in-house (viral vector suite GMP-B02)', storageCondition: '≤ −65 °C', lots: [released('LVV-26-002', 12, 10), released('LVV-26-003', 48, 12)] },
  { code: 'MAT-AAV8-ATP7B', name: 'AAV8-ATP7B gene therapy vector', kind: 'vector', unit: 'mL', supplier: 'Produced in-house (viral vector suite GMP-B02)', storageCondition: '≤ −65 °C', lots: [released('AAV8-26-001', 120, 12)] },
];

interface DemoEquipment {
  code: string;
  name: string;
  type: EquipmentType;
  location: string;
  /** Months ago the last calibration passed; it is valid for 12 months. */
  calibratedMonthsAgo: number;
}

const SUITE_1 = 'GMP-B01 Cell processing suite 1';
const VECTOR_SUITE = 'GMP-B02 Viral vector suite';

export const DEMO_EQUIPMENT: DemoEquipment[] = [
  { code: 'BSC-01', name: 'Class II A2 biosafety cabinet (Thermo Herasafe 2030i)', type: 'biosafety_cabinet', location: SUITE_1, calibratedMonthsAgo: 4 },
  { code: 'BSC-02', name: 'Class II A2 biosafety cabinet (Thermo Herasafe 2030i)', type: 'biosafety_cabinet', location: VECTOR_SUITE, calibratedMonthsAgo: 7 },
  { code: 'INC-01', name: 'CO₂ incubator (Thermo Heracell VIOS 160i)', type: 'co2_incubator', location: SUITE_1, calibratedMonthsAgo: 3 },
  { code: 'INC-02', name: 'CO₂ incubator (Thermo Heracell VIOS 160i)', type: 'co2_incubator', location: VECTOR_SUITE, calibratedMonthsAgo: 5 },
  { code: 'CEN-01', name: 'Refrigerated centrifuge (Thermo Sorvall X4R Pro)', type: 'centrifuge', location: SUITE_1, calibratedMonthsAgo: 2 },
  { code: 'CEN-02', name: 'Refrigerated centrifuge (Thermo Sorvall X4R Pro)', type: 'centrifuge', location: VECTOR_SUITE, calibratedMonthsAgo: 13 },
  { code: 'PRO-01', name: 'Automated cell processor (Miltenyi CliniMACS Prodigy)', type: 'cell_processor', location: SUITE_1, calibratedMonthsAgo: 6 },
  { code: 'PRO-02', name: 'Automated cell processor (Miltenyi CliniMACS Prodigy)', type: 'cell_processor', location: SUITE_1, calibratedMonthsAgo: 8 },
  { code: 'CRF-01', name: 'Controlled-rate freezer (Planer Kryo 560-16)', type: 'controlled_rate_freezer', location: 'GMP-C01 Preparation room', calibratedMonthsAgo: 5 },
  { code: 'BRX-01', name: 'Fixed-bed bioreactor (Pall iCELLis Nano)', type: 'bioreactor', location: VECTOR_SUITE, calibratedMonthsAgo: 4 },
  { code: 'AKT-01', name: 'Chromatography system (Cytiva ÄKTA ready)', type: 'chromatography_system', location: VECTOR_SUITE, calibratedMonthsAgo: 6 },
  { code: 'NC-01', name: 'Cell counter (ChemoMetec NucleoCounter NC-200)', type: 'cell_counter', location: SUITE_1, calibratedMonthsAgo: 1 },
];

/** Runs fn as the demo user `username` (QA signs its own dispositions). */
async function asDemoUser<T>(db: Db, username: string, fn: () => Promise<T>): Promise<T> {
  const [user] = await db.select().from(users).where(eq(users.username, username));
  if (!user) throw new Error(`demo user ${username} is missing`);
  return runWithContext({ requestId: 'demo-seed', actor: actorOf(user) }, fn);
}

/**
 * A lot received a year ago that has expired since: written as it stood at receipt (the receipt
 * service refuses an expired lot today, rightly), so only its history is back-dated.
 */
async function receiveExpiredLot(db: Db, materialId: string, lot: DemoLot): Promise<string> {
  const now = Date.now();
  const row = await write(db, (w) =>
    w.insert(materialLots, 'material_lot', {
      materialId,
      lotNumber: lot.lotNumber,
      expiresAt: new Date(now + lot.expiresInMonths * MONTH),
      quantityReceived: lot.quantity,
      quantityOnHand: lot.quantity,
      status: 'quarantine',
      receivedAt: new Date(now - 12 * MONTH),
    }),
  );
  return row.id;
}

async function seedLot(db: Db, materialId: string, lot: DemoLot): Promise<void> {
  const id =
    lot.state === 'expired'
      ? await receiveExpiredLot(db, materialId, lot)
      : (await receiveLot(db, materialId, { lotNumber: lot.lotNumber, quantity: lot.quantity, expiresAt: new Date(Date.now() + lot.expiresInMonths * MONTH) })).id;
  if (lot.state === 'quarantine') return;
  const decision = lot.state === 'rejected' ? 'reject' : 'release';
  const meaning = decision === 'release' ? 'Released for GMP use: CoA reviewed, identity confirmed' : 'Rejected at incoming inspection';
  await asDemoUser(db, 'qa', () => dispositionLot(db, id, { decision, reason: lot.reason, signature: { password: DEMO_PASSWORD, meaning } }));
}

async function seedEquipment(db: Db, unit: DemoEquipment): Promise<void> {
  const now = Date.now();
  const calibratedAt = now - unit.calibratedMonthsAgo * MONTH;
  const registered = await registerEquipment(db, {
    code: unit.code,
    name: unit.name,
    type: unit.type,
    location: unit.location,
    calibrationDueAt: new Date(calibratedAt).toISOString(),
    maintenanceDueAt: new Date(now + (12 - unit.calibratedMonthsAgo) * MONTH + 15 * DAY).toISOString(),
  });
  await recordCalibration(db, registered.id, {
    performedAt: new Date(calibratedAt).toISOString(),
    result: 'pass',
    nextDueAt: new Date(calibratedAt + 12 * MONTH).toISOString(),
    notes: 'Annual calibration against traceable standards; certificate filed',
  });
  if (unit.code === 'PRO-02') {
    await recordMaintenance(db, registered.id, { action: 'start', performedAt: new Date(now - 2 * DAY).toISOString(), notes: 'Tubing-set pump head fault during run; Miltenyi field service engineer booked' });
  }
}

export async function seedMaterials(db: Db): Promise<void> {
  for (const m of DEMO_MATERIALS) {
    const { lots, ...master } = m;
    const material = await createMaterial(db, master);
    for (const lot of lots) await seedLot(db, material.id, lot);
  }
  for (const unit of DEMO_EQUIPMENT) await seedEquipment(db, unit);
}
