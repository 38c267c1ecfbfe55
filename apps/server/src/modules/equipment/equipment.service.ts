/**
 * The equipment register. A unit's status is never stored: it is derived from its calibration and
 * maintenance records and from the batch holding it, so it cannot disagree with them. Batches ask
 * assertEquipmentUsable before a step and hold the units they scan until the batch ends.
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client';
import { conflict, notFound, unprocessable } from '../../platform/errors';
import { write, type Writer } from '../../platform/write';
import { batches } from '../batches/batches.tables';
import type { EquipmentStatus, EquipmentType } from './equipment.schema';
import { equipment, equipmentEvents } from './equipment.tables';

export type Equipment = typeof equipment.$inferSelect;
export type EquipmentEvent = typeof equipmentEvents.$inferSelect;
type CalibrationResult = 'pass' | 'fail' | null;
/** A unit with what its status is derived from. */
export type EquipmentState = Equipment & { lastCalibration: CalibrationResult };

/**
 * The status, in the contract's order: out of calibration (due date reached, or the last calibration
 * failed) before maintenance before in use. A unit out of calibration is refused even while idle.
 */
export function deriveStatus(e: Pick<Equipment, 'calibrationDueAt' | 'maintenanceSince' | 'inUseByBatchId'>, lastCalibration: CalibrationResult, at: Date): EquipmentStatus {
  if (e.calibrationDueAt <= at || lastCalibration === 'fail') return 'out_of_calibration';
  if (e.maintenanceSince) return 'maintenance';
  if (e.inUseByBatchId) return 'in_use';
  return 'available';
}

export const statusOf = (s: EquipmentState, at = new Date()) => deriveStatus(s, s.lastCalibration, at);

export function eventView(e: EquipmentEvent) {
  return {
    id: e.id,
    kind: e.kind as 'calibration' | 'maintenance_start' | 'maintenance_end',
    performedAt: e.performedAt.toISOString(),
    result: e.result as 'pass' | 'fail' | null,
    nextDueAt: e.nextDueAt?.toISOString() ?? null,
    notes: e.notes,
    performedBy: e.performedBy,
    createdAt: e.createdAt.toISOString(),
  };
}

export function equipmentView(s: EquipmentState, events?: EquipmentEvent[]) {
  return {
    id: s.id,
    code: s.code,
    name: s.name,
    type: s.type as EquipmentType,
    location: s.location,
    status: statusOf(s),
    calibrationDueAt: s.calibrationDueAt.toISOString(),
    maintenanceDueAt: s.maintenanceDueAt?.toISOString() ?? null,
    maintenanceSince: s.maintenanceSince?.toISOString() ?? null,
    inUseByBatchId: s.inUseByBatchId,
    ...(events ? { events: events.map(eventView) } : {}),
  };
}

/** The result of each unit's most recent calibration, in one query. */
async function lastCalibrations(db: Executor, ids: string[]): Promise<Map<string, CalibrationResult>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectDistinctOn([equipmentEvents.equipmentId], { equipmentId: equipmentEvents.equipmentId, result: equipmentEvents.result })
    .from(equipmentEvents)
    .where(and(inArray(equipmentEvents.equipmentId, ids), eq(equipmentEvents.kind, 'calibration')))
    .orderBy(equipmentEvents.equipmentId, desc(equipmentEvents.performedAt), desc(equipmentEvents.createdAt));
  return new Map(rows.map((r) => [r.equipmentId, r.result as CalibrationResult]));
}

async function withState(db: Executor, rows: Equipment[]): Promise<EquipmentState[]> {
  const last = await lastCalibrations(db, rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, lastCalibration: last.get(r.id) ?? null }));
}

export interface NewEquipment {
  code: string;
  name: string;
  type: EquipmentType;
  calibrationDueAt: string;
  location: string;
  maintenanceDueAt?: string | undefined;
}

export async function registerEquipment(db: Db, input: NewEquipment): Promise<EquipmentState> {
  const [taken] = await db.select({ id: equipment.id }).from(equipment).where(eq(equipment.code, input.code));
  if (taken) throw conflict(`Equipment code ${input.code} is already registered; choose another code.`, { code: 'equipment.code_taken', params: { code: input.code } });
  const row = await write(db, (w) =>
    w.insert(equipment, 'equipment', {
      code: input.code,
      name: input.name,
      type: input.type,
      location: input.location,
      calibrationDueAt: new Date(input.calibrationDueAt),
      maintenanceDueAt: input.maintenanceDueAt ? new Date(input.maintenanceDueAt) : null,
    }),
  );
  return { ...row, lastCalibration: null };
}

export async function listEquipment(db: Executor, filter: { type?: EquipmentType | undefined; status?: EquipmentStatus | undefined } = {}): Promise<EquipmentState[]> {
  const rows = await db.select().from(equipment).where(filter.type ? eq(equipment.type, filter.type) : undefined).orderBy(asc(equipment.code));
  const states = await withState(db, rows);
  const now = new Date();
  return filter.status ? states.filter((s) => statusOf(s, now) === filter.status) : states;
}

export async function getEquipment(db: Executor, id: string): Promise<EquipmentState> {
  const [row] = await db.select().from(equipment).where(eq(equipment.id, id));
  if (!row) throw notFound('Equipment');
  return (await withState(db, [row]))[0]!;
}

export async function eventsOf(db: Executor, id: string): Promise<EquipmentEvent[]> {
  return db.select().from(equipmentEvents).where(eq(equipmentEvents.equipmentId, id)).orderBy(desc(equipmentEvents.performedAt), desc(equipmentEvents.createdAt));
}

// ── Services for batches ─────────────────────────────────────────────────────────────────────────

const STATUS_WORDS: Record<EquipmentStatus, string> = {
  out_of_calibration: 'is out of calibration (past its calibration due date, or its last calibration failed). Use another unit and tell the equipment owner',
  maintenance: 'is under maintenance. Use another unit',
  in_use: 'is in use by another batch. Use another unit',
  available: 'is available',
};

function refuse(unit: Equipment, status: EquipmentStatus): never {
  throw conflict(`${unit.code} (${unit.name}) ${STATUS_WORDS[status]}.`, { code: 'equipment.not_usable', params: { code: unit.code, status } });
}

/** Usable for `batchId` at `at`: not out of calibration, not in maintenance, not held by another batch. */
function checkUsable(s: EquipmentState, at: Date, batchId: string): void {
  const status = deriveStatus(s, s.lastCalibration, at);
  if (status === 'in_use' && s.inUseByBatchId === batchId) return;
  if (status !== 'available') refuse(s, status);
}

export interface UsableCheck {
  type?: string | undefined;
  at?: Date;
  batchId: string;
}

/** The unit when `batchId` may use it at `at` (held by this same batch is fine); 409 `equipment.not_usable` otherwise. */
export async function assertEquipmentUsable(db: Executor, equipmentId: string, { type, at = new Date(), batchId }: UsableCheck): Promise<EquipmentState> {
  const unit = await getEquipment(db, equipmentId);
  if (type && unit.type !== type) {
    throw unprocessable(`${unit.code} is a ${unit.type.replaceAll('_', ' ')}, not a ${type.replaceAll('_', ' ')}. Scan a ${type.replaceAll('_', ' ')}.`, {
      code: 'equipment.wrong_type',
      params: { code: unit.code, type: unit.type, expected: type },
    });
  }
  checkUsable(unit, at, batchId);
  return unit;
}

/** Holds a unit for a batch, re-checked under the unit's row lock so two batches cannot take it at once. */
export async function holdEquipment(w: Writer, equipmentId: string, batchId: string): Promise<Equipment> {
  const row = await w.lockById(equipment, equipmentId, 'Equipment');
  const [state] = await withState(w.tx, [row]);
  checkUsable(state!, new Date(), batchId);
  if (row.inUseByBatchId === batchId) return row;
  return w.update(equipment, 'equipment', equipmentId, { inUseByBatchId: batchId }, `Held by batch ${await batchNumberOf(w.tx, batchId)}`, 'hold');
}

/** Releases every unit a batch holds (the batch has ended). */
export async function releaseEquipmentOf(w: Writer, batchId: string): Promise<Equipment[]> {
  const held = await w.tx.select({ id: equipment.id }).from(equipment).where(eq(equipment.inUseByBatchId, batchId));
  const why = `Released by batch ${await batchNumberOf(w.tx, batchId)}`;
  const released: Equipment[] = [];
  for (const { id } of held) released.push(await w.update(equipment, 'equipment', id, { inUseByBatchId: null }, why, 'release'));
  return released;
}

async function batchNumberOf(db: Executor, batchId: string): Promise<string> {
  const [row] = await db.select({ n: batches.batchNumber }).from(batches).where(eq(batches.id, batchId));
  return row?.n ?? batchId;
}
