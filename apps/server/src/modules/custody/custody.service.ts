/**
 * Chain of custody. Each hand-over is recorded only after scan-to-verify: the DIN scanned from the
 * bag must be the DIN the person says they hold. A mismatch is refused (409), recorded as a custody
 * exception in its own audited transaction, and nothing else changes.
 */
import type { CustodyType } from '@hepatica/core';
import { asc, desc, eq } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client';
import { currentActor } from '../../platform/context';
import { conflict, notFound, unprocessable } from '../../platform/errors';
import { write } from '../../platform/write';
import { getCollectionByDin } from '../collections/collections.service';
import { orders } from '../orders/orders.tables';
import { refuseWrongBag } from './custody.exceptions';
import { custodyEvents, custodyExceptions } from './custody.tables';
import { dinFromScan } from './scan';

export type CustodyEvent = typeof custodyEvents.$inferSelect;
export type CustodyException = typeof custodyExceptions.$inferSelect;

const FUTURE_TOLERANCE_MS = 5 * 60_000;

export interface NewCustodyEvent {
  din: string;
  type: CustodyType;
  scannedDin: string;
  occurredAt: string;
  location?: string | undefined;
  fromParty?: string | undefined;
  toParty?: string | undefined;
  temperatureC?: number | undefined;
}

export function custodyEventView(e: CustodyEvent) {
  return {
    id: e.id,
    din: e.din,
    type: e.type as CustodyType,
    occurredAt: e.occurredAt.toISOString(),
    location: e.location,
    fromParty: e.fromParty,
    toParty: e.toParty,
    temperatureC: e.temperatureC,
    recordedBy: e.recordedBy,
    createdAt: e.createdAt.toISOString(),
  };
}

export function custodyExceptionView(e: CustodyException) {
  return {
    id: e.id,
    din: e.din,
    scannedDin: e.scannedDin,
    type: e.type,
    detail: e.detail,
    code: e.code,
    params: e.params as Record<string, string> | null,
    recordedBy: e.recordedBy,
    createdAt: e.createdAt.toISOString(),
  };
}

export async function recordCustodyEvent(db: Db, input: NewCustodyEvent): Promise<CustodyEvent> {
  const found = await getCollectionByDin(db, input.din);
  if (!found) throw notFound(`A collection with DIN ${input.din}`);
  const scanned = dinFromScan(input.scannedDin);
  if (scanned !== input.din) await refuseMismatch(db, input, scanned);
  const occurredAt = checkOccurredAt(input.occurredAt, found.collection.collectedAt);
  return write(db, async (w) => {
    const [last] = await w.tx.select().from(custodyEvents).where(eq(custodyEvents.din, input.din)).orderBy(desc(custodyEvents.occurredAt)).limit(1);
    if (last?.type === 'infusion') throw conflict(`DIN ${input.din} has already been infused; no further custody can be recorded.`, { code: 'custody.already_infused', params: { din: input.din } });
    const event = await w.insert(custodyEvents, 'custody_event', {
      collectionId: found.collection.id,
      din: input.din,
      type: input.type,
      occurredAt,
      location: input.location ?? null,
      fromParty: input.fromParty ?? null,
      toParty: input.toParty ?? null,
      temperatureC: input.temperatureC ?? null,
      recordedBy: currentActor().username,
    });
    if (input.type === 'infusion') {
      await w.update(orders, 'order', found.collection.orderId, { status: 'infused' }, 'Infusion recorded', 'status_change');
    }
    return event;
  });
}

function checkOccurredAt(value: string, collectedAt: Date): Date {
  const at = new Date(value);
  if (at.getTime() > Date.now() + FUTURE_TOLERANCE_MS) {
    throw unprocessable('The custody time is in the future.', {
      code: 'custody.time_in_future',
      errors: [{ path: 'body.occurredAt', message: 'Must not be in the future' }],
    });
  }
  if (at < collectedAt) {
    throw unprocessable('The custody time is before the bag was collected.', {
      code: 'custody.time_before_collection',
      errors: [{ path: 'body.occurredAt', message: 'Must be after the collection time' }],
    });
  }
  return at;
}

function refuseMismatch(db: Db, input: NewCustodyEvent, scanned: string): Promise<never> {
  return refuseWrongBag(db, { din: input.din, scanned: input.scannedDin, scannedDin: scanned, type: input.type });
}

export async function listCustodyEvents(db: Executor, din?: string): Promise<CustodyEvent[]> {
  return db
    .select()
    .from(custodyEvents)
    .where(din ? eq(custodyEvents.din, din) : undefined)
    .orderBy(din ? asc(custodyEvents.occurredAt) : desc(custodyEvents.occurredAt))
    .limit(500);
}

export async function listCustodyExceptions(db: Executor, din?: string): Promise<CustodyException[]> {
  return db
    .select()
    .from(custodyExceptions)
    .where(din ? eq(custodyExceptions.din, din) : undefined)
    .orderBy(desc(custodyExceptions.createdAt))
    .limit(500);
}
