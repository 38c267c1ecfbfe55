/** What the QC screens read: one batch's QC file, and the worklist of batches with QC work to do. */
import { asc, desc, eq, inArray, notInArray } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { signaturesOf } from '../../platform/signatures';
import { batches } from '../batches/batches.tables';
import { processes } from '../processes/processes.tables';
import { listInvestigations, oosViews } from './qc.oos.service';
import { RESULT_ENTITY, resultsOfBatch, signedResult, type ResultRow } from './qc.results.service';
import { sampleView, samplesOfBatch } from './qc.samples.service';
import type { ResultView, WorklistItem } from './qc.schema';
import { qcStatusOf } from './qc.status';
import { oosInvestigations } from './qc.tables';
import { getSpecification, specificationView } from './specifications.service';

async function batchHeader(db: Executor, batchId: string) {
  const [row] = await db
    .select({ batch: batches, product: processes.product })
    .from(batches)
    .innerJoin(processes, eq(processes.id, batches.processId))
    .where(eq(batches.id, batchId));
  return row ?? null;
}

export async function resultViews(db: Executor, rows: ResultRow[], names: Map<string, string>, samples: Map<string, string>): Promise<ResultView[]> {
  const oos = rows.length ? await db.select({ id: oosInvestigations.id, resultId: oosInvestigations.resultId }).from(oosInvestigations).where(inArray(oosInvestigations.resultId, rows.map((r) => r.id))) : [];
  const oosOf = new Map(oos.map((o) => [o.resultId, o.id]));
  return Promise.all(
    rows.map(async (r) => ({
      id: r.id,
      batchId: r.batchId,
      specificationId: r.specificationId,
      testCode: r.testCode,
      testName: names.get(r.testCode) ?? r.testCode,
      sampleId: r.sampleId,
      sampleNumber: r.sampleId ? (samples.get(r.sampleId) ?? null) : null,
      value: r.value as ResultView['value'],
      conforms: r.conforms,
      reportOnly: r.reportOnly,
      status: r.status as ResultView['status'],
      retestOf: r.retestOf,
      enteredBy: r.enteredBy,
      enteredAt: r.enteredAt.toISOString(),
      reviewedBy: r.reviewedBy,
      reviewedAt: r.reviewedAt?.toISOString() ?? null,
      oosInvestigationId: oosOf.get(r.id) ?? null,
      signatures: await signaturesOf(db, RESULT_ENTITY, r.id, signedResult(r)),
    })),
  );
}

/** One result as the API returns it after entry or review. */
export async function resultView(db: Executor, row: ResultRow): Promise<ResultView> {
  const spec = await getSpecification(db, row.specificationId);
  const samples = await samplesOfBatch(db, row.batchId);
  const [view] = await resultViews(db, [row], new Map(spec.tests.map((t) => [t.code, t.name])), new Map(samples.map((s) => [s.id, s.sampleNumber])));
  return view!;
}

/** The batch's QC file: status, specification, every result (invalidated ones too), samples, OOS. 404 for an unknown batch. */
export async function batchQcView(db: Executor, batchId: string) {
  const status = await qcStatusOf(db, batchId);
  const header = (await batchHeader(db, batchId))!;
  const spec = status.specification ? await getSpecification(db, status.specification.id) : null;
  const samples = await samplesOfBatch(db, batchId);
  const results = await resultViews(
    db,
    await resultsOfBatch(db, batchId),
    new Map((spec?.tests ?? []).map((t) => [t.code, t.name])),
    new Map(samples.map((s) => [s.id, s.sampleNumber])),
  );
  return {
    batch: {
      id: header.batch.id,
      batchNumber: header.batch.batchNumber,
      product: header.product,
      din: header.batch.din ?? null,
      status: header.batch.status,
      completedAt: header.batch.completedAt?.toISOString() ?? null,
    },
    status,
    specification: spec ? await specificationView(db, spec) : null,
    results,
    samples: samples.map(sampleView),
    investigations: await oosViews(db, await listInvestigations(db, { batchId })),
  };
}

/** Batches never tested (aborted) or finally refused (rejected) drop out of the worklist. */
const OFF_WORKLIST = ['aborted', 'rejected'];
const WORKLIST_SIZE = 200;

/**
 * Batches with QC work to do: a sample drawn or the batch complete with results missing, results
 * awaiting review, an OOS investigation open, or late results still due after release.
 */
export async function qcWorklist(db: Executor): Promise<WorklistItem[]> {
  const rows = await db
    .select({ batch: batches, product: processes.product })
    .from(batches)
    .innerJoin(processes, eq(processes.id, batches.processId))
    .where(notInArray(batches.status, OFF_WORKLIST))
    .orderBy(desc(batches.startedAt), asc(batches.batchNumber))
    .limit(WORKLIST_SIZE);
  const open = await listInvestigations(db);
  const items = await Promise.all(
    rows.map(async ({ batch, product }) => {
      const status = await qcStatusOf(db, batch.id);
      const count = (state: string) => status.tests.filter((t) => t.state === state && !status.pendingLate.includes(t.code)).length;
      return {
        batchId: batch.id,
        batchNumber: batch.batchNumber,
        product,
        din: batch.din ?? null,
        batchStatus: batch.status,
        startedAt: batch.startedAt.toISOString(),
        completedAt: batch.completedAt?.toISOString() ?? null,
        specificationVersion: status.specification?.version ?? null,
        samples: (await samplesOfBatch(db, batch.id)).length,
        missing: count('missing'),
        awaitingReview: status.tests.filter((t) => t.state === 'awaiting_review').length,
        nonConforming: status.outOfSpecification.length,
        pendingLate: status.pendingLate.length,
        openInvestigations: open.filter((o) => o.batchId === batch.id && o.status !== 'closed').length,
        complete: status.complete,
      };
    }),
  );
  // Results are due from a batch once it is complete, or earlier for the samples already drawn from it.
  const due = (i: WorklistItem) => i.batchStatus !== 'in_progress' || i.samples > 0;
  return items.filter((i) => i.awaitingReview || i.openInvestigations || ((i.missing || i.pendingLate) && due(i)));
}
