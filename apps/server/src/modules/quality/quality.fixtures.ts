/** Test builders for the quality-event tests: users of each role, batches, deviations driven through the API. */
import { expect } from 'vitest';
import { TEST_PASSWORD, type Harness, type TestUser } from '../../test/harness';
import { harnessForTests } from '../batches/batches.fixtures';
import { insertBatch, newRoom } from '../facility/facility.fixtures';

export { UNKNOWN, type Problem } from '../facility/facility.fixtures';
export type SignatureJson = { signer: string; meaning: string; valid: boolean; at: string };
export type DeviationJson = {
  id: string;
  number: string;
  status: string;
  severity: string;
  source: string;
  dueDate: string | null;
  overdue: boolean;
  owner: string | null;
  capaRequired: boolean | null;
  investigation: string | null;
  rootCause: string | null;
  rootCauseCategory: string | null;
  closedBy: string | null;
  conclusion: string | null;
  openedAt: string;
  batchIds: string[];
  batches: { id: string; batchNumber: string; impact: string | null; impactRationale: string | null; assessedBy: string | null }[];
  capas: { id: string; number: string }[];
  signatures: SignatureJson[];
};

export const signature = (meaning: string, password = TEST_PASSWORD) => ({ password, meaning });

export interface QualityPeople {
  qa: TestUser;
  qa2: TestUser;
  operator: TestUser;
  qc: TestUser;
  qp: TestUser;
  nurse: TestUser;
  director: TestUser;
}

export async function qualityPeople(h: Harness): Promise<QualityPeople> {
  return {
    qa: await h.createTestUser({ roles: ['qa'] }),
    qa2: await h.createTestUser({ roles: ['qa'] }),
    operator: await h.createTestUser({ roles: ['operator'] }),
    qc: await h.createTestUser({ roles: ['qc_analyst'] }),
    qp: await h.createTestUser({ roles: ['qp'] }),
    nurse: await h.createTestUser({ roles: ['nurse'] }),
    director: await h.createTestUser({ roles: ['director'] }),
  };
}

/** A harness and its quality people for the tests of a describe block (see harnessForTests). */
export function withQualityPeople(use: (world: { h: Harness; p: QualityPeople }) => void): void {
  harnessForTests({ people: qualityPeople, site: async () => undefined }, ({ h, c }) => use({ h, p: c }));
}

/** A room and `n` batches in it. */
export async function batchesInRoom(h: Harness, user: TestUser, n: number) {
  const room = await newRoom(h, user);
  const list = [];
  for (let i = 0; i < n; i += 1) list.push(await insertBatch(h, room.id, new Date()));
  return { room, batches: list };
}

/** A manual deviation reported through the API (201 asserted). */
export async function reportDeviation(h: Harness, user: TestUser, body: Record<string, unknown> = {}): Promise<DeviationJson> {
  const res = await h.request(user, 'POST', '/api/v1/deviations', {
    title: 'Gowning step skipped before entering grade B',
    description: 'An operator entered suite B-02 without the second glove change required by SOP-GMP-014.',
    severity: 'minor',
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<DeviationJson>();
}

/** Calls a route and asserts its status; returns the parsed body. */
export async function expectStatus<T>(h: Harness, user: TestUser | null, method: string, url: string, body: unknown, status: number): Promise<T> {
  const res = await h.request(user, method, url, body);
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
  return res.json<T>();
}
