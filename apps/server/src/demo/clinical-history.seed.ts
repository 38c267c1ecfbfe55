/**
 * The demo's imported product history: the part of the infused CAR-T subject's chain that was made before
 * Hepatica went live at the center (weeks ago), recorded then on paper and imported now. Its order, apheresis
 * and the custody of the bag to the GMP facility go through their services, which take the time of the event;
 * the rest — the executed batch record, the QA review and the QP's release, the shipment, the bedside
 * verification and the infusion — is written here through write() with the times of the paper records (the
 * approach of clinical/safety/safety.fixtures.ts `subjectWith`), each row with its audit event and every change
 * of a GMP record with its reason, under the demo user who did it. The batch, shipment and release services
 * stamp "now" and sign at the time of signing, so they cannot write history: the paper signatures are not
 * replayed as electronic ones (the rows have none), the batch record has no electronic steps and the QC results
 * are not imported (the batch's release check lists its tests as missing; the QP's release records they conformed).
 */
import { storageRangeFor } from '@hepatica/core';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { write } from '../platform/write';
import { batches } from '../modules/batches/batches.tables';
import { linkGenealogy } from '../modules/materials/genealogy.service';
import { orders } from '../modules/orders/orders.tables';
import { processes } from '../modules/processes/processes.tables';
import { batchReleases, batchReviews } from '../modules/release/release.tables';
import { recordCustody } from '../modules/shipments/shipments.product';
import { bedsideVerifications, infusions, shipments } from '../modules/shipments/shipments.tables';
import { as, DAY, HOUR, userId } from './clinical-support.seed';
import { roomId } from './demo-batch';

/** The CAR-T specification's shelf life (qc.seed.ts): end of manufacture + 270 days. */
const SHELF_LIFE_DAYS = 270;

export interface ProductHistory {
  orderId: string;
  collectionId: string;
  din: string;
  coi: string;
  subjectCode: string;
  /** Paper batch record number, e.g. B-2026-P003 (P: paper, before go-live; the electronic counter is not used). */
  batchNumber: string;
  manufacturedFrom: Date;
  manufacturedTo: Date;
  reviewedAt: Date;
  releasedAt: Date;
  departedAt: Date;
  receivedAt: Date;
  verifiedAt: Date;
  infusedAt: Date;
  dose: { carPositiveCells: number; weightKg: number; volumeMl: number };
}

const IMPORTED = 'Imported from the paper record kept before go-live';

async function processIdOf(db: Db, code: string): Promise<string> {
  const [row] = await db.select({ id: processes.id }).from(processes).where(and(eq(processes.code, code), eq(processes.status, 'effective')));
  if (!row) throw new Error(`demo process ${code} is missing`);
  return row.id;
}

/** The batch (released), its genealogy, the QA review and the QP release, as QA imports them. */
async function importBatch(db: Db, h: ProductHistory): Promise<string> {
  const processId = await processIdOf(db, 'CART-GPC3');
  const room = await roomId(db, 'GMP-A01');
  const [qa, qp] = [await userId(db, 'qa'), await userId(db, 'qp')];
  return as(db, 'qa', () =>
    write(db, async (w) => {
      const batch = await w.insert(batches, 'batch', { batchNumber: h.batchNumber, processId, orderId: h.orderId, din: h.din, roomId: room, status: 'released', startedAt: h.manufacturedFrom, completedAt: h.manufacturedTo });
      await linkGenealogy(w, { fromKind: 'collection', fromId: h.collectionId, toKind: 'batch', toId: batch.id });
      await w.insert(batchReviews, 'batch_review', { batchId: batch.id, reviewerId: qa, reviewer: 'qa', comment: `${IMPORTED}: batch record, audit trail and deviations reviewed (none open).`, reviewedAt: h.reviewedAt });
      await w.insert(batchReleases, 'batch_release', {
        batchId: batch.id,
        decision: 'release',
        certifierId: qp,
        certifier: 'qp',
        pendingTests: [],
        outOfSpecification: [],
        comment: `${IMPORTED}: all release tests conforming, sterility final negative.`,
        productExpiresAt: new Date(h.manufacturedTo.getTime() + SHELF_LIFE_DAYS * DAY),
        certifiedAt: h.releasedAt,
      });
      return batch.id;
    }),
  );
}

/** The shipment to the ward, its receipt, the two-person bedside check and the infusion, as the nurse imports them. */
async function importAdministration(db: Db, h: ProductHistory, batchId: string): Promise<void> {
  const range = storageRangeFor('autologous');
  const product = { collectionId: h.collectionId, din: h.din };
  await as(db, 'nurse', () =>
    write(db, async (w) => {
      const shipment = await w.insert(shipments, 'shipment', {
        number: `SHP-${h.batchNumber.slice(2)}`,
        batchId,
        orderId: h.orderId,
        din: h.din,
        status: 'infused',
        courier: 'World Courier',
        shipperId: 'DS-07',
        fromLocation: 'GMP facility, cryostore',
        toLocation: 'Hepatobiliary ward 5',
        departedAt: h.departedAt,
        expiresAt: new Date(h.manufacturedTo.getTime() + SHELF_LIFE_DAYS * DAY),
        rangeMinC: range.minC,
        rangeMaxC: range.maxC,
        rangeBasis: range.basis,
        receivedAt: h.receivedAt,
        receivedBy: 'nurse',
        arrivalTemperatureC: -187,
        createdBy: 'operator',
      });
      await recordCustody(w, { product, type: 'shipment', occurredAt: h.departedAt, location: 'GMP facility, cryostore', fromParty: 'GMP facility, cryostore', toParty: 'World Courier, dry shipper DS-07', temperatureC: null });
      await recordCustody(w, { product, type: 'receipt', occurredAt: h.receivedAt, location: 'Hepatobiliary ward 5', fromParty: 'World Courier', toParty: 'Chen Jing (RN)', temperatureC: -187 });
      const verification = await w.insert(bedsideVerifications, 'bedside_verification', { shipmentId: shipment.id, subjectCode: h.subjectCode, din: h.din, coi: h.coi, verifiedBy: 'nurse', secondVerifier: 'physician', verifiedAt: h.verifiedAt });
      const { carPositiveCells, weightKg, volumeMl } = h.dose;
      await w.insert(infusions, 'infusion', {
        shipmentId: shipment.id,
        verificationId: verification.id,
        orderId: h.orderId,
        din: h.din,
        startedAt: h.infusedAt,
        endedAt: new Date(h.infusedAt.getTime() + 0.35 * HOUR),
        carPositiveCells,
        weightKg,
        cellsPerKg: Number((carPositiveCells / weightKg).toPrecision(6)),
        volumeMl,
        location: 'Hepatobiliary ward 5, bed 12',
        notes: `${IMPORTED}. Premedication paracetamol and chlorphenamine; no infusion reaction.`,
        recordedBy: 'nurse',
      });
      await recordCustody(w, { product, type: 'infusion', occurredAt: h.infusedAt, location: 'Hepatobiliary ward 5, bed 12', fromParty: 'nurse, physician', toParty: h.subjectCode, temperatureC: null });
      await w.update(orders, 'order', h.orderId, { status: 'infused' }, `${IMPORTED}: batch ${h.batchNumber} released, shipped and infused`, 'status_change');
    }),
  );
}

/** Imports the chain from the batch to the infusion; the order, apheresis and custody to the facility exist. */
export async function importProductHistory(db: Db, h: ProductHistory): Promise<void> {
  const batchId = await importBatch(db, h);
  await importAdministration(db, h, batchId);
}
