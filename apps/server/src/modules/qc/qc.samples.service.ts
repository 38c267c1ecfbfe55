/**
 * QC samples drawn from a batch: in-process samples once the step they belong to is done, final
 * product samples once the batch is complete. Each gets a number after its batch (B-2026-0001-S01)
 * and a label carrying the batch's DIN, so the sample keeps the product's chain of identity.
 */
import { parseDin } from '@hepatica/core';
import { and, asc, eq } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client';
import { requireUserActor } from '../../platform/context';
import { conflict, notFound, unprocessable } from '../../platform/errors';
import { write } from '../../platform/write';
import { batches, batchSteps } from '../batches/batches.tables';
import { processes } from '../processes/processes.tables';
import { homeSite } from '../sites/sites.service';
import { renderSampleLabel } from './sample.label';
import type { SampleView } from './qc.schema';
import { specificationOfBatch } from './qc.status';
import { QC_ENTITIES, qcSamples } from './qc.tables';
import { parseTests } from './specifications.schema';

export type SampleRow = typeof qcSamples.$inferSelect;

export interface NewSample {
  name: string;
  testCodes: string[];
  stepIndex?: number | undefined;
}

export function sampleView(s: SampleRow): SampleView {
  return {
    id: s.id,
    sampleNumber: s.sampleNumber,
    batchId: s.batchId,
    name: s.name,
    testCodes: s.testCodes as string[],
    stepIndex: s.stepIndex,
    takenBy: s.takenBy,
    takenAt: s.takenAt.toISOString(),
  };
}

export async function samplesOfBatch(db: Executor, batchId: string): Promise<SampleRow[]> {
  return db.select().from(qcSamples).where(eq(qcSamples.batchId, batchId)).orderBy(asc(qcSamples.sampleNumber));
}

export async function getSample(db: Executor, id: string): Promise<SampleRow> {
  const [row] = await db.select().from(qcSamples).where(eq(qcSamples.id, id));
  if (!row) throw notFound('QC sample');
  return row;
}

/** 422 naming each test code that is not in the batch's specification (409 when there is none). */
async function assertTestsOfSpecification(db: Executor, batchId: string, codes: string[]): Promise<void> {
  const spec = await specificationOfBatch(db, batchId);
  if (!spec) {
    throw conflict('This product has no effective specification yet; QA must approve one before samples can be drawn for its tests.', {
      code: 'qc.no_effective_specification',
    });
  }
  const known = new Set(parseTests(spec.tests).map((t) => t.code));
  const errors = codes.flatMap((c, i) => (known.has(c) ? [] : [{ path: `body.testCodes.${i}`, message: `${c} is not a test of this specification` }]));
  if (errors.length) {
    throw unprocessable(`Some tests are not in ${spec.product} specification version ${spec.version}; choose tests of that specification.`, {
      code: 'qc.unknown_test',
      params: { test: codes.filter((c) => !known.has(c)).join(', '), product: spec.product, version: spec.version },
      errors,
    });
  }
}

/** Refuses a sample the batch cannot give yet: an in-process step not done, or a final sample before completion. */
async function assertSampleable(db: Executor, batch: typeof batches.$inferSelect, stepIndex: number | undefined): Promise<void> {
  if (batch.status === 'aborted') {
    throw conflict(`Batch ${batch.batchNumber} was aborted; no samples are drawn from it.`, { code: 'qc.batch_aborted', params: { batchNumber: batch.batchNumber } });
  }
  if (stepIndex === undefined) {
    if (batch.status !== 'in_progress') return;
    throw conflict(`Batch ${batch.batchNumber} is still in progress; draw final product samples once its last step is done, or name the in-process step.`, {
      code: 'qc.batch_not_completed',
      params: { batchNumber: batch.batchNumber },
    });
  }
  const [step] = await db.select().from(batchSteps).where(and(eq(batchSteps.batchId, batch.id), eq(batchSteps.index, stepIndex)));
  if (step?.status === 'completed') return;
  throw conflict(`Step ${stepIndex} of batch ${batch.batchNumber} is ${step ? 'not done yet' : 'not a step of this batch'}; an in-process sample is drawn when its step is done.`, {
    code: 'qc.sample_step_not_done',
    params: { batchNumber: batch.batchNumber, step: stepIndex },
  });
}

export async function drawSample(db: Db, batchId: string, input: NewSample): Promise<SampleRow> {
  const actor = requireUserActor();
  const codes = [...new Set(input.testCodes)];
  await assertTestsOfSpecification(db, batchId, codes);
  return write(db, async (w) => {
    const batch = await w.lockById(batches, batchId, 'Batch');
    await assertSampleable(w.tx, batch, input.stepIndex);
    const count = (await samplesOfBatch(w.tx, batchId)).length;
    return w.insert(qcSamples, QC_ENTITIES.sample, {
      sampleNumber: `${batch.batchNumber}-S${String(count + 1).padStart(2, '0')}`,
      batchId,
      name: input.name,
      testCodes: codes,
      stepIndex: input.stepIndex ?? null,
      takenBy: actor.username,
      takenAt: new Date(),
    });
  });
}

/** The sample's label PDF; 409 when the batch has no DIN (batches started before DINs were assigned). */
export async function sampleLabelPdf(db: Executor, id: string): Promise<{ filename: string; buffer: Buffer }> {
  const sample = await getSample(db, id);
  const [row] = await db
    .select({ batch: batches, product: processes.product })
    .from(batches)
    .innerJoin(processes, eq(processes.id, batches.processId))
    .where(eq(batches.id, sample.batchId));
  const batch = row!.batch;
  if (!batch.din) {
    throw conflict(`Batch ${batch.batchNumber} has no DIN, so its samples cannot be labelled with one.`, {
      code: 'qc.batch_without_din',
      params: { batchNumber: batch.batchNumber },
    });
  }
  const site = await homeSite(db);
  const buffer = await renderSampleLabel({
    sampleNumber: sample.sampleNumber,
    din: batch.din,
    checkCharacter: parseDin(batch.din).checkCharacter,
    batchNumber: batch.batchNumber,
    product: row!.product,
    sampleName: sample.name,
    tests: sample.testCodes as string[],
    takenAt: sample.takenAt,
    timeZone: site.timeZone,
  });
  return { filename: `${sample.sampleNumber}.pdf`, buffer };
}
