/**
 * QC results: entered and signed by an analyst qualified for the test, reviewed and signed by a
 * second analyst. Conformity is computed from the specification (@hepatica/core), never typed in.
 * A result is never overwritten: a non-conforming one opens an OOS investigation, and when that
 * finds a laboratory error the result is invalidated and a retest is a new result linked to it.
 */
import { evaluateConformity, type ResultValue, type WrongKind } from '@hepatica/core';
import { and, asc, eq } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client';
import { requireUserActor } from '../../platform/context';
import { conflict, notFound, unprocessable } from '../../platform/errors';
import { sign, type SignatureInput } from '../../platform/signatures';
import { write, type Writer } from '../../platform/write';
import { batches } from '../batches/batches.tables';
import { afterReviewedNonConformingResult } from '../release/release.duties';
import { requireQualification } from '../training/training.gate';
import { criterionOf } from './qc.criterion';
import { openInvestigation } from './qc.oos.service';
import { currentResult, specificationOfBatch } from './qc.status';
import { QC_ENTITIES, qcResults, qcSamples } from './qc.tables';
import { parseTests, type SpecTest } from './specifications.schema';

export type ResultRow = typeof qcResults.$inferSelect;
export const RESULT_ENTITY = QC_ENTITIES.result;

export interface NewResult {
  testCode: string;
  value: ResultValue;
  signature: SignatureInput;
  sampleId?: string | undefined;
}

/** What the analyst's and the reviewer's signatures vouch for: the value of this test on this batch. */
export function signedResult(r: Pick<ResultRow, 'batchId' | 'specificationId' | 'testCode' | 'sampleId' | 'value' | 'retestOf'>) {
  return { batchId: r.batchId, specificationId: r.specificationId, testCode: r.testCode, sampleId: r.sampleId, value: r.value, retestOf: r.retestOf };
}

export async function resultsOfBatch(db: Executor, batchId: string): Promise<ResultRow[]> {
  return db.select().from(qcResults).where(eq(qcResults.batchId, batchId)).orderBy(asc(qcResults.enteredAt), asc(qcResults.createdAt));
}

async function getResult(db: Executor, batchId: string, id: string): Promise<ResultRow> {
  const [row] = await db.select().from(qcResults).where(and(eq(qcResults.id, id), eq(qcResults.batchId, batchId)));
  if (!row) throw notFound('QC result');
  return row;
}

const EXPECTED: Record<WrongKind, string> = {
  expected_number: 'a number',
  expected_pass_fail: '"pass" or "fail"',
  expected_text: 'text',
};

/** The batch's specification test for a code: 409 when the product has no effective specification, 422 for an unknown code. */
async function testOf(db: Executor, batchId: string, testCode: string) {
  const spec = await specificationOfBatch(db, batchId);
  if (!spec) {
    throw conflict('This product has no effective specification yet; QA must approve one before results can be entered.', {
      code: 'qc.no_effective_specification',
    });
  }
  const test = parseTests(spec.tests).find((t) => t.code === testCode);
  if (!test) {
    throw unprocessable(`Test ${testCode} is not in ${spec.product} specification version ${spec.version}; choose one of its tests.`, {
      code: 'qc.unknown_test',
      params: { test: testCode, product: spec.product, version: spec.version },
      errors: [{ path: 'body.testCode', message: 'Not a test of this specification' }],
    });
  }
  return { spec, test };
}

/** People may enter and review results only for tests they hold a valid qualification for. */
async function requireQualifiedFor(db: Executor, test: SpecTest, userId: string): Promise<void> {
  if (test.qualification) await requireQualification(db, { userId, competency: test.qualification, at: new Date() });
}

async function assertBatchTestable(w: Writer, batchId: string): Promise<typeof batches.$inferSelect> {
  const batch = await w.lockById(batches, batchId, 'Batch');
  if (batch.status === 'aborted') {
    throw conflict(`Batch ${batch.batchNumber} was aborted; its product is not tested.`, { code: 'qc.batch_aborted', params: { batchNumber: batch.batchNumber } });
  }
  return batch;
}

async function assertSampleOfBatch(db: Executor, batchId: string, sampleId: string | undefined, testCode: string): Promise<void> {
  if (!sampleId) return;
  const [sample] = await db.select().from(qcSamples).where(eq(qcSamples.id, sampleId));
  if (sample?.batchId === batchId && (sample.testCodes as string[]).includes(testCode)) return;
  throw unprocessable('The scanned sample is not a sample of this batch for this test; scan the right sample label.', {
    code: 'qc.sample_mismatch',
    params: { test: testCode },
    errors: [{ path: 'body.sampleId', message: 'Not a sample of this batch for this test' }],
  });
}

/**
 * Records a signed result. A test whose current result still stands is refused (409
 * `qc.result_exists`): a result is only repeated after an OOS investigation invalidated it.
 */
export async function enterResult(db: Db, batchId: string, input: NewResult): Promise<{ result: ResultRow; oosInvestigationId: string | null }> {
  const actor = requireUserActor();
  const { spec, test } = await testOf(db, batchId, input.testCode);
  const conformity = evaluateConformity(criterionOf(test), input.value);
  if (!conformity.valid) {
    throw unprocessable(`${test.name} takes ${EXPECTED[conformity.problem]} as its result.`, {
      code: `qc.${conformity.problem}`,
      params: { test: test.code },
      errors: [{ path: 'body.value', message: `Enter ${EXPECTED[conformity.problem]}` }],
    });
  }
  await requireQualifiedFor(db, test, actor.id);
  await assertSampleOfBatch(db, batchId, input.sampleId, test.code);
  return write(db, async (w) => {
    const batch = await assertBatchTestable(w, batchId);
    const previous = currentResult(await resultsOfBatch(w.tx, batchId), test.code);
    if (previous && previous.status !== 'invalidated') {
      throw conflict(`${test.name} already has a result for batch ${batch.batchNumber}; a result is repeated only after an OOS investigation invalidates it.`, {
        code: 'qc.result_exists',
        params: { test: test.code, batchNumber: batch.batchNumber },
      });
    }
    const result = await w.insert(qcResults, RESULT_ENTITY, {
      batchId,
      specificationId: spec.id,
      testCode: test.code,
      sampleId: input.sampleId ?? null,
      value: input.value,
      conforms: conformity.conforms,
      reportOnly: conformity.reportOnly,
      status: 'awaiting_review',
      retestOf: previous?.id ?? null,
      enteredById: actor.id,
      enteredBy: actor.username,
      enteredAt: new Date(),
    });
    await sign(w, input.signature, RESULT_ENTITY, result.id, signedResult(result));
    const oos = conformity.conforms ? null : await openInvestigation(w, result);
    return { result, oosInvestigationId: oos?.id ?? null };
  });
}

/**
 * The second analyst's review: refused to the analyst who entered the result and to anyone not
 * qualified for the test. A reviewed non-conforming result is passed to release (a conditionally
 * released batch owes the treating physician a notification) in the same transaction.
 */
export async function reviewResult(db: Db, batchId: string, resultId: string, signature: SignatureInput): Promise<ResultRow> {
  const actor = requireUserActor();
  const found = await getResult(db, batchId, resultId);
  const { test } = await testOf(db, batchId, found.testCode);
  if (found.enteredById === actor.id) {
    throw conflict('You entered this result, so you cannot review it; a second analyst must review it.', {
      code: 'qc.reviewer_is_analyst',
      params: { test: found.testCode },
    });
  }
  await requireQualifiedFor(db, test, actor.id);
  return write(db, async (w) => {
    const result = await w.lockById(qcResults, resultId, 'QC result');
    if (result.status !== 'awaiting_review') {
      throw conflict(`This ${result.testCode} result is ${result.status.replace('_', ' ')}; only a result awaiting review can be reviewed.`, {
        code: 'qc.not_awaiting_review',
        params: { test: result.testCode, status: result.status },
      });
    }
    await sign(w, signature, RESULT_ENTITY, resultId, signedResult(result));
    const reviewed = await w.update(
      qcResults,
      RESULT_ENTITY,
      resultId,
      { status: 'reviewed', reviewedById: actor.id, reviewedBy: actor.username, reviewedAt: new Date() },
      `Reviewed: ${signature.meaning}`,
      'review',
    );
    if (!reviewed.conforms) await afterReviewedNonConformingResult(w, { batchId, resultId, testCode: reviewed.testCode });
    return reviewed;
  });
}
