import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type BuiltApp } from '../app';
import { runWithContext } from '../platform/context';
import { write } from '../platform/write';
import { createUser, getUserById } from '../modules/identity/identity.service';
import { actorOf } from '../modules/identity/sessions';
import { materials } from '../modules/materials/materials.tables';
import { createSite } from '../modules/sites/sites.service';
import { trainingCourses } from '../modules/training/training.tables';
import { createTestDatabase, type TestDatabase } from '../test/database';
import { DEMO_PROCESSES, seedProcesses } from './processes.seed';
import { DEMO_PASSWORD } from './demo-password';
import { DEMO_COURSES } from './training.seed';

/** The shared demo material codes (the materials seed owns their details; only the codes matter here). */
const MATERIAL_CODES = [
  'MAT-TCELL-MEDIUM', 'MAT-CD3CD28', 'MAT-IL7-IL15', 'MAT-CS10', 'MAT-CRYOBAG', 'MAT-HEK293T', 'MAT-PLASMID-GPC3',
  'MAT-PLASMID-AAV8', 'MAT-PEI', 'MAT-UCMSC-MCB', 'MAT-MSC-MEDIUM', 'MAT-TRYPLE', 'MAT-LVV-GPC3', 'MAT-AAV8-ATP7B',
];

type Step = { title: string; requiredQualification?: string; witness: boolean; materials: string[]; equipmentTypes: string[]; producesLot?: string; fields: { key: string; min?: number; max?: number }[] };
type Process = { code: string; version: number; status: string; productType: string; createdBy: string; steps: Step[]; signatures: { signer: string; meaning: string; valid: boolean }[] };

/** The demo processes are written by the QA officer and approved by the head of QA, through the services. */
describe('demo master batch records', () => {
  let database: TestDatabase;
  let built: BuiltApp;
  let cookie: string;
  let items: Process[];
  beforeAll(async () => {
    database = await createTestDatabase();
    const { db } = database;
    await createSite(db, { name: 'Demo', fin: 'A9999', timeZone: 'Asia/Shanghai' });
    const qa = await createUser(db, { username: 'qa', displayName: 'Sun Li (QA)', password: DEMO_PASSWORD, roles: ['qa'] });
    await createUser(db, { username: 'qahead', displayName: 'Zheng Hui (Head of QA)', password: DEMO_PASSWORD, roles: ['qa'] });
    await write(db, async (w) => {
      for (const c of DEMO_COURSES) {
        await w.insert(trainingCourses, 'training_course', { code: c.code, titleEn: c.title, titleZh: c.titleZh, category: c.category, deliveryMode: c.deliveryMode, durationHours: c.durationHours, passMark: 80 });
      }
      for (const code of MATERIAL_CODES) await w.insert(materials, 'material', { code, name: code, kind: 'reagent', storageCondition: '2–8 °C', supplier: '—', unit: 'mL' });
    });
    await runWithContext({ requestId: 'test', actor: actorOf(await getUserById(db, qa.id)) }, () => seedProcesses(db));
    built = await buildApp({ database, logLevel: 'silent' });
    const login = await built.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'qa', password: DEMO_PASSWORD } });
    cookie = `hepatica_session=${login.cookies.find((c) => c.name === 'hepatica_session')!.value}`;
    items = (await built.app.inject({ method: 'GET', url: '/api/v1/processes', headers: { cookie } })).json<{ items: Process[] }>().items;
  });
  afterAll(async () => {
    await built.app.close();
    await database.dispose();
  });
  const byCode = (code: string) => items.find((p) => p.code === code)!;

  it('has every demo process effective, written by qa and signed by the head of QA', () => {
    expect(items.map((p) => p.code).sort()).toEqual(DEMO_PROCESSES.map((p) => p.code).sort());
    for (const p of items) {
      expect(p, p.code).toMatchObject({ version: 1, status: 'effective', createdBy: 'qa' });
      expect(p.signatures, p.code).toEqual([expect.objectContaining({ signer: 'qahead', meaning: 'Approved for GMP use', valid: true })]);
    }
  });

  it('vector processes produce their vector lots; the CAR-T process consumes the lentiviral vector under APS-301', () => {
    expect(byCode('LVV-GPC3')).toMatchObject({ productType: 'vector' });
    expect(byCode('LVV-GPC3').steps.at(-1)).toMatchObject({ producesLot: 'MAT-LVV-GPC3', witness: true });
    expect(byCode('AAV8-ATP7B').steps.at(-1)).toMatchObject({ producesLot: 'MAT-AAV8-ATP7B', witness: true });
    const cart = byCode('CART-GPC3');
    expect(cart.productType).toBe('autologous');
    const transduction = cart.steps.find((s) => s.materials.includes('MAT-LVV-GPC3'))!;
    expect(transduction).toMatchObject({ requiredQualification: 'APS-301', equipmentTypes: ['biosafety_cabinet'] });
    expect(cart.steps[0]!.fields.find((f) => f.key === 'bagTemperature')).toMatchObject({ min: 2, max: 8 });
    expect(cart.steps.at(-1)).toMatchObject({ witness: true, equipmentTypes: ['controlled_rate_freezer'] });
    expect(byCode('UCMSC').productType).toBe('allogeneic');
  });

  it('has the short process the browser test runs: 3 steps, GMP-101 only, one material and one equipment type, one witness', () => {
    const short = byCode('DEMO-SHORT');
    expect(short.productType).toBe('allogeneic');
    expect(short.steps).toHaveLength(3);
    expect(new Set(short.steps.map((s) => s.requiredQualification))).toEqual(new Set(['GMP-101']));
    expect(short.steps.flatMap((s) => s.materials)).toEqual(['MAT-TCELL-MEDIUM']);
    expect(short.steps[1]).toMatchObject({ materials: ['MAT-TCELL-MEDIUM'], equipmentTypes: ['biosafety_cabinet'] });
    expect(short.steps.flatMap((s) => s.equipmentTypes)).toEqual(['biosafety_cabinet']);
    expect(short.steps.filter((s) => s.witness)).toHaveLength(1);
  });
});
