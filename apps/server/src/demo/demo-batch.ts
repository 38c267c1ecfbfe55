/**
 * What the demo batch seeds share: performing a batch's steps through the tablet's own service, and
 * finding the seeded process, room, equipment and lots they name by code.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { completeStep, type StepCompletion } from '../modules/batches/batches.execute';
import { equipment } from '../modules/equipment/equipment.tables';
import { rooms } from '../modules/facility/facility.tables';
import { materialLots, materials } from '../modules/materials/materials.tables';
import { processes } from '../modules/processes/processes.tables';
import { DEMO_PASSWORD } from './demo-password';

/** One step as the demo performs it; the performer's signature is added when it is run. */
export type DemoStep = Omit<StepCompletion, 'signature'>;

/**
 * Performs `steps` of the batch in order from step 1, as the current user, each signed "Performed" with the
 * demo password. The service stamps each step with the time it runs (it takes no time of its own), so the
 * demo's steps carry the minute the seed ran.
 */
export async function performSteps(db: Db, batchId: string, steps: DemoStep[]): Promise<void> {
  const signature = { password: DEMO_PASSWORD, meaning: 'Performed' };
  for (const [i, step] of steps.entries()) await completeStep(db, batchId, i + 1, { ...step, signature });
}

export async function effectiveProcessId(db: Db, code: string): Promise<string> {
  const [row] = await db
    .select({ id: processes.id })
    .from(processes)
    .where(and(eq(processes.code, code), eq(processes.status, 'effective')));
  if (!row) throw new Error(`demo process ${code} is not effective`);
  return row.id;
}

export async function lotId(db: Db, materialCode: string, lotNumber: string): Promise<string> {
  const [row] = await db
    .select({ id: materialLots.id })
    .from(materialLots)
    .innerJoin(materials, eq(materials.id, materialLots.materialId))
    .where(and(eq(materials.code, materialCode), eq(materialLots.lotNumber, lotNumber)));
  if (!row) throw new Error(`demo lot ${materialCode} ${lotNumber} is missing`);
  return row.id;
}

export async function roomId(db: Db, code: string): Promise<string> {
  const [row] = await db.select({ id: rooms.id }).from(rooms).where(eq(rooms.code, code));
  if (!row) throw new Error(`demo room ${code} is missing`);
  return row.id;
}

export async function equipmentId(db: Db, code: string): Promise<string> {
  const [row] = await db.select({ id: equipment.id }).from(equipment).where(eq(equipment.code, code));
  if (!row) throw new Error(`demo equipment ${code} is missing`);
  return row.id;
}
