import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type BuiltApp } from '../app';
import { createTestDatabase, type TestDatabase } from '../test/database';
import { BROWSER_TEST_ROOM, DEMO_WITNESS } from './batches.seed';
import { DEMO_PASSWORD } from './demo-password';
import { DEMO_USERS, seedDemoCenter } from './seed';
import { RELEASE_ROOM } from './release.seed';

type Step = { index: number; status: string; performedBy: string | null; witnessedBy: string | null; outOfRange: string[]; materialLots: { lotNumber: string }[]; equipment: { code: string }[]; signatures: { signer: string; meaning: string; valid: boolean }[] };
type Batch = { id: string; batchNumber: string; processCode: string; status: string; subjectCode: string | null; din: string | null; roomCode: string; nextStep: number; steps: Step[]; deviations: unknown[]; outputLots: { id: string; lotNumber: string; materialCode: string; status: string; quantity: number }[] };
type Trace = { nodes: { kind: string; label: string; depth: number }[] };

/** The whole demo center, seeded as `npm start` does: the batch floor tells the story the demo is meant to show. */
describe('demo batches', () => {
  let database: TestDatabase;
  let built: BuiltApp;
  let cookie: string;
  const get = async <T>(url: string) => {
    const res = await built.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<T>();
  };
  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemoCenter(database.db);
    built = await buildApp({ database, logLevel: 'silent' });
    const login = await built.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'qa', password: DEMO_PASSWORD } });
    cookie = `hepatica_session=${login.cookies.find((c) => c.name === 'hepatica_session')!.value}`;
  }, 180_000);
  afterAll(async () => {
    await built.app.close();
    await database.dispose();
  });

  it("has demo patient 1's CAR-T batch in progress in GMP-B01, their bag received into it, two steps signed by the operator", async () => {
    // The release seed's CAR-T batch (patient 5, completed in GMP-A01) is checked in release.seed.test.ts.
    const items = (await get<{ items: Batch[] }>('/batches')).items.filter((b) => b.roomCode !== RELEASE_ROOM);
    expect(items.map((b) => b.processCode).sort()).toEqual(['CART-GPC3', 'LVV-GPC3']);
    const batch = await get<Batch>(`/batches/${items.find((b) => b.processCode === 'CART-GPC3')!.id}`);
    // nextStep is the API's step index, from 0: step 3 (transduction) comes next.
    expect(batch).toMatchObject({ processCode: 'CART-GPC3', status: 'in_progress', roomCode: 'GMP-B01', nextStep: 2, deviations: [] });
    expect(batch.steps.slice(0, 2)).toEqual([
      expect.objectContaining({ status: 'completed', performedBy: 'operator', outOfRange: [], signatures: [expect.objectContaining({ signer: 'operator', meaning: 'Performed', valid: true })] }),
      expect.objectContaining({ status: 'completed', materialLots: [expect.objectContaining({ lotNumber: '5250918' })], equipment: [expect.objectContaining({ code: 'PRO-01' })] }),
    ]);
    expect(batch.steps.slice(2).every((s) => s.status === 'pending')).toBe(true);
    const custody = await get<{ items: { type: string; location: string }[] }>(`/custody-events?din=${batch.din}`);
    expect(custody.items.map((e) => e.type)).toEqual(['handover', 'receipt', 'storage', 'receipt']);
    expect(custody.items.at(-1)!.location).toBe('GMP-B01');
  });

  it(`leaves ${BROWSER_TEST_ROOM} clean for the browser test's DEMO-SHORT batch, with PRO-01 held by the CAR-T batch`, async () => {
    const rooms = await get<{ items: { code: string; status: string }[] }>('/rooms');
    const status = Object.fromEntries(rooms.items.map((r) => [r.code, r.status]));
    expect(status).toMatchObject({ 'GMP-B01': 'in_use', [BROWSER_TEST_ROOM]: 'clean', 'GMP-A01': 'clean' });
    const processes = await get<{ items: { code: string; status: string }[] }>('/processes?code=DEMO-SHORT&status=effective');
    expect(processes.items).toHaveLength(1);
    const units = await get<{ items: { code: string; status: string }[] }>('/equipment?type=cell_processor');
    expect(Object.fromEntries(units.items.map((u) => [u.code, u.status]))).toMatchObject({ 'PRO-01': 'in_use' });
  });

  it('has a completed GPC3-CAR vector batch: performed by the operator, the fill witnessed by operator2, its vector lot in quarantine', async () => {
    expect(DEMO_USERS.find((u) => u.username === DEMO_WITNESS)).toEqual({ username: 'operator2', displayName: 'Gao Peng (GMP)', roles: ['operator'] });
    const items = (await get<{ items: Batch[] }>('/batches?status=completed')).items.filter((b) => b.roomCode !== RELEASE_ROOM);
    expect(items.map((b) => b.processCode)).toEqual(['LVV-GPC3']);
    const batch = await get<Batch>(`/batches/${items[0]!.id}`);
    expect(batch).toMatchObject({ roomCode: BROWSER_TEST_ROOM, deviations: [] });
    expect(batch.steps).toHaveLength(7);
    expect(batch.steps.every((s) => s.status === 'completed' && s.performedBy === 'operator' && s.outOfRange.length === 0)).toBe(true);
    const fill = batch.steps.at(-1)!;
    expect(fill.witnessedBy).toBe('operator2');
    expect(fill.signatures.map((s) => `${s.signer}: ${s.meaning} ${s.valid}`)).toEqual(['operator: Performed true', 'operator2: Witnessed true']);
    expect(batch.outputLots).toEqual([expect.objectContaining({ lotNumber: batch.batchNumber, materialCode: 'MAT-LVV-GPC3', status: 'quarantine', quantity: 44 })]);

    // Its genealogy: vector lot ← vector batch ← cell bank, plasmid and PEI lots.
    const trace = await get<Trace>(`/lots/${batch.outputLots[0]!.id}/trace?direction=backward`);
    expect(trace.nodes.filter((n) => n.depth === 1).map((n) => n.label)).toEqual([batch.batchNumber]);
    expect(trace.nodes.filter((n) => n.depth === 2).map((n) => n.label).sort()).toEqual(['MAT-HEK293T lot WCB-293T-2501', 'MAT-PEI lot PP-25G11', 'MAT-PLASMID-GPC3 lot ALD-GP-2508']);

    // The suite was cleaned after it and its units released; the witness can log in with the demo password.
    const units = await get<{ items: { code: string; status: string }[] }>('/equipment');
    expect(Object.fromEntries(units.items.map((u) => [u.code, u.status]))).toMatchObject({ 'BSC-02': 'available', 'INC-02': 'available', 'CEN-01': 'available', 'AKT-01': 'available' });
    const login = await built.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: DEMO_WITNESS, password: DEMO_PASSWORD } });
    expect(login.statusCode).toBe(200);
  });
});
