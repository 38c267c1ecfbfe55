/**
 * Material master and lots. A lot is received into quarantine and only QA, signing, releases or
 * rejects it; batches consume only usable lots (released, in date, something on hand). Consumption and
 * production are written with their genealogy edge in the batch's own transaction.
 */
import { and, asc, desc, eq, gt, inArray, not, type SQL } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client';
import { conflict, notFound, unprocessable } from '../../platform/errors';
import { sign, signaturesOf, type SignatureInput } from '../../platform/signatures';
import { write, type Writer } from '../../platform/write';
import { batches } from '../batches/batches.tables';
import { linkGenealogy } from './genealogy.service';
import type { LotStatus, MaterialKind } from './materials.schema';
import { materialLots, materials } from './materials.tables';

export type Material = typeof materials.$inferSelect;
export type Lot = typeof materialLots.$inferSelect;
export type LotWithMaterial = Lot & { material: Material };
export type UnusableReason = 'quarantine' | 'rejected' | 'expired' | 'empty';

/** Quantities are stored as doubles; rounding keeps 0.1 + 0.2 mL from leaving 1e-17 mL on hand. */
const roundQuantity = (q: number) => Math.round(q * 1e6) / 1e6;

export function materialView(m: Material) {
  return {
    id: m.id,
    code: m.code,
    name: m.name,
    kind: m.kind as MaterialKind,
    storageCondition: m.storageCondition,
    supplier: m.supplier,
    unit: m.unit,
    createdAt: m.createdAt.toISOString(),
  };
}

/** What QA's signature vouches for: which lot, its expiry, the quantity received and the decision. */
function signedContent(l: Lot) {
  return { id: l.id, materialId: l.materialId, lotNumber: l.lotNumber, expiresAt: l.expiresAt, quantityReceived: l.quantityReceived, status: l.status };
}

/** Why a lot may not be used at `at`, or null when it may. */
export function unusableReason(lot: Lot, at: Date): UnusableReason | null {
  if (lot.status === 'rejected') return 'rejected';
  if (lot.status !== 'released') return 'quarantine';
  if (lot.expiresAt <= at) return 'expired';
  if (lot.quantityOnHand <= 0) return 'empty';
  return null;
}

export async function lotView(db: Executor, { material: m, ...l }: LotWithMaterial) {
  return {
    id: l.id,
    materialId: l.materialId,
    materialCode: m.code,
    materialName: m.name,
    kind: m.kind as MaterialKind,
    lotNumber: l.lotNumber,
    expiresAt: l.expiresAt.toISOString(),
    quantityReceived: l.quantityReceived,
    quantityOnHand: l.quantityOnHand,
    unit: m.unit,
    status: l.status as LotStatus,
    usable: unusableReason(l, new Date()) === null,
    receivedAt: l.receivedAt.toISOString(),
    producedByBatchId: l.producedByBatchId,
    signatures: await signaturesOf(db, 'material_lot', l.id, signedContent(l)),
  };
}

export const lotViews = (db: Executor, lots: LotWithMaterial[]) => Promise.all(lots.map((l) => lotView(db, l)));

// ── Material master ────────────────────────────────────────────────────────────────────────────

export interface NewMaterial {
  code: string;
  name: string;
  kind: MaterialKind;
  storageCondition: string;
  supplier: string;
  unit: string;
}

export async function createMaterial(db: Db, input: NewMaterial): Promise<Material> {
  const [taken] = await db.select({ id: materials.id }).from(materials).where(eq(materials.code, input.code));
  if (taken) throw conflict(`Material code ${input.code} is already in use; choose another code.`, { code: 'material.code_taken', params: { code: input.code } });
  return write(db, (w) => w.insert(materials, 'material', input));
}

export async function listMaterials(db: Executor): Promise<Material[]> {
  return db.select().from(materials).orderBy(asc(materials.code));
}

export async function getMaterial(db: Executor, id: string): Promise<Material> {
  const [row] = await db.select().from(materials).where(eq(materials.id, id));
  if (!row) throw notFound('Material');
  return row;
}

/** The materials with these codes (processes check that the codes their steps name exist). */
export async function materialsByCode(db: Executor, codes: string[]): Promise<Map<string, Material>> {
  const rows = codes.length ? await db.select().from(materials).where(inArray(materials.code, codes)) : [];
  return new Map(rows.map((m) => [m.code, m]));
}

// ── Lots ───────────────────────────────────────────────────────────────────────────────────────

function selectLots(db: Executor) {
  return db.select({ lot: materialLots, material: materials }).from(materialLots).innerJoin(materials, eq(materials.id, materialLots.materialId));
}
const flatten = (rows: { lot: Lot; material: Material }[]): LotWithMaterial[] => rows.map((r) => ({ ...r.lot, material: r.material }));

export interface LotFilter {
  materialId?: string | undefined;
  status?: LotStatus | undefined;
  usable?: boolean | undefined;
}

/** Lots, soonest expiry first (first expired, first out). */
export async function listLots(db: Executor, filter: LotFilter = {}): Promise<LotWithMaterial[]> {
  const where: (SQL | undefined)[] = [];
  if (filter.materialId) where.push(eq(materialLots.materialId, filter.materialId));
  if (filter.status) where.push(eq(materialLots.status, filter.status));
  if (filter.usable !== undefined) {
    const now = new Date();
    const usable = and(eq(materialLots.status, 'released'), gt(materialLots.expiresAt, now), gt(materialLots.quantityOnHand, 0))!;
    where.push(filter.usable ? usable : not(usable));
  }
  return flatten(await selectLots(db).where(and(...where)).orderBy(asc(materialLots.expiresAt), asc(materialLots.lotNumber)).limit(500));
}

export async function getLot(db: Executor, id: string): Promise<LotWithMaterial> {
  const [row] = flatten(await selectLots(db).where(eq(materialLots.id, id)));
  if (!row) throw notFound('Lot');
  return row;
}

export async function lotsOfMaterial(db: Executor, materialId: string): Promise<LotWithMaterial[]> {
  return flatten(await selectLots(db).where(eq(materialLots.materialId, materialId)).orderBy(desc(materialLots.receivedAt), asc(materialLots.lotNumber)));
}

export interface NewLot {
  lotNumber: string;
  expiresAt: string | Date;
  quantity: number;
  /** Set when the lot is made here, by this batch. */
  producedByBatchId?: string | null;
}

/**
 * Inserts a lot in quarantine inside the caller's transaction (receipt of a delivery, or the output
 * lot of a batch). Refuses a lot number the material already has and a lot already expired.
 */
export async function insertLot(w: Writer, materialId: string, input: NewLot): Promise<Lot> {
  const [material] = await w.tx.select().from(materials).where(eq(materials.id, materialId));
  if (!material) throw notFound('Material');
  const expiresAt = new Date(input.expiresAt);
  if (expiresAt <= new Date()) {
    throw unprocessable(`The expiry date of lot ${input.lotNumber} has already passed; an expired lot cannot be received.`, {
      code: 'lot.expired_on_receipt',
      params: { lotNumber: input.lotNumber },
      errors: [{ path: 'body.expiresAt', message: 'Must be in the future' }],
    });
  }
  const [dup] = await w.tx.select({ id: materialLots.id }).from(materialLots).where(and(eq(materialLots.materialId, materialId), eq(materialLots.lotNumber, input.lotNumber)));
  if (dup) {
    throw conflict(`Lot ${input.lotNumber} of ${material.code} has already been received; check the lot number on the label.`, {
      code: 'lot.duplicate',
      params: { lotNumber: input.lotNumber, materialCode: material.code },
    });
  }
  return w.insert(materialLots, 'material_lot', {
    materialId,
    lotNumber: input.lotNumber,
    expiresAt,
    quantityReceived: input.quantity,
    quantityOnHand: input.quantity,
    status: 'quarantine',
    receivedAt: new Date(),
    producedByBatchId: input.producedByBatchId ?? null,
  });
}

/** Receives a delivered lot into quarantine. */
export async function receiveLot(db: Db, materialId: string, input: NewLot): Promise<LotWithMaterial> {
  const material = await getMaterial(db, materialId);
  if (material.retiredAt) throw conflict(`Material ${material.code} is retired; no new lots can be received.`, { code: 'material.retired', params: { code: material.code } });
  const lot = await write(db, (w) => insertLot(w, materialId, input));
  return { ...lot, material };
}

export interface Disposition {
  decision: 'release' | 'reject';
  reason?: string | undefined;
  signature: SignatureInput;
}

/** QA releases or rejects a lot in quarantine, signing the decision; a wrong password changes nothing. */
export async function dispositionLot(db: Db, id: string, input: Disposition): Promise<LotWithMaterial> {
  const { material } = await getLot(db, id);
  const lot = await write(db, async (w) => {
    const current = await w.lockById(materialLots, id, 'Lot');
    if (current.status !== 'quarantine') {
      throw conflict(`Lot ${current.lotNumber} has already been ${current.status}; a lot is dispositioned once, from quarantine.`, {
        code: 'lot.not_in_quarantine',
        params: { lotNumber: current.lotNumber, status: current.status },
      });
    }
    const status = input.decision === 'release' ? 'released' : 'rejected';
    const why = input.reason ?? `QA ${input.decision}: ${input.signature.meaning}`;
    const after = await w.update(materialLots, 'material_lot', id, { status }, why, 'disposition');
    await sign(w, input.signature, 'material_lot', id, signedContent(after));
    return after;
  });
  return { ...lot, material };
}

// ── Services for batches ─────────────────────────────────────────────────────────────────────────

const REFUSALS: Record<UnusableReason, (lot: Lot, m: Material) => string> = {
  quarantine: (l, m) => `Lot ${l.lotNumber} of ${m.code} is still in quarantine: QA has not released it. Scan a released lot, or ask QA to disposition this one.`,
  rejected: (l, m) => `Lot ${l.lotNumber} of ${m.code} was rejected by QA and must not be used. Set it aside and scan a released lot.`,
  expired: (l, m) => `Lot ${l.lotNumber} of ${m.code} expired at ${l.expiresAt.toISOString().slice(0, 16).replace('T', ' ')} UTC. Do not use it; scan a lot within its expiry.`,
  empty: (l, m) => `Lot ${l.lotNumber} of ${m.code} has nothing left on hand. Scan another lot.`,
};

function refuseUnusable(lot: Lot, material: Material, reason: UnusableReason): never {
  throw conflict(REFUSALS[reason](lot, material), { code: 'lot.not_usable', params: { lotNumber: lot.lotNumber, materialCode: material.code, reason } });
}

/** The lot (with its material) when it may be used at `at`; 409 `lot.not_usable` naming why otherwise. */
export async function assertLotUsable(db: Executor, lotId: string, at: Date = new Date()): Promise<LotWithMaterial> {
  const lot = await getLot(db, lotId);
  const reason = unusableReason(lot, at);
  if (reason) refuseUnusable(lot, lot.material, reason);
  return lot;
}

export interface Consumption {
  lotId: string;
  quantity: number;
  batchId: string;
  at?: Date;
}

/**
 * Consumes `quantity` of a lot into a batch, inside the batch's transaction: re-checks the lot under
 * its row lock (so two batches cannot both take the last millilitre), decrements the quantity on hand
 * and writes the genealogy edge lot → batch.
 */
export async function consumeLot(w: Writer, { lotId, quantity, batchId, at = new Date() }: Consumption): Promise<Lot> {
  const lot = await w.lockById(materialLots, lotId, 'Lot');
  const material = await getMaterial(w.tx, lot.materialId);
  const reason = unusableReason(lot, at);
  if (reason) refuseUnusable(lot, material, reason);
  if (!(quantity > 0)) throw unprocessable(`Enter the quantity of lot ${lot.lotNumber} used (above 0 ${material.unit}).`, { code: 'lot.quantity_invalid', params: { lotNumber: lot.lotNumber } });
  if (quantity > lot.quantityOnHand) {
    throw conflict(`Lot ${lot.lotNumber} of ${material.code} has ${lot.quantityOnHand} ${material.unit} on hand, less than the ${quantity} ${material.unit} to be used. Use another lot for the rest.`, {
      code: 'lot.insufficient',
      params: { lotNumber: lot.lotNumber, onHand: lot.quantityOnHand, requested: quantity, unit: material.unit },
    });
  }
  const batch = await batchNumberOf(w.tx, batchId);
  const after = await w.update(materialLots, 'material_lot', lotId, { quantityOnHand: roundQuantity(lot.quantityOnHand - quantity) }, `Consumed ${quantity} ${material.unit} in batch ${batch}`, 'consume');
  await linkGenealogy(w, { fromKind: 'lot', fromId: lotId, toKind: 'batch', toId: batchId, quantity });
  return after;
}

/** Records that a batch produced a lot: the edge batch → lot, and the lot remembers its batch. */
export async function recordProduction(w: Writer, { batchId, lotId }: { batchId: string; lotId: string }): Promise<void> {
  const lot = await w.lockById(materialLots, lotId, 'Lot');
  if (lot.producedByBatchId && lot.producedByBatchId !== batchId) {
    throw conflict(`Lot ${lot.lotNumber} was already produced by another batch.`, { code: 'lot.already_produced', params: { lotNumber: lot.lotNumber } });
  }
  if (!lot.producedByBatchId) {
    await w.update(materialLots, 'material_lot', lotId, { producedByBatchId: batchId }, `Produced by batch ${await batchNumberOf(w.tx, batchId)}`);
  }
  await linkGenealogy(w, { fromKind: 'batch', fromId: batchId, toKind: 'lot', toId: lotId });
}

async function batchNumberOf(db: Executor, batchId: string): Promise<string> {
  const [row] = await db.select({ n: batches.batchNumber }).from(batches).where(eq(batches.id, batchId));
  return row?.n ?? batchId;
}
