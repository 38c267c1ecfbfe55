/**
 * The product being shipped and its place on the patient's custody chain. An autologous product
 * carries the DIN of the patient's collection (batches.din), so its custody events continue the
 * collection's chain. Allogeneic and vector batches are refused: one of their batches serves many
 * patients, and giving one dose of a bank to one patient's order (its own DIN, its own chain) is a
 * dose-allocation step Hepatica does not have yet; shipping without it would break the chain.
 */
import { desc, eq } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client';
import { currentActor } from '../../platform/context';
import { conflict, notFound, unprocessable } from '../../platform/errors';
import type { Writer } from '../../platform/write';
import { batches } from '../batches/batches.tables';
import { collections } from '../collections/collections.tables';
import { custodyEvents } from '../custody/custody.tables';
import { orders } from '../orders/orders.tables';
import { patients } from '../patients/patients.tables';
import { processes } from '../processes/processes.tables';
import { refuseWrongBag } from '../custody/custody.exceptions';

/** Batch statuses the QP's certification leaves a product shippable in (contract: issue 5, item 5). */
export const SHIPPABLE_STATUSES = ['released', 'conditionally_released'] as const;

/** A time this far in the future is a typing error, not a clock difference. */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;

export interface Product {
  batch: typeof batches.$inferSelect;
  product: string;
  productType: string;
  order: typeof orders.$inferSelect;
  subjectCode: string;
  collectionId: string;
  din: string;
}

/** The batch with its process, order, patient and the collection its DIN belongs to; refuses what cannot be shipped. */
export async function loadProduct(db: Executor, batchId: string): Promise<Product> {
  const [row] = await db
    .select({ batch: batches, product: processes.product, productType: processes.productType })
    .from(batches)
    .innerJoin(processes, eq(processes.id, batches.processId))
    .where(eq(batches.id, batchId));
  if (!row) throw notFound('Batch');
  const { batch } = row;
  if (row.productType !== 'autologous' || !batch.orderId) {
    throw conflict(
      `Batch ${batch.batchNumber} is a ${row.productType} product. Only autologous products are shipped to a patient here: a bank or vector batch must first be allocated to a patient's order as a dose of its own, which Hepatica does not do yet.`,
      {
        code: 'shipment.not_patient_specific',
        params: { batchNumber: batch.batchNumber, productType: row.productType },
      },
    );
  }
  if (!batch.din) {
    throw conflict(
      `Batch ${batch.batchNumber} has no DIN on record, so its label cannot be verified; it cannot be shipped.`,
      { code: 'shipment.no_din', params: { batchNumber: batch.batchNumber } },
    );
  }
  const [link] = await db
    .select({ order: orders, subjectCode: patients.subjectCode, collectionId: collections.id })
    .from(orders)
    .innerJoin(patients, eq(patients.id, orders.patientId))
    .innerJoin(collections, eq(collections.din, batch.din))
    .where(eq(orders.id, batch.orderId));
  if (!link) throw notFound(`The collection with DIN ${batch.din}`);
  return {
    batch,
    product: row.product,
    productType: row.productType,
    order: link.order,
    subjectCode: link.subjectCode,
    collectionId: link.collectionId,
    din: batch.din,
  };
}

/** The QP must have certified the product: released or conditionally released. */
export function assertReleased(batch: Product['batch'], code: string): void {
  if ((SHIPPABLE_STATUSES as readonly string[]).includes(batch.status)) return;
  throw conflict(
    `Batch ${batch.batchNumber} is ${batch.status.replaceAll('_', ' ')}; only a released or conditionally released product may leave the facility or be infused.`,
    {
      code,
      params: { batchNumber: batch.batchNumber, status: batch.status },
    },
  );
}

/** Nothing follows an infusion on a custody chain. */
export async function assertNotInfused(db: Executor, din: string): Promise<void> {
  const [last] = await db
    .select({ type: custodyEvents.type })
    .from(custodyEvents)
    .where(eq(custodyEvents.din, din))
    .orderBy(desc(custodyEvents.occurredAt))
    .limit(1);
  if (last?.type !== 'infusion') return;
  throw conflict(`DIN ${din} has already been infused; no further custody can be recorded.`, {
    code: 'custody.already_infused',
    params: { din },
  });
}

/** A recorded time must not be in the future nor before what it follows. */
export function checkTime(value: string, path: string, after: { at: Date | null; what: string; code: string }): Date {
  const at = new Date(value);
  if (at.getTime() > Date.now() + FUTURE_TOLERANCE_MS) {
    throw unprocessable('The time entered is in the future.', {
      code: 'shipment.time_in_future',
      errors: [{ path, message: 'Must not be in the future' }],
    });
  }
  if (after.at && at < after.at) {
    throw unprocessable(`The time entered is before ${after.what}.`, {
      code: after.code,
      params: { what: after.what },
      errors: [{ path, message: `Must be after ${after.what}` }],
    });
  }
  return at;
}

export interface CustodyStep {
  product: Pick<Product, 'collectionId' | 'din'>;
  type: 'shipment' | 'receipt' | 'storage' | 'infusion';
  occurredAt: Date;
  location: string | null;
  fromParty: string | null;
  toParty: string | null;
  temperatureC: number | null;
}

/** One custody event on the product's chain, in the caller's transaction. */
export function recordCustody(w: Writer, step: CustodyStep) {
  return w.insert(custodyEvents, 'custody_event', {
    collectionId: step.product.collectionId,
    din: step.product.din,
    type: step.type,
    occurredAt: step.occurredAt,
    location: step.location,
    fromParty: step.fromParty,
    toParty: step.toParty,
    temperatureC: step.temperatureC,
    recordedBy: currentActor().username,
  });
}

/** Scan-to-verify of the product's DIN, as custody does it (same code and wording). */
export async function verifyDinScan(db: Db, din: string, raw: string, type: string, scannedDin: string): Promise<void> {
  if (scannedDin === din) return;
  await refuseWrongBag(db, { din, scanned: raw, scannedDin, type });
}
