/**
 * Test builders for batch execution, through the API as people would do it: a QA pair writes and
 * approves a process, the operator receives materials that QA releases, registers equipment, and
 * the trainer qualifies the operators. Each builder returns what the tests need to scan.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { createCollection, createOrder, flowActors, type FlowActors } from '../../test/fixtures';
import { createHarness, TEST_PASSWORD, type Harness, type TestUser } from '../../test/harness';
import { newRoom } from '../facility/facility.fixtures';

export const UNKNOWN = '00000000-0000-4000-8000-000000000000';
export type Problem = { code: string; detail: string; params?: Record<string, unknown>; errors?: { path: string; message: string }[] };
export type Signature = { signer: string; printedName: string; meaning: string; valid: boolean };
export type StepJson = {
  index: number;
  number: number;
  title: string;
  status: string;
  values: Record<string, unknown> | null;
  outOfRange: string[];
  materialLots: { lotId: string; lotNumber: string; materialCode: string; quantity: number }[];
  equipment: { id: string; code: string }[];
  performedBy: string | null;
  witnessedBy: string | null;
  signatures: Signature[];
};
export type BatchJson = {
  id: string;
  batchNumber: string;
  status: string;
  orderId: string | null;
  coi: string | null;
  subjectCode: string | null;
  din: string | null;
  dinCheckCharacter: string | null;
  roomId: string;
  roomCode: string;
  completedAt: string | null;
  nextStep: number | null;
  steps: StepJson[];
  outputLots: { id: string; lotNumber: string; materialCode: string; status: string; quantity: number }[];
  deviations: { id: string; number: string; source: string; batchId: string; batchIds: string[]; title: string }[];
};
export type LotJson = { id: string; lotNumber: string; materialCode: string; quantityOnHand: number; status: string };

/** Everyone a batch needs: two qualified operators, an unqualified one, two QA (author and approver), a trainer. */
export interface Crew extends FlowActors {
  operator: TestUser;
  operator2: TestUser;
  untrained: TestUser;
  qa: TestUser;
  qa2: TestUser;
  trainer: TestUser;
  qp: TestUser;
}

export async function crew(h: Harness): Promise<Crew> {
  const make = (role: 'operator' | 'qa' | 'trainer' | 'qp') => h.createTestUser({ roles: [role] });
  const c: Crew = {
    ...(await flowActors(h)),
    operator: await make('operator'),
    operator2: await make('operator'),
    untrained: await make('operator'),
    qa: await make('qa'),
    qa2: await make('qa'),
    trainer: await make('trainer'),
    qp: await make('qp'),
  };
  const course = await h.request(c.trainer, 'POST', '/api/v1/training/courses', { code: 'CELL-210', title: 'Cell processing', category: 'cell_processing', validityMonths: 12 });
  expect(course.statusCode, course.body).toBe(201);
  const achievedAt = new Date(Date.now() - 86_400_000).toISOString();
  for (const user of [c.operator, c.operator2]) {
    const q = await h.request(c.trainer, 'POST', '/api/v1/training/qualifications', { userId: user.id, courseId: course.json<{ id: string }>().id, achievedAt });
    expect(q.statusCode, q.body).toBe(201);
  }
  return c;
}

let seq = 0;
const next = () => String(++seq).padStart(3, '0');

export async function material(h: Harness, c: Crew, code: string, kind: string, unit: string): Promise<string> {
  const res = await h.request(c.operator, 'POST', '/api/v1/materials', { code, name: code, kind, unit });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

/** A lot received by the operator; released by QA unless `release` is false. */
export async function lot(h: Harness, c: Crew, materialId: string, { quantity = 100, release = true } = {}): Promise<LotJson> {
  const expiresAt = new Date(Date.now() + 180 * 86_400_000).toISOString();
  const res = await h.request(c.operator, 'POST', `/api/v1/materials/${materialId}/lots`, { lotNumber: `L${next()}`, expiresAt, quantity });
  expect(res.statusCode, res.body).toBe(201);
  if (!release) return res.json<LotJson>();
  return disposition(h, c, res.json<LotJson>().id);
}

export async function disposition(h: Harness, c: Crew, lotId: string): Promise<LotJson> {
  const res = await h.request(c.qa, 'POST', `/api/v1/lots/${lotId}/disposition`, { decision: 'release', signature: { password: TEST_PASSWORD, meaning: 'Released' } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<LotJson>();
}

export async function unit(h: Harness, c: Crew, type: string, calibrationDueAt = new Date(Date.now() + 90 * 86_400_000)): Promise<{ id: string; code: string }> {
  const res = await h.request(c.operator, 'POST', '/api/v1/equipment', { code: `EQ-${next()}`, name: `Test ${type}`, type, calibrationDueAt: calibrationDueAt.toISOString() });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

export const room = async (h: Harness, c: Crew) => newRoom(h, c.operator);

/** A process written by one QA reviewer and approved by the other: effective. */
export async function effectiveProcess(h: Harness, c: Crew, body: { productType: string; steps: unknown[] }, approve = true): Promise<{ id: string; code: string }> {
  const res = await h.request(c.qa, 'POST', '/api/v1/processes', { code: `PRC-${next()}`, name: `Test ${body.productType} process`, product: `Test ${body.productType} product`, ...body });
  expect(res.statusCode, res.body).toBe(201);
  const p = res.json<{ id: string; code: string }>();
  if (!approve) return p;
  const ok = await h.request(c.qa2, 'POST', `/api/v1/processes/${p.id}/approve`, { signature: { password: TEST_PASSWORD, meaning: 'Approved' } });
  expect(ok.statusCode, ok.body).toBe(200);
  return p;
}

/** A patient's order with one collected bag. */
export async function patientBag(h: Harness, c: Crew) {
  const order = await createOrder(h, c.coordinator);
  const bag = await createCollection(h, c.nurse, order.id);
  return { order, bag, scan: `=${bag.din}00` };
}

/** The materials, equipment and processes of a CAR-T batch and of the vector batch that feeds it. */
export async function plant(h: Harness, c: Crew) {
  const ids = {
    cd3: await material(h, c, 'MAT-CD3CD28', 'reagent', 'mL'),
    cs10: await material(h, c, 'MAT-CS10', 'reagent', 'mL'),
    lvv: await material(h, c, 'MAT-LVV-GPC3', 'vector', 'mL'),
    plasmid: await material(h, c, 'MAT-PLASMID-GPC3', 'reagent', 'mg'),
  };
  const cart = await effectiveProcess(h, c, { productType: 'autologous', steps: CART_STEPS });
  const vector = await effectiveProcess(h, c, { productType: 'vector', steps: VECTOR_STEPS });
  return { materials: ids, cart, vector };
}

/** Four steps of a CAR-T record: a receipt check, a qualified step with a lot and a cabinet, a witnessed step, a final one. */
export const CART_STEPS = [
  {
    title: 'Apheresis receipt check',
    fields: [
      { key: 'bagTemperature', label: 'Bag temperature', type: 'number', unit: '°C', min: 2, max: 8 },
      { key: 'labelMatches', label: 'Label matches the order', type: 'boolean' },
    ],
  },
  {
    title: 'T-cell activation',
    requiredQualification: 'CELL-210',
    materials: ['MAT-CD3CD28'],
    equipmentTypes: ['biosafety_cabinet'],
    fields: [{ key: 'viability', label: 'Viability', type: 'number', unit: '%', min: 70, max: 100 }],
    samples: [{ name: 'Pre-activation', test: 'Cell count and viability' }],
  },
  { title: 'Lentiviral transduction', witness: true, materials: ['MAT-LVV-GPC3'], fields: [{ key: 'moi', label: 'Multiplicity of infection', type: 'number', min: 1, max: 10 }] },
  { title: 'Cryopreservation', materials: ['MAT-CS10'], fields: [{ key: 'notes', label: 'Notes', type: 'text', required: false }] },
];

export const VECTOR_STEPS = [
  { title: 'Transfection', materials: ['MAT-PLASMID-GPC3'], fields: [{ key: 'cellDensity', label: 'Cell density', type: 'number', unit: '×10⁶ cells/mL', min: 0.8, max: 1.5 }] },
  { title: 'Harvest and fill', producesLot: 'MAT-LVV-GPC3', fields: [{ key: 'harvestVolume', label: 'Harvest volume', type: 'number', unit: 'mL', min: 100, max: 1000 }] },
];

export const sig = { password: TEST_PASSWORD, meaning: 'Performed' };

export type Plant = Awaited<ReturnType<typeof plant>>;

/**
 * In the calling describe block: before its tests a harness, its `people` and their `site`, handed to `use`;
 * after them the harness closed. One set-up per file keeps the database state of each file its own.
 */
export function harnessForTests<C, P>(
  make: { people: (h: Harness) => Promise<C>; site: (h: Harness, c: C) => Promise<P> },
  use: (world: { h: Harness; c: C; p: P }) => void,
): void {
  let h: Harness | undefined;
  beforeAll(async () => {
    const harness = await createHarness();
    h = harness;
    const c = await make.people(harness);
    use({ h: harness, c, p: await make.site(harness, c) });
  });
  afterAll(() => h?.close());
}

/** The batch crew and plant for the tests of a describe block (see harnessForTests). */
export const withPlant = (use: (world: { h: Harness; c: Crew; p: Plant }) => void) => harnessForTests({ people: crew, site: plant }, use);

/** A CAR-T batch for a new patient in a new clean room, started by the operator. */
export async function startCart(h: Harness, c: Crew, p: Plant) {
  const { order, bag, scan } = await patientBag(h, c);
  const r = await room(h, c);
  const res = await h.request(c.operator, 'POST', '/api/v1/batches', { processId: p.cart.id, orderId: order.id, roomId: r.id, scannedDin: scan });
  expect(res.statusCode, res.body).toBe(201);
  return { batch: res.json<BatchJson>(), order, bag, room: r };
}

/** A vector batch in a new clean room. */
export async function startVector(h: Harness, c: Crew, p: Plant) {
  const r = await room(h, c);
  const res = await h.request(c.operator, 'POST', '/api/v1/batches', { processId: p.vector.id, roomId: r.id });
  expect(res.statusCode, res.body).toBe(201);
  return { batch: res.json<BatchJson>(), room: r };
}

export function completeStep(h: Harness, user: TestUser, batchId: string, index: number, body: Record<string, unknown>) {
  return h.request(user, 'POST', `/api/v1/batches/${batchId}/steps/${index}/complete`, { signature: sig, ...body });
}

/** Completes a step and expects success. */
export async function done(h: Harness, user: TestUser, batchId: string, index: number, body: Record<string, unknown>): Promise<BatchJson> {
  const res = await completeStep(h, user, batchId, index, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<BatchJson>();
}
