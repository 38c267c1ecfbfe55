/**
 * Receipt and storage at the clinical site: the nurse scans the product label (the DIN must be the
 * product's), records the dry shipper's temperature on arrival and where the product is kept. Each
 * is a custody event on the product's chain; a temperature outside the range opens a deviation.
 */
import { withinRange } from '@hepatica/core';
import type { Db } from '../../db/client';
import { currentActor, requireUserActor } from '../../platform/context';
import { conflict } from '../../platform/errors';
import { write } from '../../platform/write';
import { dinFromScan } from '../custody/scan';
import { openReadingDeviation } from './shipments.logger';
import { assertNotInfused, checkTime, loadProduct, recordCustody, verifyDinScan } from './shipments.product';
import { getShipmentRow } from './shipments.views';
import { shipments } from './shipments.tables';

export interface Receipt {
  scannedDin: string;
  receivedAt: string;
  temperatureC: number;
  location?: string | undefined;
}

export interface Storage {
  scannedDin: string;
  storedAt: string;
  location: string;
  temperatureC?: number | undefined;
}

const range = (s: typeof shipments.$inferSelect) => ({ minC: s.rangeMinC, maxC: s.rangeMaxC });

export async function receiveShipment(db: Db, id: string, input: Receipt): Promise<void> {
  const actor = requireUserActor();
  const shipment = await getShipmentRow(db, id);
  if (shipment.status !== 'in_transit') {
    throw conflict(
      `Shipment ${shipment.number} was already received${shipment.receivedAt ? ` at ${shipment.receivedAt.toISOString()}` : ''}.`,
      { code: 'shipment.already_received', params: { number: shipment.number } },
    );
  }
  const product = await loadProduct(db, shipment.batchId);
  await verifyDinScan(db, shipment.din, input.scannedDin, 'receipt', dinFromScan(input.scannedDin));
  const receivedAt = checkTime(input.receivedAt, 'body.receivedAt', {
    at: shipment.departedAt,
    what: 'the departure',
    code: 'shipment.before_departure',
  });
  await assertNotInfused(db, shipment.din);
  const location = input.location ?? shipment.toLocation;
  await write(db, async (w) => {
    const locked = await w.lockById(shipments, id, 'Shipment');
    if (locked.status !== 'in_transit')
      throw conflict(`Shipment ${locked.number} was already received.`, {
        code: 'shipment.already_received',
        params: { number: locked.number },
      });
    await w.update(
      shipments,
      'shipment',
      id,
      { status: 'received', receivedAt, receivedBy: actor.username, arrivalTemperatureC: input.temperatureC },
      `Received at ${location}`,
      'receive',
    );
    await recordCustody(w, {
      product,
      type: 'receipt',
      occurredAt: receivedAt,
      location,
      fromParty: `${shipment.courier}, dry shipper ${shipment.shipperId}`,
      toParty: actor.displayName,
      temperatureC: input.temperatureC,
    });
    if (!withinRange(input.temperatureC, range(shipment)))
      await openReadingDeviation(w, shipment, 'on arrival', input.temperatureC);
  });
}

export async function storeShipment(db: Db, id: string, input: Storage): Promise<void> {
  requireUserActor();
  const shipment = await getShipmentRow(db, id);
  if (shipment.status === 'in_transit') {
    throw conflict(`Shipment ${shipment.number} has not been received at the site yet; receive it before storing it.`, {
      code: 'shipment.not_received',
      params: { number: shipment.number },
    });
  }
  const product = await loadProduct(db, shipment.batchId);
  await assertNotInfused(db, shipment.din);
  await verifyDinScan(db, shipment.din, input.scannedDin, 'storage', dinFromScan(input.scannedDin));
  const storedAt = checkTime(input.storedAt, 'body.storedAt', {
    at: shipment.receivedAt,
    what: 'the receipt',
    code: 'shipment.before_receipt',
  });
  await write(db, async (w) => {
    await w.update(
      shipments,
      'shipment',
      id,
      { status: 'stored', storedAt, storageLocation: input.location },
      `Stored in ${input.location}`,
      'store',
    );
    await recordCustody(w, {
      product,
      type: 'storage',
      occurredAt: storedAt,
      location: input.location,
      fromParty: null,
      toParty: currentActor().displayName,
      temperatureC: input.temperatureC ?? null,
    });
    if (input.temperatureC !== undefined && !withinRange(input.temperatureC, range(shipment)))
      await openReadingDeviation(w, shipment, `in storage at ${input.location}`, input.temperatureC);
  });
}
