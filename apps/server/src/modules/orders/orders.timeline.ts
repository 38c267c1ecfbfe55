/**
 * The order timeline: everything that happened to one therapy, oldest first: collection, custody and
 * refused scans, then the product's manufacturing, release, shipment excursions, bedside verification
 * and infusion (shipments.timeline.ts), with the vein-to-vein legs and their durations.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { collections } from '../collections/collections.tables';
import { custodyEvents, custodyExceptions } from '../custody/custody.tables';
import { productTimeline, type ProductTimelineKind } from '../shipments/shipments.timeline';
import { getOrder } from './orders.service';

export interface TimelineItem {
  at: string;
  kind: 'order_created' | 'collection' | 'custody' | 'custody_exception' | ProductTimelineKind;
  summary: string;
  details: Record<string, unknown>;
}

export type OrderTimeline = { items: TimelineItem[] } & Pick<Awaited<ReturnType<typeof productTimeline>>, 'veinToVein'>;

export async function orderTimeline(db: Executor, orderId: string): Promise<OrderTimeline> {
  const { order, subjectCode, studyCode } = await getOrder(db, orderId);
  const bags = await db.select().from(collections).where(eq(collections.orderId, orderId)).orderBy(asc(collections.collectedAt));
  const dins = bags.map((b) => b.din);
  const events = dins.length ? await db.select().from(custodyEvents).where(inArray(custodyEvents.din, dins)) : [];
  const refused = dins.length ? await db.select().from(custodyExceptions).where(inArray(custodyExceptions.din, dins)) : [];
  const product = await productTimeline(db, orderId, bags[0]?.collectedAt.toISOString() ?? null);
  // An infusion record carries its custody event's facts and more: show it once.
  const shown = events.filter((e) => !(e.type === 'infusion' && product.infusedDins.get(e.din) === e.occurredAt.toISOString()));
  const items: TimelineItem[] = [
    { at: order.createdAt.toISOString(), kind: 'order_created', summary: `Order ${order.coi} opened for ${subjectCode} in ${studyCode}`, details: { coi: order.coi, subjectCode, studyCode } },
    ...bags.map((b) => ({
      at: b.collectedAt.toISOString(),
      kind: 'collection' as const,
      summary: `${b.type} collected, DIN ${b.din} ${b.checkCharacter}`,
      details: { collectionId: b.id, din: b.din, checkCharacter: b.checkCharacter, type: b.type, volumeMl: b.volumeMl, expiresAt: b.expiresAt.toISOString() },
    })),
    ...shown.map((e) => ({
      at: e.occurredAt.toISOString(),
      kind: 'custody' as const,
      summary: `${e.type}${e.fromParty ? ` from ${e.fromParty}` : ''}${e.toParty ? ` to ${e.toParty}` : ''}${e.location ? ` at ${e.location}` : ''}`,
      details: { din: e.din, type: e.type, location: e.location, fromParty: e.fromParty, toParty: e.toParty, temperatureC: e.temperatureC, recordedBy: e.recordedBy },
    })),
    ...refused.map((x) => ({
      at: x.createdAt.toISOString(),
      kind: 'custody_exception' as const,
      summary: `Refused ${x.type}: scanned ${x.scannedDin} instead of ${x.din}`,
      details: { din: x.din, scannedDin: x.scannedDin, type: x.type, recordedBy: x.recordedBy },
    })),
    ...product.items,
  ];
  return { items: items.sort((a, b) => a.at.localeCompare(b.at)), veinToVein: product.veinToVein };
}
