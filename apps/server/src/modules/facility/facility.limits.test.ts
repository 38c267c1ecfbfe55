import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type TestUser } from '../../test/harness';
import { newRoom, UNKNOWN, type Problem } from './facility.fixtures';

type Limit = { id: string; grade: string; parameter: string; occupancy: string; alertLimit: number | null; actionLimit: number | null; unit: string; source: string };

describe('EM limits', () => {
  let h: Harness;
  let qa: TestUser;
  let director: TestUser;
  let limits: Limit[];
  beforeAll(async () => {
    h = await createHarness();
    qa = await h.createTestUser({ roles: ['qa'] });
    director = await h.createTestUser({ roles: ['director'] });
    limits = (await h.request(director, 'GET', '/api/v1/em/limits')).json<{ items: Limit[] }>().items;
  });
  afterAll(() => h.close());

  const find = (grade: string, parameter: string, occupancy = 'in_operation') =>
    limits.find((l) => l.grade === grade && l.parameter === parameter && l.occupancy === occupancy)!;
  const put = (id: string, body: unknown, user = qa) => h.request(user, 'PUT', `/api/v1/em/limits/${id}`, body);
  const current = async (id: string) => (await h.request(director, 'GET', '/api/v1/em/limits')).json<{ items: Limit[] }>().items.find((l) => l.id === id)!;

  it('lists 48 limits in a stable order: grade, parameter, state', () => {
    expect(limits).toHaveLength(48);
    expect(limits.slice(0, 4).map((l) => `${l.grade} ${l.parameter} ${l.occupancy}`)).toEqual([
      'A particles_0_5 at_rest',
      'A particles_0_5 in_operation',
      'A particles_5_0 at_rest',
      'A particles_5_0 in_operation',
    ]);
  });

  it('lets the site tighten a limit with a reason, audited, and judges new samples by it', async () => {
    const settle = find('C', 'settle_plate');
    const res = await put(settle.id, { alertLimit: 15, actionLimit: 30, reason: 'Trend of Q1: 95th percentile 12 cfu' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Limit>()).toMatchObject({ alertLimit: 15, actionLimit: 30, unit: 'cfu/4 h' });
    expect(res.json<Limit>().source).toMatch(/^Site limit set \d{4}-\d{2}-\d{2}: Trend of Q1.*maximum: 50 cfu\/4 h/);
    const [event] = await h.database.query<{ action: string; reason: string; actor: string }>(
      `SELECT action, reason, actor FROM audit_events WHERE entity_type = 'em_limit' AND entity_id = '${settle.id}' ORDER BY seq DESC LIMIT 1`,
    );
    expect(event).toEqual({ action: 'update', reason: 'Trend of Q1: 95th percentile 12 cfu', actor: qa.username });
    const room = await newRoom(h, qa, 'C');
    const judged = await h.request(qa, 'POST', `/api/v1/rooms/${room.id}/em-samples`, { parameter: 'settle_plate', occupancy: 'in_operation', value: 31, sampledAt: new Date().toISOString() });
    expect(judged.json<{ result: string; actionLimit: number }>()).toMatchObject({ result: 'action', actionLimit: 30 });
  });

  it('lets the site set a limit where Annex 1 sets none (grade D in operation)', async () => {
    const d = find('D', 'particles_0_5');
    expect(d.actionLimit).toBeNull();
    const res = await put(d.id, { alertLimit: 3_000_000, actionLimit: 5_000_000, reason: 'Risk assessment RA-EM-004' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Limit>()).toMatchObject({ alertLimit: 3_000_000, actionLimit: 5_000_000 });
    expect(res.json<Limit>().source).toMatch(/maximum: none \(left to the site\)/);
  });

  it('refuses a looser action limit than Annex 1, an alert level not below it, bad input, unknown ids and other roles', async () => {
    const b = find('B', 'settle_plate');
    const looser = await put(b.id, { alertLimit: 2, actionLimit: 6, reason: 'Too many excursions' });
    expect(looser.statusCode).toBe(422);
    expect(looser.json<Problem>()).toMatchObject({ code: 'em.limit_above_annex1', params: { grade: 'B', maximum: 5 }, errors: [{ path: 'body.actionLimit' }] });
    const aViable = find('A', 'active_air');
    const growth = await put(aViable.id, { alertLimit: null, actionLimit: 1, reason: 'Allow one colony' });
    expect(growth.json<Problem>()).toMatchObject({ code: 'em.limit_above_annex1', params: { maximum: 0 } });
    const alertAbove = await put(b.id, { alertLimit: 5, actionLimit: 5, reason: 'Same' });
    expect(alertAbove.statusCode).toBe(422);
    expect(alertAbove.json<Problem>()).toMatchObject({ code: 'em.alert_not_below_action', errors: [{ path: 'body.alertLimit' }] });
    for (const [body, path] of [
      [{ alertLimit: 2, actionLimit: 5 }, 'body.reason'],
      [{ alertLimit: 2, actionLimit: -1, reason: 'x' }, 'body.actionLimit'],
      [{ alertLimit: 'two', actionLimit: 5, reason: 'x' }, 'body.alertLimit'],
      [{ alertLimit: 2, actionLimit: null, reason: 'x' }, 'body.actionLimit'],
    ] as const) {
      const res = await put(b.id, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json<Problem>().errors!.map((e) => e.path)).toEqual([path]);
    }
    expect((await put(UNKNOWN, { alertLimit: 1, actionLimit: 2, reason: 'x' })).statusCode).toBe(404);
    expect((await put(b.id, { alertLimit: 1, actionLimit: 2, reason: 'x' }, director)).statusCode).toBe(403);
    const trainee = await h.createTestUser({ roles: ['trainee'] });
    expect((await h.request(trainee, 'GET', '/api/v1/em/limits')).statusCode).toBe(403);
    expect(await current(b.id)).toEqual(b);
  });

  it('keeps limits to QA (facility:limits): operators and QC, who record samples against them, are refused with 403', async () => {
    const c = find('C', 'contact_plate');
    for (const role of ['operator', 'qc_analyst'] as const) {
      const user = await h.createTestUser({ roles: [role] });
      const refused = await put(c.id, { alertLimit: 10, actionLimit: 20, reason: 'Tighter after trend review' }, user);
      expect(refused.statusCode, role).toBe(403);
      expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(refused.json<Problem>().code).toBe('forbidden');
      const room = await newRoom(h, user, 'C');
      const sample = await h.request(user, 'POST', `/api/v1/rooms/${room.id}/em-samples`, { parameter: 'contact_plate', occupancy: 'in_operation', value: 3, sampledAt: new Date().toISOString() });
      expect(sample.statusCode, sample.body).toBe(201);
    }
    expect(await current(c.id)).toEqual(c);
    const byQa = await put(c.id, { alertLimit: 10, actionLimit: 20, reason: 'Tighter after trend review' });
    expect(byQa.statusCode, byQa.body).toBe(200);
    expect(await current(c.id)).toMatchObject({ alertLimit: 10, actionLimit: 20 });
  });
});
