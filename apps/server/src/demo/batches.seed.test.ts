import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type BuiltApp } from '../app';
import { createTestDatabase, type TestDatabase } from '../test/database';
import { BROWSER_TEST_ROOM } from './batches.seed';
import { DEMO_PASSWORD, seedDemoCenter } from './seed';

type Step = { index: number; status: string; performedBy: string | null; outOfRange: string[]; materialLots: { lotNumber: string }[]; equipment: { code: string }[]; signatures: { signer: string; meaning: string; valid: boolean }[] };
type Batch = { id: string; batchNumber: string; processCode: string; status: string; subjectCode: string | null; din: string | null; roomCode: string; nextStep: number; steps: Step[]; deviations: unknown[] };

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
    const { items } = await get<{ items: Batch[] }>('/batches');
    expect(items).toHaveLength(1);
    const batch = await get<Batch>(`/batches/${items[0]!.id}`);
    expect(batch).toMatchObject({ processCode: 'CART-GPC3', status: 'in_progress', roomCode: 'GMP-B01', nextStep: 3, deviations: [] });
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
});
