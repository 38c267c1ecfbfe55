/**
 * The end of a batch, in the transaction of its last step: equipment released, the room left to be
 * cleaned, the output lot of a producing step received into quarantine (a vector lot is then a
 * material of other batches, once QA releases it), and genealogy closed: batch → lot, and for an
 * autologous batch batch → the patient's order.
 */
import { addMonthsInZone } from '@hepatica/core';
import { asc, eq } from 'drizzle-orm';
import type { Writer } from '../../platform/write';
import { releaseEquipmentOf } from '../equipment/equipment.service';
import { vacateRoom } from '../facility/facility.service';
import { linkGenealogy } from '../materials/genealogy.service';
import { insertLot, materialsByCode, recordProduction } from '../materials/materials.service';
import type { Process, ProcessStep } from '../processes/processes.service';
import { homeSite } from '../sites/sites.service';
import type { StepValues } from './batches.rules';
import { batches, batchSteps } from './batches.tables';
import type { Batch } from './batches.views';

/**
 * Provisional expiry of a lot made here, counted from the end of the batch. QA confirms or shortens
 * it at disposition from the product's stability data; 12 months matches vector stored at ≤ −65 °C.
 */
export const OUTPUT_LOT_SHELF_LIFE_MONTHS = 12;

export async function finishBatch(w: Writer, batch: Batch, process: Process, at: Date): Promise<void> {
  await releaseEquipmentOf(w, batch.id);
  await vacateRoom(w, batch.roomId);
  const rows = await w.tx.select().from(batchSteps).where(eq(batchSteps.batchId, batch.id)).orderBy(asc(batchSteps.index));
  for (const row of rows) {
    const step = process.steps[row.index - 1]!;
    if (step.producesLot) await produceLot(w, batch, step, (row.values as StepValues | null) ?? {}, at);
  }
  if (batch.orderId) await linkGenealogy(w, { fromKind: 'batch', fromId: batch.id, toKind: 'order', toId: batch.orderId });
  const reason = `All ${process.steps.length} steps completed`;
  await w.update(batches, 'batch', batch.id, { status: 'completed', completedAt: at }, reason, 'complete');
}

/**
 * The output lot: numbered after the batch (one batch, one lot of each product), in quarantine, its
 * quantity the yield recorded at the producing step (see producedQuantity).
 */
async function produceLot(w: Writer, batch: Batch, step: ProcessStep, values: StepValues, at: Date): Promise<void> {
  const material = (await materialsByCode(w.tx, [step.producesLot!])).get(step.producesLot!)!;
  const { timeZone } = await homeSite(w.tx);
  const lot = await insertLot(w, material.id, {
    lotNumber: batch.batchNumber,
    expiresAt: addMonthsInZone(at, OUTPUT_LOT_SHELF_LIFE_MONTHS, timeZone),
    quantity: producedQuantity(step, values, material.unit),
    producedByBatchId: batch.id,
  });
  await recordProduction(w, { batchId: batch.id, lotId: lot.id });
}

/** Units that count containers: a "per vial" amount times the vials filled is the lot's quantity. */
const CONTAINERS = /^(vial|bag|ampoule|tube|bottle|unit)s?$/i;
const PER_CONTAINER = /\bper\b/i;

/**
 * The yield of a producing step, read from the values recorded at it: a number in the material's
 * unit ("Harvest volume, mL"), or an amount per container times the containers filled ("Fill volume
 * per vial, mL" × "Vials filled"). A step recording neither yields one unit (one bag, one vial).
 */
export function producedQuantity(step: Pick<ProcessStep, 'fields'>, values: StepValues, unit: string): number {
  const recorded = (f: ProcessStep['fields'][number]) => (f.type === 'number' && typeof values[f.key] === 'number' && (values[f.key] as number) > 0 ? (values[f.key] as number) : null);
  const inUnit = step.fields.filter((f) => f.unit === unit && recorded(f) !== null);
  const total = inUnit.find((f) => !PER_CONTAINER.test(f.label));
  if (total) return recorded(total)!;
  const perContainer = inUnit[0];
  const count = step.fields.find((f) => f.unit && CONTAINERS.test(f.unit) && recorded(f) !== null);
  if (perContainer && count) return Math.round(recorded(perContainer)! * recorded(count)! * 1e6) / 1e6;
  return 1;
}
