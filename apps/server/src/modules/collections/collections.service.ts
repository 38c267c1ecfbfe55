/**
 * Collections: each bag gets an ISBT 128 DIN, unique even under concurrent requests (the sequence
 * comes from an atomic counter, and the column is unique as a last line of defence).
 */
import { computeCheckCharacter, formatDin, type CollectionType } from '@hepatica/core';
import { desc, eq } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client';
import { conflict, notFound, unprocessable } from '../../platform/errors';
import { write } from '../../platform/write';
import { signaturesOf, sign, type SignatureInput } from '../../platform/signatures';
import { orders } from '../orders/orders.tables';
import { getOrder } from '../orders/orders.service';
import { requireTreatmentConsent } from '../clinical/consent/consent.gate';
import { patients } from '../patients/patients.tables';
import { homeSite, localYear2, nextSequence } from '../sites/sites.service';
import { collections } from './collections.tables';

export type Collection = typeof collections.$inferSelect;
type CollectionRow = { collection: Collection; subjectCode: string; coi: string };

/**
 * Hours a fresh (non-cryopreserved) starting material stays usable after collection. Fresh
 * leukapheresis for autologous CAR-T is commonly shipped and processed within 72 h.
 */
export const SHELF_LIFE_HOURS: Record<CollectionType, number> = { apheresis: 72, tissue: 24, bone_marrow: 48, cord: 72 };
/** A collection time this far in the future is a typing error, not a clock difference. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

export async function collectionView(db: Executor, row: CollectionRow) {
  const c = row.collection;
  return {
    id: c.id,
    orderId: c.orderId,
    din: c.din,
    flags: c.flags,
    checkCharacter: c.checkCharacter,
    type: c.type as CollectionType,
    collectedAt: c.collectedAt.toISOString(),
    expiresAt: c.expiresAt.toISOString(),
    volumeMl: c.volumeMl,
    status: c.status,
    subjectCode: row.subjectCode,
    coi: row.coi,
    createdAt: c.createdAt.toISOString(),
    signatures: await signaturesOf(db, 'collection', c.id, signedContent(c)),
  };
}

/** What a signature on a collection vouches for: the identifiers and facts on its label. */
function signedContent(c: Collection) {
  return { din: c.din, checkCharacter: c.checkCharacter, type: c.type, collectedAt: c.collectedAt, volumeMl: c.volumeMl, orderId: c.orderId };
}

function selectCollections(db: Executor) {
  return db
    .select({ collection: collections, subjectCode: patients.subjectCode, coi: orders.coi })
    .from(collections)
    .innerJoin(orders, eq(orders.id, collections.orderId))
    .innerJoin(patients, eq(patients.id, orders.patientId));
}

export async function listCollections(db: Executor, orderId?: string): Promise<CollectionRow[]> {
  return selectCollections(db)
    .where(orderId ? eq(collections.orderId, orderId) : undefined)
    .orderBy(desc(collections.collectedAt))
    .limit(500);
}

export async function getCollection(db: Executor, id: string): Promise<CollectionRow> {
  const [row] = await selectCollections(db).where(eq(collections.id, id));
  if (!row) throw notFound('Collection');
  return row;
}

export async function getCollectionByDin(db: Executor, din: string): Promise<CollectionRow | undefined> {
  const [row] = await selectCollections(db).where(eq(collections.din, din));
  return row;
}

export interface NewCollection {
  type: CollectionType;
  collectedAt: string;
  volumeMl?: number | undefined;
}

export async function createCollection(db: Db, orderId: string, input: NewCollection): Promise<CollectionRow> {
  const { order, subjectCode } = await getOrder(db, orderId);
  if (order.status === 'cancelled') throw conflict(`Order ${order.coi} is cancelled; no collection can be recorded for it.`, { code: 'collection.order_cancelled', params: { coi: order.coi } });
  await requireTreatmentConsent(db, order.patientId, order.studyId);
  const collectedAt = new Date(input.collectedAt);
  if (collectedAt.getTime() > Date.now() + FUTURE_TOLERANCE_MS) {
    throw unprocessable('The collection time is in the future.', {
      code: 'collection.time_in_future',
      errors: [{ path: 'body.collectedAt', message: 'Must not be in the future' }],
    });
  }
  if (collectedAt < order.createdAt) {
    throw unprocessable('The collection time is before the order was opened.', {
      code: 'collection.time_before_order',
      errors: [{ path: 'body.collectedAt', message: 'Must be after the order was created' }],
    });
  }
  const site = await homeSite(db);
  const year2 = localYear2(new Date(), site.timeZone);
  const collection = await write(db, async (w) => {
    const din = formatDin({ fin: site.fin, year: year2, sequence: await nextSequence(w.tx, `din:${site.fin}:${year2}`) });
    const row = await w.insert(collections, 'collection', {
      orderId,
      din,
      flags: '00',
      checkCharacter: computeCheckCharacter(din),
      type: input.type,
      collectedAt,
      expiresAt: new Date(collectedAt.getTime() + SHELF_LIFE_HOURS[input.type] * 3_600_000),
      volumeMl: input.volumeMl ?? null,
      status: 'collected',
    });
    if (order.status === 'open') await w.update(orders, 'order', orderId, { status: 'collected' }, 'First collection recorded', 'status_change');
    return row;
  });
  return { collection, subjectCode, coi: order.coi };
}

/** The collecting nurse signs the collection record (meaning e.g. "Collected and labelled"). */
export async function signCollection(db: Db, id: string, signature: SignatureInput): Promise<CollectionRow> {
  const row = await getCollection(db, id);
  await write(db, (w) => sign(w, signature, 'collection', id, signedContent(row.collection)));
  return row;
}
