/**
 * Shipping a released product: the operator scans the product label when packing the dry shipper,
 * and the shipment, its storage range and the `shipment` custody event are written together.
 * Reading shipments is in shipments.views.ts; the logger, the site and the bedside have their own files.
 */
import { localYear, storageRangeFor, type StorageProductType } from '@hepatica/core';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { currentActor, requireUserActor } from '../../platform/context';
import { conflict } from '../../platform/errors';
import { write } from '../../platform/write';
import { batches } from '../batches/batches.tables';
import { batchReleases } from '../release/release.tables';
import { dinFromScan } from '../custody/scan';
import { homeSite, nextSequence } from '../sites/sites.service';
import {
  assertNotInfused,
  assertReleased,
  checkTime,
  loadProduct,
  recordCustody,
  verifyDinScan,
} from './shipments.product';
import { shipments } from './shipments.tables';

export type Shipment = typeof shipments.$inferSelect;

export interface NewShipment {
  batchId: string;
  scannedDin: string;
  courier: string;
  shipperId: string;
  fromLocation: string;
  toLocation: string;
  departedAt: string;
}

/** SHP-2026-0001: four digits at least. */
export function shipmentNumber(year: number, sequence: number): string {
  return `SHP-${year}-${String(sequence).padStart(4, '0')}`;
}

/**
 * The expiry the QP certified with the latest release of the batch: the label's expiry comes from the
 * release record, never from what someone types at the dock.
 */
async function certifiedExpiry(db: Db, batch: typeof batches.$inferSelect): Promise<Date> {
  const [latest] = await db
    .select({ productExpiresAt: batchReleases.productExpiresAt })
    .from(batchReleases)
    .where(and(eq(batchReleases.batchId, batch.id), inArray(batchReleases.decision, ['release', 'conditional_release'])))
    .orderBy(desc(batchReleases.certifiedAt))
    .limit(1);
  if (latest?.productExpiresAt) return latest.productExpiresAt;
  throw conflict(
    `Batch ${batch.batchNumber} was certified without a product expiry (a release recorded before expiry was part of it); it cannot be labelled for shipment. Ask QA.`,
    { code: 'shipment.no_certified_expiry', params: { batchNumber: batch.batchNumber } },
  );
}

export async function createShipment(db: Db, input: NewShipment): Promise<Shipment> {
  requireUserActor();
  const product = await loadProduct(db, input.batchId);
  assertReleased(product.batch, 'shipment.not_released');
  await verifyDinScan(db, product.din, input.scannedDin, 'shipment', dinFromScan(input.scannedDin));
  const departedAt = checkTime(input.departedAt, 'body.departedAt', {
    at: product.batch.completedAt,
    what: 'the end of manufacturing',
    code: 'shipment.before_manufacture',
  });
  const expiresAt = await certifiedExpiry(db, product.batch);
  if (expiresAt <= departedAt || expiresAt.getTime() <= Date.now()) {
    throw conflict(`The product expired at ${expiresAt.toISOString()}; an expired product is not shipped.`, {
      code: 'shipment.expired',
      params: { expiresAt: expiresAt.toISOString() },
    });
  }
  await assertNotInfused(db, product.din);
  const range = storageRangeFor(product.productType as StorageProductType);
  const { timeZone } = await homeSite(db);
  return write(db, async (w) => {
    // The batch row lock makes two shipments of one product at once end with one refused.
    await w.lockById(batches, product.batch.id, 'Batch');
    const [already] = await w.tx
      .select({ number: shipments.number })
      .from(shipments)
      .where(eq(shipments.batchId, product.batch.id));
    if (already) {
      throw conflict(
        `Batch ${product.batch.batchNumber} has already been shipped as ${already.number}; one product is shipped once.`,
        {
          code: 'shipment.already_shipped',
          params: { batchNumber: product.batch.batchNumber, number: already.number },
        },
      );
    }
    const year = localYear(departedAt, timeZone);
    const shipment = await w.insert(shipments, 'shipment', {
      number: shipmentNumber(year, await nextSequence(w.tx, `shipment:${year}`)),
      batchId: product.batch.id,
      orderId: product.order.id,
      din: product.din,
      status: 'in_transit',
      courier: input.courier,
      shipperId: input.shipperId,
      fromLocation: input.fromLocation,
      toLocation: input.toLocation,
      departedAt,
      expiresAt,
      rangeMinC: range.minC,
      rangeMaxC: range.maxC,
      rangeBasis: range.basis,
      createdBy: currentActor().username,
    });
    await recordCustody(w, {
      product,
      type: 'shipment',
      occurredAt: departedAt,
      location: input.fromLocation,
      fromParty: input.fromLocation,
      toParty: `${input.courier}, dry shipper ${input.shipperId}`,
      temperatureC: null,
    });
    return shipment;
  });
}
