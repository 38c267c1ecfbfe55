/** Reading shipments: the list, and one shipment with its logger, custody, verifications and infusion. */
import type { ExcursionSummary } from '@hepatica/core';
import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { notFound } from '../../platform/errors';
import { signaturesOf } from '../../platform/signatures';
import { batches } from '../batches/batches.tables';
import { custodyExceptionView } from '../custody/custody.service';
import { custodyEvents, custodyExceptions } from '../custody/custody.tables';
import { orders } from '../orders/orders.tables';
import { patients } from '../patients/patients.tables';
import { processes } from '../processes/processes.tables';
import { listDeviations } from '../quality/deviations.service';
import type { ShipmentDetail, ShipmentStatus } from './shipments.schema';
import { bedsideVerifications, infusions, shipmentLoggerUploads, shipments } from './shipments.tables';

type Shipment = typeof shipments.$inferSelect;
type Verification = typeof bedsideVerifications.$inferSelect;
type Infusion = typeof infusions.$inferSelect;
type LoggerView = NonNullable<ShipmentDetail['logger']>;

function selectShipments(db: Executor) {
  return db
    .select({
      shipment: shipments,
      batchNumber: batches.batchNumber,
      batchStatus: batches.status,
      completedAt: batches.completedAt,
      product: processes.product,
      coi: orders.coi,
      subjectCode: patients.subjectCode,
      excursion: shipmentLoggerUploads.summary,
    })
    .from(shipments)
    .innerJoin(batches, eq(batches.id, shipments.batchId))
    .innerJoin(processes, eq(processes.id, batches.processId))
    .innerJoin(orders, eq(orders.id, shipments.orderId))
    .innerJoin(patients, eq(patients.id, orders.patientId))
    .leftJoin(shipmentLoggerUploads, eq(shipmentLoggerUploads.shipmentId, shipments.id));
}
type Row = Awaited<ReturnType<ReturnType<typeof selectShipments>['execute']>>[number];

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** Out of range on the logger or on arrival. */
function hadExcursion(s: Shipment, summary: unknown): boolean {
  const loggerOut = ((summary as ExcursionSummary | null)?.excursions.length ?? 0) > 0;
  const arrivalOut =
    s.arrivalTemperatureC !== null &&
    (s.arrivalTemperatureC > s.rangeMaxC || (s.rangeMinC !== null && s.arrivalTemperatureC < s.rangeMinC));
  return loggerOut || arrivalOut;
}

export function shipmentSummaryView({ shipment: s, batchNumber, product, coi, subjectCode, excursion }: Row) {
  return {
    id: s.id,
    number: s.number,
    batchId: s.batchId,
    batchNumber,
    product,
    orderId: s.orderId,
    coi,
    subjectCode,
    din: s.din,
    status: s.status as ShipmentStatus,
    courier: s.courier,
    shipperId: s.shipperId,
    fromLocation: s.fromLocation,
    toLocation: s.toLocation,
    departedAt: s.departedAt.toISOString(),
    expiresAt: s.expiresAt.toISOString(),
    range: { minC: s.rangeMinC, maxC: s.rangeMaxC, basis: s.rangeBasis },
    receivedAt: iso(s.receivedAt),
    receivedBy: s.receivedBy,
    arrivalTemperatureC: s.arrivalTemperatureC,
    storedAt: iso(s.storedAt),
    storageLocation: s.storageLocation,
    excursion: hadExcursion(s, excursion),
    createdBy: s.createdBy,
    createdAt: s.createdAt.toISOString(),
  };
}

export interface ShipmentFilter {
  status?: ShipmentStatus | undefined;
  orderId?: string | undefined;
  batchId?: string | undefined;
}

/** Newest departure first. */
export async function listShipments(db: Executor, filter: ShipmentFilter = {}) {
  const where: SQL[] = [];
  if (filter.status) where.push(eq(shipments.status, filter.status));
  if (filter.orderId) where.push(eq(shipments.orderId, filter.orderId));
  if (filter.batchId) where.push(eq(shipments.batchId, filter.batchId));
  const rows = await selectShipments(db)
    .where(and(...where))
    .orderBy(desc(shipments.departedAt))
    .limit(500);
  return rows.map(shipmentSummaryView);
}

export async function getShipmentRow(db: Executor, id: string): Promise<Shipment> {
  const [row] = await db.select().from(shipments).where(eq(shipments.id, id));
  if (!row) throw notFound('Shipment');
  return row;
}

/** What the two verifiers sign: who checked which identifiers, when. */
export function signedVerification(v: Verification) {
  return {
    shipmentId: v.shipmentId,
    subjectCode: v.subjectCode,
    din: v.din,
    coi: v.coi,
    verifiedBy: v.verifiedBy,
    secondVerifier: v.secondVerifier,
    verifiedAt: v.verifiedAt,
  };
}

/** What the person recording the infusion signs. */
export function signedInfusion(i: Infusion) {
  return {
    shipmentId: i.shipmentId,
    verificationId: i.verificationId,
    din: i.din,
    startedAt: i.startedAt,
    endedAt: i.endedAt,
    carPositiveCells: i.carPositiveCells,
    weightKg: i.weightKg,
    cellsPerKg: i.cellsPerKg,
    volumeMl: i.volumeMl,
    recordedBy: i.recordedBy,
  };
}

export async function verificationViews(db: Executor, rows: Verification[]) {
  return Promise.all(
    rows.map(async (v) => ({
      id: v.id,
      subjectCode: v.subjectCode,
      din: v.din,
      coi: v.coi,
      verifiedBy: v.verifiedBy,
      secondVerifier: v.secondVerifier,
      verifiedAt: v.verifiedAt.toISOString(),
      signatures: await signaturesOf(db, 'bedside_verification', v.id, signedVerification(v)),
    })),
  );
}

export async function infusionView(db: Executor, i: Infusion) {
  return {
    id: i.id,
    shipmentId: i.shipmentId,
    verificationId: i.verificationId,
    din: i.din,
    startedAt: i.startedAt.toISOString(),
    endedAt: i.endedAt.toISOString(),
    dose: {
      carPositiveCells: i.carPositiveCells,
      weightKg: i.weightKg,
      cellsPerKg: i.cellsPerKg,
      volumeMl: i.volumeMl,
    },
    location: i.location,
    notes: i.notes,
    recordedBy: i.recordedBy,
    signatures: await signaturesOf(db, 'infusion', i.id, signedInfusion(i)),
  };
}

export async function getShipment(db: Executor, id: string): Promise<ShipmentDetail> {
  const [row] = await selectShipments(db).where(eq(shipments.id, id));
  if (!row) throw notFound('Shipment');
  const s = row.shipment;
  const [upload] = await db.select().from(shipmentLoggerUploads).where(eq(shipmentLoggerUploads.shipmentId, id));
  // The shipment's own custody: the event written with it and every one recorded after it.
  const custody = (
    await db.select().from(custodyEvents).where(eq(custodyEvents.din, s.din)).orderBy(asc(custodyEvents.occurredAt))
  ).filter((e) => e.createdAt >= s.createdAt);
  // The product exists from the end of manufacturing: earlier refusals were about the collection bag.
  const made = row.completedAt ?? s.createdAt;
  const refused = (
    await db
      .select()
      .from(custodyExceptions)
      .where(eq(custodyExceptions.din, s.din))
      .orderBy(desc(custodyExceptions.createdAt))
  ).filter((e) => e.createdAt >= made);
  const verifications = await db
    .select()
    .from(bedsideVerifications)
    .where(eq(bedsideVerifications.shipmentId, id))
    .orderBy(asc(bedsideVerifications.verifiedAt));
  const [infusion] = await db.select().from(infusions).where(eq(infusions.shipmentId, id));
  // A product is shipped once (createShipment), so the batch's transport deviations are this shipment's.
  const deviations = await listDeviations(db, { batchId: s.batchId, source: 'shipment_temperature' });
  return {
    ...shipmentSummaryView(row),
    logger: upload
      ? {
          loggerId: upload.loggerId,
          uploadedBy: upload.uploadedBy,
          uploadedAt: upload.uploadedAt.toISOString(),
          readings: upload.readings as { at: string; temperatureC: number }[],
          summary: upload.summary as LoggerView['summary'],
        }
      : null,
    deviations,
    custody: custody.map((e) => ({
      id: e.id,
      type: e.type,
      occurredAt: e.occurredAt.toISOString(),
      location: e.location,
      fromParty: e.fromParty,
      toParty: e.toParty,
      temperatureC: e.temperatureC,
      recordedBy: e.recordedBy,
    })),
    custodyExceptions: refused.map(custodyExceptionView),
    verifications: await verificationViews(db, verifications),
    infusion: infusion ? await infusionView(db, infusion) : null,
    batchStatus: row.batchStatus,
  };
}

/** Shipments of several orders, for the vein-to-vein timeline. */
export async function shipmentsOfOrder(db: Executor, orderId: string) {
  const rows = await db
    .select()
    .from(shipments)
    .where(eq(shipments.orderId, orderId))
    .orderBy(asc(shipments.departedAt));
  const ids = rows.map((r) => r.id);
  const done = ids.length ? await db.select().from(infusions).where(inArray(infusions.shipmentId, ids)) : [];
  const checks = ids.length
    ? await db.select().from(bedsideVerifications).where(inArray(bedsideVerifications.shipmentId, ids))
    : [];
  return { shipments: rows, infusions: done, verifications: checks };
}
