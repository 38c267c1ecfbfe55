/**
 * What a certificate of analysis states, gathered from the database: the batch, the specification
 * version, each test with its method, acceptance criterion and *reviewed* result (a result awaiting
 * its second analyst prints as pending: only verified results are certified), the QA review and
 * the QP's decisions with their signatures. Frozen as JSON when a version is issued (coa.service.ts).
 */
import { describeCriterion } from '@hepatica/core';
import { eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { batches } from '../batches/batches.tables';
import { orders } from '../orders/orders.tables';
import { patients } from '../patients/patients.tables';
import { processes } from '../processes/processes.tables';
import { criterionOf } from '../qc/qc.criterion';
import { qcStatusOf } from '../qc/qc.status';
import { qcResults, specifications } from '../qc/qc.tables';
import { parseTests, type SpecTest } from '../qc/specifications.schema';
import { homeSite } from '../sites/sites.service';
import { releasesOf, reviewOf } from './release.views';

export type CoaConformity = 'conforms' | 'does_not_conform' | 'pending';

export interface CoaTest {
  code: string;
  name: string;
  method: string | null;
  criterion: string;
  /** The reviewed result as printed ("92.4 %", "pass"); null while pending. */
  result: string | null;
  conformity: CoaConformity;
  /** The result repeats an invalidated one (an OOS investigation found a laboratory error). */
  retest: boolean;
  testedBy: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
}

export interface CoaSignature {
  printedName: string;
  signer: string;
  meaning: string;
  at: string;
}

export interface CoaContent {
  siteName: string;
  timeZone: string;
  batch: {
    batchNumber: string;
    product: string;
    productType: string;
    process: string;
    din: string | null;
    coi: string | null;
    subjectCode: string | null;
    completedAt: string | null;
    /** The expiry the QP certified (absent on certificates issued before expiry was recorded). */
    expiresAt?: string;
  };
  specification: { product: string; version: number } | null;
  tests: CoaTest[];
  review: { reviewer: string; at: string; signatures: CoaSignature[] } | null;
  decisions: {
    decision: string;
    certifier: string;
    at: string;
    pendingTests: string[];
    exceptional: { requestedBy: string; requestedAt: string; text: string; justification: string } | null;
    signatures: CoaSignature[];
  }[];
}

export async function coaContentOf(db: Executor, batchId: string): Promise<CoaContent> {
  const site = await homeSite(db);
  const [header] = await db
    .select({ batch: batches, product: processes.product, productType: processes.productType, processCode: processes.code, processVersion: processes.version, coi: orders.coi, subjectCode: patients.subjectCode })
    .from(batches)
    .innerJoin(processes, eq(processes.id, batches.processId))
    .leftJoin(orders, eq(orders.id, batches.orderId))
    .leftJoin(patients, eq(patients.id, orders.patientId))
    .where(eq(batches.id, batchId));
  const b = header!.batch;
  const review = await reviewOf(db, batchId);
  const decisions = await releasesOf(db, batchId);
  const expiresAt = decisions.filter((d) => d.productExpiresAt).at(-1)?.productExpiresAt;
  const signaturesOf = (list: { signer: string; printedName: string; meaning: string; at: string }[]) => list.map(({ signer, printedName, meaning, at }) => ({ signer, printedName, meaning, at }));
  return {
    siteName: site.name,
    timeZone: site.timeZone,
    batch: {
      batchNumber: b.batchNumber,
      product: header!.product,
      productType: header!.productType,
      process: `${header!.processCode} v${header!.processVersion}`,
      din: b.din,
      coi: header!.coi,
      subjectCode: header!.subjectCode,
      completedAt: b.completedAt?.toISOString() ?? null,
      // Only when known, so certificates frozen before expiry was recorded still compare equal.
      ...(expiresAt ? { expiresAt } : {}),
    },
    ...(await testsOf(db, batchId)),
    review: review ? { reviewer: review.reviewer.name, at: review.reviewedAt, signatures: signaturesOf(review.signatures) } : null,
    decisions: decisions.map((d) => ({
      decision: d.decision,
      certifier: d.certifier.name,
      at: d.certifiedAt,
      pendingTests: d.pendingTests,
      exceptional: d.exceptional ? { ...d.exceptional.physicianRequest, justification: d.exceptional.justification } : null,
      signatures: signaturesOf(d.signatures),
    })),
  };
}

/** Each test of the batch's specification with its current reviewed result. */
async function testsOf(db: Executor, batchId: string): Promise<Pick<CoaContent, 'specification' | 'tests'>> {
  const status = await qcStatusOf(db, batchId);
  if (!status.specification) return { specification: null, tests: [] };
  const [spec] = await db.select().from(specifications).where(eq(specifications.id, status.specification.id));
  const defs = new Map(parseTests(spec!.tests).map((t) => [t.code, t]));
  const reviewedIds = status.tests.filter((t) => t.state === 'conforming' || t.state === 'non_conforming').map((t) => t.resultId!);
  const rows = reviewedIds.length ? await db.select().from(qcResults).where(inArray(qcResults.id, reviewedIds)) : [];
  const results = new Map(rows.map((r) => [r.testCode, r]));
  return {
    specification: { product: status.specification.product, version: status.specification.version },
    tests: status.tests.map((t) => {
      const def = defs.get(t.code)!;
      const r = results.get(t.code);
      return {
        code: t.code,
        name: t.name,
        method: def.method ?? null,
        criterion: describeCriterion(criterionOf(def)),
        result: r ? formatResult(def, r.value) : null,
        conformity: !r ? 'pending' : r.conforms ? 'conforms' : 'does_not_conform',
        retest: !!r?.retestOf,
        testedBy: r?.enteredBy ?? null,
        reviewedBy: r?.reviewedBy ?? null,
        reviewedAt: r?.reviewedAt?.toISOString() ?? null,
      };
    }),
  };
}

function formatResult(def: SpecTest, value: unknown): string {
  if (def.kind === 'numeric' && typeof value === 'number') return def.unit ? `${value} ${def.unit}` : String(value);
  if (def.kind === 'pass_fail') return value === 'pass' ? 'Pass' : 'Fail';
  return String(value as string);
}
