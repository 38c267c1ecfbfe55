import { localDate } from '@hepatica/core';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type BuiltApp } from '../app';
import { users } from '../modules/identity/identity.tables';
import { requireQualification } from '../modules/training/training.gate';
import { createTestDatabase, type TestDatabase } from '../test/database';
import { DEMO_PASSWORD } from './demo-password';
import { seedDemoCenter } from './seed';

type Dashboard = {
  year: number;
  target: number;
  trained: number;
  internal: number;
  external: number;
  byInstitution: { institution: string; count: number }[];
  byMonth: { month: number; count: number }[];
  expiring: { within30: number; within60: number; within90: number };
};
type Qualification = { courseCode: string; status: string; effectiveStatus: string; validUntil: string | null; certificateCode: string; learnerName: string };

/** The demo center's training records tell the story the demo is meant to show. */
describe('demo training records', () => {
  let database: TestDatabase;
  let built: BuiltApp;
  const cookies = new Map<string, string>();
  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemoCenter(database.db);
    built = await buildApp({ database, logLevel: 'silent' });
    for (const username of ['director', 'operator', 'qa']) {
      const login = await built.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } });
      cookies.set(username, `hepatica_session=${login.cookies.find((c) => c.name === 'hepatica_session')!.value}`);
    }
  }, 120_000);
  afterAll(async () => {
    await built.app.close();
    await database.dispose();
  });
  const get = <T>(as: string, url: string) => built.app.inject({ method: 'GET', url, headers: { cookie: cookies.get(as)! } }).then((r) => r.json<T>());
  const userId = async (username: string) => (await database.db.select({ id: users.id }).from(users).where(eq(users.username, username)))[0]!.id;

  it('has the operator qualified for GMP-101 and ASEP-201, with APS-301 expired last month', async () => {
    const own = (await get<{ items: Qualification[] }>('operator', '/api/v1/training/qualifications')).items;
    const current = (code: string) => own.find((q) => q.courseCode === code && q.status !== 'superseded');
    expect(current('GMP-101')?.effectiveStatus).toBe('valid');
    expect(current('ASEP-201')?.effectiveStatus).toBe('valid');
    expect(current('APS-301')?.effectiveStatus).toBe('expired');
    expect(own.some((q) => q.courseCode === 'GMP-101' && q.status === 'superseded')).toBe(true);
    const expired = localDate(new Date(current('APS-301')!.validUntil!), 'Asia/Shanghai');
    const thisMonth = localDate(new Date(), 'Asia/Shanghai').slice(0, 7);
    expect(expired.slice(0, 7) < thisMonth).toBe(true);
    const operatorId = await userId('operator');
    await expect(requireQualification(database.db, { userId: operatorId, competency: 'APS-301', at: new Date() })).rejects.toMatchObject({
      params: { competency: 'APS-301', state: 'expired', name: 'Liu Yang (GMP)' },
      detail: `Liu Yang (GMP) is not qualified for APS-301 Aseptic process simulation (media fill): the qualification expired on ${expired}; requalification is due.`,
    });
    await expect(requireQualification(database.db, { userId: operatorId, competency: 'ASEP-201', at: new Date() })).resolves.toMatchObject({ effectiveStatus: 'valid' });
  });

  it('has both operators qualified for LVV-220 (they run the vector batch), operator2 trained as the operator was', async () => {
    const held = async (username: string) => {
      const items = (await get<{ items: Qualification[] }>('qa', `/api/v1/training/qualifications?userId=${await userId(username)}`)).items;
      return Object.fromEntries(items.filter((q) => q.status !== 'superseded').map((q) => [q.courseCode, q.effectiveStatus]));
    };
    const operator = await held('operator');
    expect(operator).toMatchObject({ 'GMP-101': 'valid', 'BIO-120': 'valid', 'ASEP-201': 'valid', 'CELL-210': 'valid', 'LVV-220': 'valid', 'APS-301': 'expired' });
    expect(await held('operator2')).toEqual(operator);
  });

  it('has the QC analyst holding QC-240 and one suspended qualification', async () => {
    const qc = (await get<{ items: Qualification[] }>('qa', `/api/v1/training/qualifications?userId=${await userId('qc')}`)).items;
    expect(qc.find((q) => q.courseCode === 'QC-240')?.effectiveStatus).toBe('valid');
    const all = (await get<{ items: Qualification[] }>('qa', '/api/v1/training/qualifications')).items;
    expect(all.filter((q) => q.status === 'suspended').map((q) => `${q.learnerName} ${q.courseCode}`)).toEqual(['Guo Jiayi BIO-120']);
  });

  it('shows real progress toward the target and qualifications expiring within 30, 60 and 90 days', async () => {
    const d = await get<Dashboard>('director', '/api/v1/training/dashboard');
    expect(d.target).toBe(100);
    expect(d.trained).toBeGreaterThanOrEqual(35);
    expect(d.trained).toBeLessThan(100);
    expect(d.internal).toBeGreaterThanOrEqual(3);
    expect(d.external).toBeGreaterThanOrEqual(30);
    expect(d.byInstitution.length).toBeGreaterThanOrEqual(6);
    expect(d.byMonth.reduce((sum, m) => sum + m.count, 0)).toBe(d.trained);
    expect(d.expiring.within30).toBeGreaterThanOrEqual(1);
    expect(d.expiring.within60).toBeGreaterThan(d.expiring.within30);
    expect(d.expiring.within90).toBeGreaterThan(d.expiring.within60);
  });
});
