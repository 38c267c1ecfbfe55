/**
 * Reading batches: one batch with every step as executed (values, lots, equipment, signatures),
 * its deviations and output lots, and the batch list. Routes, the record PDF and tests read through here.
 */
import { computeCheckCharacter } from '@hepatica/core';
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { auditEvents } from '../../platform/audit.tables';
import { notFound } from '../../platform/errors';
import { signaturesOf } from '../../platform/signatures';
import { equipment } from '../equipment/equipment.tables';
import { rooms } from '../facility/facility.tables';
import { materialLots, materials } from '../materials/materials.tables';
import { orders } from '../orders/orders.tables';
import { patients } from '../patients/patients.tables';
import { getProcess, type Process } from '../processes/processes.service';
import { processes } from '../processes/processes.tables';
import { batchReleases } from '../release/release.tables';
import { listDeviations } from '../quality/deviations.service';
import { apiIndexOf, nextStepNumber, type StepValues } from './batches.rules';
import type { BATCH_STATUSES } from './batches.schema';
import { batches, batchSteps } from './batches.tables';

export type Batch = typeof batches.$inferSelect;
export type BatchStep = typeof batchSteps.$inferSelect;
type BatchStatus = (typeof BATCH_STATUSES)[number];

/** A scanned lot as stored on the step: enough to print the record without another lookup. */
export interface StoredLotUse {
  lotId: string;
  lotNumber: string;
  materialCode: string;
  quantity: number;
}

/** What a step's signatures vouch for: the step as executed. Any later change shows them as not valid. */
export function signedStep(s: BatchStep) {
  return {
    batchId: s.batchId,
    index: s.index,
    values: s.values,
    outOfRange: s.outOfRange,
    materialLots: s.materialLots,
    equipmentIds: s.equipmentIds,
    performedBy: s.performedBy,
    performedAt: s.performedAt,
    witnessedBy: s.witnessedBy,
  };
}

const headerColumns = {
  batch: batches,
  processCode: processes.code,
  processVersion: processes.version,
  processName: processes.name,
  product: processes.product,
  productType: processes.productType,
  roomCode: rooms.code,
  coi: orders.coi,
  subjectCode: patients.subjectCode,
  /** The expiry the QP certified with the batch's latest release (labels and shipments read it). */
  productExpiresAt: sql<Date | null>`(
    select ${batchReleases.productExpiresAt} from ${batchReleases}
    where ${batchReleases.batchId} = ${batches.id} and ${batchReleases.decision} <> 'reject'
    order by ${batchReleases.certifiedAt} desc limit 1)`.mapWith(batchReleases.productExpiresAt),
};

function selectHeaders(db: Executor) {
  return db
    .select(headerColumns)
    .from(batches)
    .innerJoin(processes, eq(processes.id, batches.processId))
    .innerJoin(rooms, eq(rooms.id, batches.roomId))
    .leftJoin(orders, eq(orders.id, batches.orderId))
    .leftJoin(patients, eq(patients.id, orders.patientId));
}
type Header = Awaited<ReturnType<ReturnType<typeof selectHeaders>['execute']>>[number];

/** Who started each batch: the actor of its create event in the audit trail. */
async function startersOf(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ entityId: auditEvents.entityId, actor: auditEvents.actor })
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, 'batch'), eq(auditEvents.action, 'create'), inArray(auditEvents.entityId, ids)));
  return new Map(rows.map((r) => [r.entityId, r.actor]));
}

function headerView(h: Header, extra: { startedBy: string }) {
  const b = h.batch;
  return {
    id: b.id,
    batchNumber: b.batchNumber,
    processId: b.processId,
    processCode: h.processCode,
    processVersion: h.processVersion,
    processName: h.processName,
    product: h.product,
    productType: h.productType as Process['productType'],
    orderId: b.orderId,
    coi: h.coi,
    subjectCode: h.subjectCode,
    din: b.din,
    dinCheckCharacter: b.din ? computeCheckCharacter(b.din) : null,
    roomId: b.roomId,
    roomCode: h.roomCode,
    status: b.status as BatchStatus,
    startedAt: b.startedAt.toISOString(),
    completedAt: b.completedAt?.toISOString() ?? null,
    productExpiresAt: h.productExpiresAt?.toISOString() ?? null,
    startedBy: extra.startedBy,
  };
}

export async function getBatchRow(db: Executor, id: string): Promise<Batch> {
  const [row] = await db.select().from(batches).where(eq(batches.id, id));
  if (!row) throw notFound('Batch');
  return row;
}

export async function stepRowsOf(db: Executor, batchId: string): Promise<BatchStep[]> {
  return db.select().from(batchSteps).where(eq(batchSteps.batchId, batchId)).orderBy(asc(batchSteps.index));
}

async function equipmentCodes(db: Executor, rows: BatchStep[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.flatMap((s) => (s.equipmentIds as string[] | null) ?? []))];
  if (!ids.length) return new Map();
  const found = await db.select({ id: equipment.id, code: equipment.code }).from(equipment).where(inArray(equipment.id, ids));
  return new Map(found.map((e) => [e.id, e.code]));
}

async function outputLotsOf(db: Executor, batchId: string) {
  const rows = await db
    .select({ lot: materialLots, materialCode: materials.code, unit: materials.unit })
    .from(materialLots)
    .innerJoin(materials, eq(materials.id, materialLots.materialId))
    .where(eq(materialLots.producedByBatchId, batchId))
    .orderBy(asc(materialLots.lotNumber));
  return rows.map(({ lot, materialCode, unit }) => ({ id: lot.id, lotNumber: lot.lotNumber, materialCode, unit, status: lot.status, quantity: lot.quantityReceived }));
}

/** The batch as the API shows it (contract type Batch), with the step definitions of its process version. */
export async function batchView(db: Executor, id: string) {
  const [header] = await selectHeaders(db).where(eq(batches.id, id));
  if (!header) throw notFound('Batch');
  const process = await getProcess(db, header.batch.processId);
  const rows = await stepRowsOf(db, id);
  const codes = await equipmentCodes(db, rows);
  const steps = await Promise.all(
    rows.map(async (row) => {
      const def = process.steps[row.index - 1]!;
      return {
        // The API counts steps from 0 (spec: POST /batches/{id}/steps/{index}/complete); people count from 1.
        index: row.index - 1,
        number: row.index,
        title: def.title,
        instructions: def.instructions ?? null,
        status: row.status as 'pending' | 'completed',
        fields: def.fields,
        values: (row.values as StepValues | null) ?? null,
        outOfRange: (row.outOfRange as string[] | null) ?? [],
        materials: def.materials,
        equipmentTypes: def.equipmentTypes,
        samples: def.samples,
        producesLot: def.producesLot ?? null,
        materialLots: (row.materialLots as StoredLotUse[] | null) ?? [],
        equipment: ((row.equipmentIds as string[] | null) ?? []).map((eid) => ({ id: eid, code: codes.get(eid) ?? eid })),
        performedBy: row.performedBy,
        performedAt: row.performedAt?.toISOString() ?? null,
        witnessedBy: row.witnessedBy,
        signatures: await signaturesOf(db, 'batch_step', row.id, signedStep(row)),
        requiredQualification: def.requiredQualification ?? null,
        witness: def.witness,
      };
    }),
  );
  const starters = await startersOf(db, [id]);
  return {
    ...headerView(header, { startedBy: starters.get(id) ?? 'system' }),
    nextStep: apiIndexOf(nextStepNumber(rows)),
    steps,
    outputLots: await outputLotsOf(db, id),
    deviations: await listDeviations(db, { batchId: id }),
  };
}
export type BatchView = Awaited<ReturnType<typeof batchView>>;

/** Batches, newest first, with how far each has got. */
export async function listBatches(db: Executor, query: { status?: BatchStatus | undefined; orderId?: string | undefined } = {}) {
  const where: SQL[] = [];
  if (query.status) where.push(eq(batches.status, query.status));
  if (query.orderId) where.push(eq(batches.orderId, query.orderId));
  const headers = await selectHeaders(db).where(and(...where)).orderBy(desc(batches.startedAt), desc(batches.batchNumber)).limit(500);
  const ids = headers.map((h) => h.batch.id);
  const steps = ids.length ? await db.select({ batchId: batchSteps.batchId, index: batchSteps.index, status: batchSteps.status }).from(batchSteps).where(inArray(batchSteps.batchId, ids)) : [];
  const byBatch = new Map<string, { index: number; status: string }[]>(ids.map((id) => [id, []]));
  for (const s of steps) byBatch.get(s.batchId)!.push(s);
  const starters = await startersOf(db, ids);
  return headers.map((h) => {
    const own = byBatch.get(h.batch.id)!;
    return {
      ...headerView(h, { startedBy: starters.get(h.batch.id) ?? 'system' }),
      nextStep: apiIndexOf(nextStepNumber(own)),
      stepCount: own.length,
      completedSteps: own.filter((s) => s.status === 'completed').length,
    };
  });
}
