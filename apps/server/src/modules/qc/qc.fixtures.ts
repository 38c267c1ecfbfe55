/**
 * Test builders for QC: a QA pair that writes and approves specifications, two qualified analysts, an
 * unqualified one, and batch rows written straight into the batches table (the batches module makes
 * them for real; here only the product, the status and the DIN matter).
 */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { createHarness, TEST_PASSWORD, type Harness, type TestUser } from '../../test/harness';
import { batches, batchSteps } from '../batches/batches.tables';
import { processes } from '../processes/processes.tables';

export const UNKNOWN = '00000000-0000-4000-8000-000000000000';
export const sig = (meaning = 'Performed') => ({ password: TEST_PASSWORD, meaning });
export type Problem = { code: string; detail: string; params?: Record<string, unknown>; errors?: { path: string; message: string }[] };
export type SpecJson = { id: string; product: string; version: number; status: string; tests: { code: string; criterion: string; lateResultAllowed: boolean }[] };
export type ResultJson = { id: string; conforms: boolean; status: string; retestOf: string | null; oosInvestigationId: string | null; value: unknown; signatures: { meaning: string; valid: boolean }[] };

export interface QcCrew {
  h: Harness;
  qa: TestUser;
  qa2: TestUser;
  analyst: TestUser;
  reviewer: TestUser;
  untrained: TestUser;
  trainer: TestUser;
  operator: TestUser;
}

/** The QC method courses the tests name: flow cytometry and microbiology. */
export const COURSES = { flow: 'QCT-FLOW', micro: 'QCT-MICRO' };

export async function qcCrew(): Promise<QcCrew> {
  const h = await createHarness();
  const make = (role: 'qa' | 'qc_analyst' | 'trainer' | 'operator') => h.createTestUser({ roles: [role] });
  const c: QcCrew = { h, qa: await make('qa'), qa2: await make('qa'), analyst: await make('qc_analyst'), reviewer: await make('qc_analyst'), untrained: await make('qc_analyst'), trainer: await make('trainer'), operator: await make('operator') };
  const achievedAt = new Date(Date.now() - 86_400_000).toISOString();
  for (const code of Object.values(COURSES)) {
    const course = await h.request(c.trainer, 'POST', '/api/v1/training/courses', { code, title: code, category: 'qc_methods', validityMonths: 12 });
    expect(course.statusCode, course.body).toBe(201);
    for (const user of [c.analyst, c.reviewer]) {
      const q = await h.request(c.trainer, 'POST', '/api/v1/training/qualifications', { userId: user.id, courseId: course.json<{ id: string }>().id, achievedAt });
      expect(q.statusCode, q.body).toBe(201);
    }
  }
  return c;
}

/** A CAR-T-like specification: viability ≥ 70 %, endotoxin < 0.5 EU/mL, sterility (late), karyotype, appearance (report only). */
export function specTests() {
  return [
    { code: 'VIAB', name: 'Viability', kind: 'numeric', unit: '%', min: 70, method: '7-AAD flow', qualification: COURSES.flow },
    { code: 'ENDO', name: 'Endotoxin', kind: 'numeric', unit: 'EU/mL', max: 0.5, maxInclusive: false, method: 'LAL', qualification: COURSES.micro },
    { code: 'STERILITY', name: 'Sterility', kind: 'pass_fail', method: 'Ph. Eur. 2.6.27', lateResultAllowed: true, qualification: COURSES.micro },
    { code: 'KARYO', name: 'Karyotype', kind: 'text', acceptable: ['46,XX', '46,XY'], method: 'G-banding', qualification: COURSES.flow },
    { code: 'APPEAR', name: 'Appearance', kind: 'text', method: 'Visual' },
  ];
}

let seq = 0;
export const nextProduct = () => `Test product ${++seq}-${randomUUID().slice(0, 6)}`;

/** A draft by qa, approved by qa2: effective. */
export async function effectiveSpec(c: QcCrew, product: string, tests: unknown[] = specTests(), shelfLifeDays: number | null = 270): Promise<SpecJson> {
  const res = await c.h.request(c.qa, 'POST', '/api/v1/specifications', { product, tests, ...(shelfLifeDays === null ? {} : { shelfLifeDays }) });
  expect(res.statusCode, res.body).toBe(201);
  const ok = await c.h.request(c.qa2, 'POST', `/api/v1/specifications/${res.json<SpecJson>().id}/approve`, { signature: sig('Approved') });
  expect(ok.statusCode, ok.body).toBe(200);
  return ok.json<SpecJson>();
}

/** A batch of `product` with two steps (the first done), completed unless told otherwise, with a DIN. */
export async function insertBatch(c: QcCrew, product: string, status: 'in_progress' | 'completed' | 'aborted' = 'completed') {
  const db = c.h.database.db;
  seq += 1;
  const [p] = await db
    .insert(processes)
    .values({ code: `QCT-${seq}-${randomUUID().slice(0, 4).toUpperCase()}`, version: 1, name: 'Test process', product, productType: 'allogeneic', status: 'effective', steps: [] })
    .returning();
  const din = `A999926${String(500000 + seq).padStart(6, '0')}`;
  const [b] = await db
    .insert(batches)
    .values({ batchNumber: `B-QCT-${String(seq).padStart(4, '0')}-${randomUUID().slice(0, 4)}`, processId: p!.id, roomId: randomUUID(), din, status, startedAt: new Date(Date.now() - 3 * 86_400_000), completedAt: status === 'completed' ? new Date() : null })
    .returning();
  await db.insert(batchSteps).values([
    { batchId: b!.id, index: 1, status: 'completed' },
    { batchId: b!.id, index: 2, status: status === 'completed' ? 'completed' : 'pending' },
  ]);
  return b!;
}

export function enter(c: QcCrew, user: TestUser, batchId: string, body: Record<string, unknown>) {
  return c.h.request(user, 'POST', `/api/v1/batches/${batchId}/qc-results`, { signature: sig(), ...body });
}

export async function entered(c: QcCrew, user: TestUser, batchId: string, testCode: string, value: unknown): Promise<ResultJson> {
  const res = await enter(c, user, batchId, { testCode, value });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<ResultJson>();
}

export function review(c: QcCrew, user: TestUser, batchId: string, resultId: string) {
  return c.h.request(user, 'POST', `/api/v1/batches/${batchId}/qc-results/${resultId}/review`, { signature: sig('Reviewed') });
}

export async function reviewed(c: QcCrew, batchId: string, resultId: string): Promise<ResultJson> {
  const res = await review(c, c.reviewer, batchId, resultId);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ResultJson>();
}
