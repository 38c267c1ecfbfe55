/**
 * Test builders for review and release, through the API as people would do it: a completed CAR-T
 * batch (from the batch fixtures), a specification approved by a second QA reviewer, results entered
 * by one analyst and reviewed by another, the QA review and the QP's decision.
 */
import { expect } from 'vitest';
import { TEST_PASSWORD, type Harness, type TestUser } from '../../test/harness';
import { crew, done, harnessForTests, lot, plant, startCart, unit, type Crew, type Plant } from '../batches/batches.fixtures';

export const sig = (meaning?: string) => ({ password: TEST_PASSWORD, ...(meaning ? { meaning } : {}) });

/** The batch crew plus QC analysts, a second QP, a physician, and one person who is both QA and QP. */
export interface ReleaseCrew extends Crew {
  analyst: TestUser;
  analyst2: TestUser;
  qp2: TestUser;
  physician: TestUser;
  physician2: TestUser;
  qaQp: TestUser;
  director: TestUser;
}

export async function releaseCrew(h: Harness): Promise<ReleaseCrew> {
  return {
    ...(await crew(h)),
    analyst: await h.createTestUser({ roles: ['qc_analyst'] }),
    analyst2: await h.createTestUser({ roles: ['qc_analyst'] }),
    qp2: await h.createTestUser({ roles: ['qp'] }),
    physician: await h.createTestUser({ roles: ['physician'] }),
    physician2: await h.createTestUser({ roles: ['physician'] }),
    qaQp: await h.createTestUser({ roles: ['qa', 'qp'] }),
    director: await h.createTestUser({ roles: ['director'] }),
  };
}

/** The release crew and the plant with its effective specification, for the tests of a describe block. */
export const withReleasePlant = (use: (world: { h: Harness; c: ReleaseCrew; p: Plant }) => void) =>
  harnessForTests({ people: releaseCrew, site: releasePlant }, use);

/** CAR-T tests (a subset of the demo specification): sterility may come after release. */
export const CART_TESTS = [
  { code: 'VIAB', name: 'Viability', kind: 'numeric', method: 'Flow cytometry, 7-AAD exclusion', unit: '%', min: 70 },
  { code: 'VCN', name: 'Vector copy number', kind: 'numeric', method: 'ddPCR', unit: 'copies/cell', max: 5 },
  { code: 'STERILITY', name: 'Sterility (14 days)', kind: 'pass_fail', method: 'Ph. Eur. 2.6.1', lateResultAllowed: true },
];

/** The plant with an effective specification for its CAR-T product. */
export async function releasePlant(h: Harness, c: ReleaseCrew): Promise<Plant> {
  const p = await plant(h, c);
  const spec = await h.request(c.qa, 'POST', '/api/v1/specifications', { product: 'Test autologous product', tests: CART_TESTS, shelfLifeDays: 270 });
  expect(spec.statusCode, spec.body).toBe(201);
  const ok = await h.request(c.qa2, 'POST', `/api/v1/specifications/${spec.json<{ id: string }>().id}/approve`, { signature: sig('Approved') });
  expect(ok.statusCode, ok.body).toBe(200);
  return p;
}

/** A CAR-T batch with every step done and no deviation. */
export async function completedCart(h: Harness, c: ReleaseCrew, p: Plant) {
  const started = await startCart(h, c, p);
  const id = started.batch.id;
  const cabinet = await unit(h, c, 'biosafety_cabinet');
  await done(h, c.operator, id, 0, { values: { bagTemperature: 4, labelMatches: true } });
  await done(h, c.operator, id, 1, { values: { viability: 88 }, materialLots: [{ lotId: (await lot(h, c, p.materials.cd3)).id, quantity: 1 }], equipment: [cabinet.id] });
  await done(h, c.operator, id, 2, { values: { moi: 5 }, materialLots: [{ lotId: (await lot(h, c, p.materials.lvv)).id, quantity: 2 }], witness: { username: c.operator2.username, password: TEST_PASSWORD } });
  const last = await done(h, c.operator, id, 3, { values: {}, materialLots: [(await lot(h, c, p.materials.cs10)).id] });
  expect(last.status).toBe('completed');
  return { ...started, batch: last };
}

/** Enters a result (analyst) and has it reviewed (analyst2); returns the result id. */
export async function result(h: Harness, c: ReleaseCrew, batchId: string, testCode: string, value: number | string): Promise<string> {
  const entered = await h.request(c.analyst, 'POST', `/api/v1/batches/${batchId}/qc-results`, { testCode, value, signature: sig('Performed') });
  expect(entered.statusCode, entered.body).toBe(201);
  const id = entered.json<{ id: string }>().id;
  const reviewed = await h.request(c.analyst2, 'POST', `/api/v1/batches/${batchId}/qc-results/${id}/review`, { signature: sig('Reviewed') });
  expect(reviewed.statusCode, reviewed.body).toBe(200);
  return id;
}

/** Every test that must be in before release, conforming. */
export async function conformingResults(h: Harness, c: ReleaseCrew, batchId: string): Promise<void> {
  await result(h, c, batchId, 'VIAB', 91.2);
  await result(h, c, batchId, 'VCN', 2.1);
}

export async function review(h: Harness, reviewer: TestUser, batchId: string) {
  const res = await h.request(reviewer, 'POST', `/api/v1/batches/${batchId}/review`, { signature: sig(), comment: 'Record complete; no deviation.' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>();
}

export function certify(h: Harness, qp: TestUser, batchId: string, body: Record<string, unknown>) {
  return h.request(qp, 'POST', `/api/v1/batches/${batchId}/release`, { signature: sig(), ...body });
}

export type Blocker = { code: string; params: Record<string, string | number>; message: string };
export type ReleaseProblem = { code: string; detail: string; params: Record<string, string | number>; blockers: Blocker[]; errors?: { path: string }[] };
