/**
 * Calibration and maintenance records. A passed calibration moves the calibration due date; a failed
 * one leaves the unit out of calibration until a later calibration passes. Maintenance is opened and
 * closed; while open, the unit is in maintenance. Each record is an audited event row.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { currentActor } from '../../platform/context';
import { conflict, unprocessable } from '../../platform/errors';
import { write, type Writer } from '../../platform/write';
import { getEquipment, type EquipmentState } from './equipment.service';
import { equipment, equipmentEvents } from './equipment.tables';

/** A time this far ahead is a typing error, not a clock difference between devices. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

function pastInstant(value: string, path: string): Date {
  const at = new Date(value);
  if (at.getTime() > Date.now() + FUTURE_TOLERANCE_MS) {
    throw unprocessable('The time the work was performed is in the future; record it once it is done.', {
      code: 'equipment.time_in_future',
      errors: [{ path, message: 'Must not be in the future' }],
    });
  }
  return at;
}

function dueAfter(value: string, performedAt: Date): Date {
  const due = new Date(value);
  if (due <= performedAt) {
    throw unprocessable('The next due date must be after the date the work was performed.', {
      code: 'equipment.next_due_before_performed',
      errors: [{ path: 'body.nextDueAt', message: 'Must be after performedAt' }],
    });
  }
  return due;
}

interface EventInput {
  kind: 'calibration' | 'maintenance_start' | 'maintenance_end';
  performedAt: Date;
  result?: 'pass' | 'fail' | undefined;
  nextDueAt?: Date | undefined;
  notes?: string | undefined;
}

async function insertEvent(w: Writer, equipmentId: string, e: EventInput): Promise<void> {
  await w.insert(equipmentEvents, 'equipment_event', {
    equipmentId,
    kind: e.kind,
    performedAt: e.performedAt,
    result: e.result ?? null,
    nextDueAt: e.nextDueAt ?? null,
    notes: e.notes ?? null,
    performedBy: currentActor().username,
  });
}

export interface CalibrationInput {
  performedAt: string;
  result: 'pass' | 'fail';
  nextDueAt: string;
  notes?: string | undefined;
}

export async function recordCalibration(db: Db, id: string, input: CalibrationInput): Promise<EquipmentState> {
  await getEquipment(db, id);
  const performedAt = pastInstant(input.performedAt, 'body.performedAt');
  const nextDueAt = dueAfter(input.nextDueAt, performedAt);
  await write(db, async (w) => {
    const unit = await w.lockById(equipment, id, 'Equipment');
    // The last calibration decides the status, so an older record must not slip in after a newer one.
    const [last] = await w.tx
      .select({ performedAt: equipmentEvents.performedAt })
      .from(equipmentEvents)
      .where(and(eq(equipmentEvents.equipmentId, id), eq(equipmentEvents.kind, 'calibration')))
      .orderBy(desc(equipmentEvents.performedAt))
      .limit(1);
    if (last && performedAt < last.performedAt) {
      throw unprocessable(`${unit.code} already has a calibration recorded on ${last.performedAt.toISOString()}; a calibration performed before it cannot be added after it.`, {
        code: 'equipment.calibration_before_last',
        params: { code: unit.code },
        errors: [{ path: 'body.performedAt', message: 'Must not be before the last recorded calibration' }],
      });
    }
    await insertEvent(w, id, { kind: 'calibration', performedAt, result: input.result, nextDueAt, notes: input.notes });
    if (input.result === 'pass') {
      await w.update(equipment, 'equipment', id, { calibrationDueAt: nextDueAt }, `Calibration passed on ${performedAt.toISOString()}`, 'calibration');
    }
  });
  return getEquipment(db, id);
}

export interface MaintenanceInput {
  action: 'start' | 'finish';
  performedAt: string;
  result?: 'pass' | 'fail' | undefined;
  nextDueAt?: string | undefined;
  notes?: string | undefined;
}

/** Opens maintenance (the unit must not be open already nor held by a batch) or closes it. */
export async function recordMaintenance(db: Db, id: string, input: MaintenanceInput): Promise<EquipmentState> {
  await getEquipment(db, id);
  const performedAt = pastInstant(input.performedAt, 'body.performedAt');
  const nextDueAt = input.nextDueAt ? dueAfter(input.nextDueAt, performedAt) : undefined;
  await write(db, async (w) => {
    const unit = await w.lockById(equipment, id, 'Equipment');
    if (input.action === 'start') {
      if (unit.maintenanceSince) throw conflict(`${unit.code} is already under maintenance (since ${unit.maintenanceSince.toISOString()}); finish that maintenance first.`, { code: 'equipment.maintenance_open', params: { code: unit.code } });
      if (unit.inUseByBatchId) throw conflict(`${unit.code} is in use by a batch; maintenance can start once the batch has released it.`, { code: 'equipment.in_use', params: { code: unit.code } });
      await insertEvent(w, id, { kind: 'maintenance_start', performedAt, nextDueAt, notes: input.notes });
      await w.update(equipment, 'equipment', id, { maintenanceSince: performedAt }, 'Maintenance started', 'maintenance_start');
      return;
    }
    if (!unit.maintenanceSince) throw conflict(`${unit.code} has no open maintenance to finish.`, { code: 'equipment.no_open_maintenance', params: { code: unit.code } });
    if (performedAt < unit.maintenanceSince) {
      throw unprocessable('Maintenance cannot finish before it started.', {
        code: 'equipment.finish_before_start',
        errors: [{ path: 'body.performedAt', message: `Must be after the start (${unit.maintenanceSince.toISOString()})` }],
      });
    }
    const result = input.result ?? 'pass';
    await insertEvent(w, id, { kind: 'maintenance_end', performedAt, result, nextDueAt, notes: input.notes });
    // A failed maintenance closes nothing: the unit stays in maintenance until one passes.
    const patch = result === 'pass' ? { maintenanceSince: null, ...(nextDueAt ? { maintenanceDueAt: nextDueAt } : {}) } : nextDueAt ? { maintenanceDueAt: nextDueAt } : null;
    if (patch) await w.update(equipment, 'equipment', id, patch, `Maintenance finished (${result})`, 'maintenance_end');
  });
  return getEquipment(db, id);
}
