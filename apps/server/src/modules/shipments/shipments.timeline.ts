/**
 * The product's side of the order timeline: manufacturing, the QP's decision, the shipment's
 * excursions, the bedside verification and the infusion, and the vein-to-vein legs with their
 * durations. orders.timeline.ts merges these with the collection and custody items.
 */
import { veinToVein, type ExcursionSummary, type VeinToVein } from '@hepatica/core';
import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { batches } from '../batches/batches.tables';
import { processes } from '../processes/processes.tables';
import { batchReleases } from '../release/release.tables';
import { shipmentLoggerUploads } from './shipments.tables';
import { shipmentsOfOrder } from './shipments.views';

export type ProductTimelineKind =
  | 'manufacturing_started'
  | 'manufacturing_completed'
  | 'release'
  | 'temperature_excursion'
  | 'bedside_verification'
  | 'infusion';

export interface ProductTimelineItem {
  at: string;
  kind: ProductTimelineKind;
  summary: string;
  details: Record<string, unknown>;
}

/** The batch that made the patient's product: the shipped one, else the latest that was not aborted. */
async function batchesOf(db: Executor, orderId: string) {
  return db
    .select({ batch: batches, product: processes.product })
    .from(batches)
    .innerJoin(processes, eq(processes.id, batches.processId))
    .where(and(eq(batches.orderId, orderId), ne(batches.status, 'aborted')))
    .orderBy(asc(batches.startedAt));
}

const CERTIFYING = ['release', 'conditional_release'];

export async function productTimeline(
  db: Executor,
  orderId: string,
  collectedAt: string | null,
): Promise<{ items: ProductTimelineItem[]; veinToVein: VeinToVein; infusedDins: Map<string, string> }> {
  const made = await batchesOf(db, orderId);
  const { shipments, infusions, verifications } = await shipmentsOfOrder(db, orderId);
  const releases = made.length
    ? await db
        .select()
        .from(batchReleases)
        .where(
          inArray(
            batchReleases.batchId,
            made.map((m) => m.batch.id),
          ),
        )
        .orderBy(desc(batchReleases.certifiedAt))
    : [];
  const uploads = shipments.length
    ? await db
        .select()
        .from(shipmentLoggerUploads)
        .where(
          inArray(
            shipmentLoggerUploads.shipmentId,
            shipments.map((s) => s.id),
          ),
        )
    : [];
  const items: ProductTimelineItem[] = [];
  for (const { batch: b, product } of made) {
    items.push({
      at: b.startedAt.toISOString(),
      kind: 'manufacturing_started',
      summary: `Batch ${b.batchNumber} started (${product})`,
      details: { batchId: b.id, batchNumber: b.batchNumber, product },
    });
    if (b.completedAt)
      items.push({
        at: b.completedAt.toISOString(),
        kind: 'manufacturing_completed',
        summary: `Batch ${b.batchNumber} completed`,
        details: { batchId: b.id, batchNumber: b.batchNumber },
      });
  }
  for (const r of releases) {
    items.push({
      at: r.certifiedAt.toISOString(),
      kind: 'release',
      summary: `QP decision on the batch: ${r.decision.replaceAll('_', ' ')} by ${r.certifier}`,
      details: {
        batchId: r.batchId,
        decision: r.decision,
        certifier: r.certifier,
        exceptional: r.exceptional !== null,
      },
    });
  }
  for (const u of uploads) {
    const s = u.summary as ExcursionSummary;
    const number = shipments.find((x) => x.id === u.shipmentId)!.number;
    if (s.firstOutAt)
      items.push({
        at: s.firstOutAt,
        kind: 'temperature_excursion',
        summary: `Temperature excursion in ${number}: up to ${s.extremeC} °C for ${s.durationMinutes} min`,
        details: {
          shipmentId: u.shipmentId,
          number,
          loggerId: u.loggerId,
          firstOutAt: s.firstOutAt,
          lastOutAt: s.lastOutAt,
          durationMinutes: s.durationMinutes,
          extremeC: s.extremeC,
          deviationId: u.deviationId,
        },
      });
  }
  for (const v of verifications) {
    items.push({
      at: v.verifiedAt.toISOString(),
      kind: 'bedside_verification',
      summary: `Wristband and product label verified by ${v.verifiedBy} and ${v.secondVerifier}`,
      details: {
        shipmentId: v.shipmentId,
        subjectCode: v.subjectCode,
        din: v.din,
        coi: v.coi,
        verifiedBy: v.verifiedBy,
        secondVerifier: v.secondVerifier,
      },
    });
  }
  for (const i of infusions) {
    items.push({
      at: i.startedAt.toISOString(),
      kind: 'infusion',
      summary: `Infused ${i.carPositiveCells.toExponential(2)} CAR+ cells (${i.cellsPerKg.toExponential(2)} cells/kg)${i.location ? ` at ${i.location}` : ''}`,
      details: {
        shipmentId: i.shipmentId,
        din: i.din,
        startedAt: i.startedAt.toISOString(),
        endedAt: i.endedAt.toISOString(),
        carPositiveCells: i.carPositiveCells,
        cellsPerKg: i.cellsPerKg,
        weightKg: i.weightKg,
        volumeMl: i.volumeMl,
        location: i.location,
        recordedBy: i.recordedBy,
      },
    });
  }
  const shipment = shipments.at(-1);
  const batch = made.find((m) => m.batch.id === shipment?.batchId)?.batch ?? made.at(-1)?.batch;
  // The product could leave from its first certifying decision (a conditional release counts).
  const release = releases.filter((r) => r.batchId === batch?.id && CERTIFYING.includes(r.decision)).at(-1);
  const infusion = infusions.find((i) => i.shipmentId === shipment?.id);
  return {
    items,
    veinToVein: veinToVein({
      collection: collectedAt,
      manufacturing_started: batch?.startedAt.toISOString(),
      manufacturing_completed: batch?.completedAt?.toISOString(),
      release: release?.certifiedAt.toISOString(),
      shipment: shipment?.departedAt.toISOString(),
      receipt: shipment?.receivedAt?.toISOString(),
      infusion: infusion?.startedAt.toISOString(),
    }),
    // The custody event an infusion record wrote; the timeline shows the record instead of repeating it.
    infusedDins: new Map(infusions.map((i) => [i.din, i.startedAt.toISOString()])),
  };
}
