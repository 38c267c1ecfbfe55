/**
 * Starting a batch from an effective master batch record. An autologous batch is bound to one
 * patient's order (one donor per batch: NMPA cell-therapy appendix) and receives that patient's bag
 * through scan-to-verify; the receipt is a custody event on the bag's chain and a genealogy edge
 * collection → batch, written in the batch's own transaction. The room must be clean and is put in use.
 * Step execution is in batches.execute.ts; reading in batches.views.ts.
 */
import { formatDin, localYear } from '@hepatica/core';
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { currentActor, requireUserActor } from '../../platform/context';
import { conflict, unprocessable } from '../../platform/errors';
import { write, type Writer } from '../../platform/write';
import { listCollections, type Collection } from '../collections/collections.service';
import { custodyEvents } from '../custody/custody.tables';
import { dinFromScan } from '../custody/scan';
import { assertRoomReady, occupyRoom, type Room } from '../facility/facility.service';
import { linkGenealogy } from '../materials/genealogy.service';
import { getOrder } from '../orders/orders.service';
import { orders } from '../orders/orders.tables';
import { getProcess, type Process } from '../processes/processes.service';
import { homeSite, localYear2, nextSequence } from '../sites/sites.service';
import { formatBatchNumber } from './batches.rules';
import { batches, batchSteps } from './batches.tables';
import type { Batch } from './batches.views';
import { refuseWrongBag } from '../custody/custody.exceptions';

export interface NewBatch {
  processId: string;
  orderId?: string | undefined;
  roomId: string;
  scannedDin?: string | undefined;
}

/** Starts a batch: checks, then in one transaction the batch, its pending steps, the room and the receipt. */
export async function createBatch(db: Db, input: NewBatch): Promise<Batch> {
  requireUserActor();
  const process = await getProcess(db, input.processId);
  assertEffective(process);
  const orderId = checkOrderRule(process, input);
  // Line clearance first: a room that is not ready stops the start before any bag is scanned in.
  const room = await assertRoomReady(db, input.roomId);
  const bag = orderId ? await verifyBag(db, orderId, input.scannedDin) : null;
  const site = await homeSite(db);
  return write(db, async (w) => {
    const now = new Date();
    if (orderId) await assertNoOpenBatch(w, orderId);
    const year = localYear(now, site.timeZone);
    const batch = await w.insert(batches, 'batch', {
      batchNumber: formatBatchNumber(year, await nextSequence(w.tx, `batch:${year}`)),
      processId: process.id,
      orderId,
      din: bag ? bag.din : await allocateDin(w, site, now),
      roomId: room.id,
      status: 'in_progress',
      startedAt: now,
    });
    for (let index = 1; index <= process.steps.length; index++) {
      await w.insert(batchSteps, 'batch_step', { batchId: batch.id, index, status: 'pending' });
    }
    // The room's row lock and re-check make two batches starting in one room end with one refused.
    await occupyRoom(w, room.id, batch.id);
    if (bag) await receiveBag(w, batch, bag, room, now);
    return batch;
  });
}

/**
 * A product not made from one donation gets its own DIN from the site's FIN, drawn from the same
 * sequence as collections so no DIN is ever given twice (ISBT 128 ST-001 §2.4.1: a DIN is unique for 100 years).
 */
async function allocateDin(w: Writer, site: { fin: string; timeZone: string }, now: Date): Promise<string> {
  const year2 = localYear2(now, site.timeZone);
  return formatDin({ fin: site.fin, year: year2, sequence: await nextSequence(w.tx, `din:${site.fin}:${year2}`) });
}

function assertEffective(process: Process): void {
  if (process.status === 'effective') return;
  throw conflict(`${process.code} version ${process.version} is ${process.status}; batches run only from the effective version of a master batch record.`, {
    code: 'batch.process_not_effective',
    params: { code: process.code, version: process.version, status: process.status },
  });
}

/** Autologous: an order is required. Allogeneic and vector batches serve many patients: no order. */
function checkOrderRule(process: Process, input: NewBatch): string | null {
  if (process.productType === 'autologous') {
    if (input.orderId) return input.orderId;
    throw unprocessable(`${process.code} makes an autologous product: choose the patient's order the batch is for.`, {
      code: 'batch.order_required',
      params: { code: process.code },
      errors: [{ path: 'body.orderId', message: 'Required for an autologous process' }],
    });
  }
  if (!input.orderId) return null;
  throw unprocessable(`${process.code} makes a ${process.productType} product, which is not made for one patient: start the batch without an order.`, {
    code: 'batch.order_not_allowed',
    params: { code: process.code, productType: process.productType },
    errors: [{ path: 'body.orderId', message: `Not allowed for a ${process.productType} process` }],
  });
}

/**
 * One open batch per order: a second batch while one is in progress would mix up whose cells are
 * whose. The order row lock makes two simultaneous starts for one patient queue; the second is refused.
 */
async function assertNoOpenBatch(w: Writer, orderId: string): Promise<void> {
  const order = await w.lockById(orders, orderId, 'Order');
  const [open] = await w.tx
    .select({ batchNumber: batches.batchNumber })
    .from(batches)
    .where(and(eq(batches.orderId, orderId), eq(batches.status, 'in_progress')));
  if (!open) return;
  throw conflict(`Order ${order.coi} already has batch ${open.batchNumber} in progress; one patient's cells are processed in one batch at a time.`, {
    code: 'batch.one_patient',
    params: { coi: order.coi, batchNumber: open.batchNumber },
  });
}

/**
 * Scan-to-verify of the patient's bag at the start of the batch, as custody does it: the scanned
 * DIN must be a collection of this order; a mismatch is refused and logged as a custody exception.
 */
async function verifyBag(db: Db, orderId: string, scannedDin: string | undefined): Promise<Collection> {
  const { order } = await getOrder(db, orderId);
  if (order.status === 'cancelled') {
    throw conflict(`Order ${order.coi} is cancelled; no batch can be made for it.`, { code: 'batch.order_cancelled', params: { coi: order.coi } });
  }
  const bags = (await listCollections(db, orderId)).map((r) => r.collection);
  if (!bags.length) {
    throw conflict(`No collection has been recorded for order ${order.coi}; the patient's starting material must be collected and received first.`, {
      code: 'batch.no_collection',
      params: { coi: order.coi },
    });
  }
  if (!scannedDin) {
    throw unprocessable("Scan the DIN on the patient's bag to receive it into the batch.", {
      code: 'batch.scan_required',
      errors: [{ path: 'body.scannedDin', message: 'Scan the bag label' }],
    });
  }
  const scanned = dinFromScan(scannedDin);
  const bag = bags.find((b) => b.din === scanned);
  if (!bag) return refuseMismatch(db, bags[0]!.din, scannedDin, scanned);
  const [last] = await db.select({ type: custodyEvents.type }).from(custodyEvents).where(eq(custodyEvents.din, bag.din)).orderBy(desc(custodyEvents.occurredAt)).limit(1);
  if (last?.type === 'infusion') {
    throw conflict(`DIN ${bag.din} has already been infused; it cannot be received into a batch.`, { code: 'custody.already_infused', params: { din: bag.din } });
  }
  return bag;
}

/** Same wording, code and exception record as custody's scan-to-verify. */
function refuseMismatch(db: Db, din: string, scannedRaw: string, scanned: string): Promise<never> {
  return refuseWrongBag(db, { din, scanned: scannedRaw, scannedDin: scanned, type: 'receipt' });
}

/** The bag enters the batch: a receipt on its custody chain, the genealogy edge, the order in manufacturing. */
async function receiveBag(w: Writer, batch: Batch, bag: Collection, room: Room, at: Date): Promise<void> {
  const actor = currentActor();
  await w.insert(custodyEvents, 'custody_event', {
    collectionId: bag.id,
    din: bag.din,
    type: 'receipt',
    occurredAt: at,
    location: room.code,
    fromParty: null,
    toParty: `${actor.displayName}, batch ${batch.batchNumber}`,
    temperatureC: null,
    recordedBy: actor.username,
  });
  await linkGenealogy(w, { fromKind: 'collection', fromId: bag.id, toKind: 'batch', toId: batch.id });
  const order = await w.lockById(orders, batch.orderId!, 'Order');
  if (order.status === 'open' || order.status === 'collected') {
    await w.update(orders, 'order', order.id, { status: 'in_manufacturing' }, `Batch ${batch.batchNumber} started`, 'status_change');
  }
}
