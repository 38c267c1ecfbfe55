/**
 * Where a batch stands in QC, for the worklist, the release checklist and the certificate of
 * analysis. The batch is tested against one specification: the one its first result was entered
 * against (a specification superseded mid-testing does not move the goalposts), or, before any
 * result, the product's effective specification.
 *
 * The current result of a test is its latest one (a retest comes after the result it repeats);
 * earlier results stay stored and visible, they just no longer decide the state.
 */
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { notFound } from '../../platform/errors';
import { batches } from '../batches/batches.tables';
import { processes } from '../processes/processes.tables';
import { parseTests, type SpecTest } from './specifications.schema';
import { qcResults, specifications } from './qc.tables';

export interface QcTestStatus {
  code: string;
  name: string;
  lateResultAllowed: boolean;
  state: 'missing' | 'awaiting_review' | 'conforming' | 'non_conforming';
  resultId: string | null;
}

export interface QcStatus {
  specification: { id: string; product: string; version: number; shelfLifeDays: number | null } | null;
  tests: QcTestStatus[];
  /** every test that is not lateResultAllowed has a reviewed, conforming current result */
  complete: boolean;
  /** codes of tests whose current reviewed result does not conform */
  outOfSpecification: string[];
  /** codes of lateResultAllowed tests still without a reviewed result */
  pendingLate: string[];
}

type SpecificationRow = typeof specifications.$inferSelect;
type ResultRow = typeof qcResults.$inferSelect;

/** The QC status of a batch; 404 when there is no such batch. */
export async function qcStatusOf(db: Executor, batchId: string): Promise<QcStatus> {
  const spec = await specificationOfBatch(db, batchId);
  if (!spec) return { specification: null, tests: [], complete: false, outOfSpecification: [], pendingLate: [] };
  const results = await db
    .select()
    .from(qcResults)
    .where(and(eq(qcResults.batchId, batchId), eq(qcResults.specificationId, spec.id)))
    .orderBy(asc(qcResults.enteredAt), asc(qcResults.createdAt));
  const tests = parseTests(spec.tests).map((t) => testStatus(t, currentResult(results, t.code)));
  const reviewed = (t: QcTestStatus) => t.state === 'conforming' || t.state === 'non_conforming';
  return {
    specification: { id: spec.id, product: spec.product, version: spec.version, shelfLifeDays: spec.shelfLifeDays },
    tests,
    complete: tests.every((t) => t.lateResultAllowed || t.state === 'conforming'),
    outOfSpecification: tests.filter((t) => t.state === 'non_conforming').map((t) => t.code),
    pendingLate: tests.filter((t) => t.lateResultAllowed && !reviewed(t)).map((t) => t.code),
  };
}

/** The latest result of a test (results come oldest first). */
export function currentResult(results: ResultRow[], testCode: string): ResultRow | null {
  return results.filter((r) => r.testCode === testCode).at(-1) ?? null;
}

function testStatus(test: SpecTest, result: ResultRow | null): QcTestStatus {
  const base = { code: test.code, name: test.name, lateResultAllowed: test.lateResultAllowed };
  // An invalidated result (laboratory error) counts as no result: the test must be repeated.
  if (!result || result.status === 'invalidated') return { ...base, state: 'missing', resultId: result?.id ?? null };
  if (result.status === 'awaiting_review') return { ...base, state: 'awaiting_review', resultId: result.id };
  return { ...base, state: result.conforms ? 'conforming' : 'non_conforming', resultId: result.id };
}

/**
 * The specification a batch is tested against: the one of its first result, else the effective
 * specification of the product its master batch record makes, else null.
 */
export async function specificationOfBatch(db: Executor, batchId: string): Promise<SpecificationRow | null> {
  const [batch] = await db
    .select({ product: processes.product })
    .from(batches)
    .innerJoin(processes, eq(processes.id, batches.processId))
    .where(eq(batches.id, batchId));
  if (!batch) throw notFound('Batch');
  const [first] = await db
    .select({ spec: specifications })
    .from(qcResults)
    .innerJoin(specifications, eq(specifications.id, qcResults.specificationId))
    .where(eq(qcResults.batchId, batchId))
    .orderBy(asc(qcResults.enteredAt))
    .limit(1);
  if (first) return first.spec;
  return effectiveSpecification(db, batch.product);
}

/** The product's effective specification, or null. */
export async function effectiveSpecification(db: Executor, product: string): Promise<SpecificationRow | null> {
  const [row] = await db
    .select()
    .from(specifications)
    .where(and(eq(specifications.product, product), eq(specifications.status, 'effective')))
    .orderBy(desc(specifications.version))
    .limit(1);
  return row ?? null;
}
