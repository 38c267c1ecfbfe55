import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type TestUser } from '../../test/harness';
import { insertBatch, newRoom, UNKNOWN, type Problem, type RoomJson } from './facility.fixtures';

type Deviation = { id: string; number: string; title: string; description: string; severity: string; status: string; source: string; roomId: string; batchIds: string[]; openedBy: string };
type Sample = { id: string; roomCode: string; parameter: string; occupancy: string; value: number; unit: string; sampledAt: string; result: string; excursion: boolean; deviationId: string | null; recordedBy: string };
type Recorded = Sample & { alertLimit: number | null; actionLimit: number | null; deviation: Deviation | null };
type Limit = { id: string; grade: string; parameter: string; occupancy: string; alertLimit: number | null; actionLimit: number | null; source: string };
type Trend = { items: Sample[]; limits: Limit[] };

const HOUR = 3_600_000;

describe('environmental monitoring samples', () => {
  let h: Harness;
  let qc: TestUser;
  let director: TestUser;
  let nurse: TestUser;
  let gradeB: RoomJson;
  let gradeA: RoomJson;
  beforeAll(async () => {
    h = await createHarness();
    qc = await h.createTestUser({ roles: ['qc_analyst'] });
    director = await h.createTestUser({ roles: ['director'] });
    nurse = await h.createTestUser({ roles: ['nurse'] });
    gradeB = await newRoom(h, qc, 'B', 'Cell processing suite');
    gradeA = await newRoom(h, qc, 'A', 'BSC critical zone');
  });
  afterAll(() => h.close());

  const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
  const post = (roomId: string, body: Record<string, unknown>, user = qc) => h.request(user, 'POST', `/api/v1/rooms/${roomId}/em-samples`, body);
  const sample = async (roomId: string, parameter: string, value: number, over: Record<string, unknown> = {}) => {
    const res = await post(roomId, { parameter, occupancy: 'in_operation', value, sampledAt: ago(HOUR), location: 'Bench 1', ...over });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Recorded>();
  };
  const count = async (table: string) => (await h.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;

  it('judges a grade B settle plate on both sides of each limit: equal is within, above is an excursion', async () => {
    const deviationsBefore = await count('deviations');
    const results = [];
    for (const value of [2, 3, 5]) results.push(await sample(gradeB.id, 'settle_plate', value));
    expect(results.map((r) => [r.value, r.result, r.excursion, r.deviation])).toEqual([
      [2, 'within', false, null],
      [3, 'alert', true, null],
      [5, 'alert', true, null],
    ]);
    expect(results[0]).toMatchObject({ alertLimit: 2, actionLimit: 5, unit: 'cfu/4 h', roomCode: gradeB.code, recordedBy: qc.username });
    expect(await count('deviations')).toBe(deviationsBefore);
    const action = await sample(gradeB.id, 'settle_plate', 6);
    expect(action).toMatchObject({ result: 'action', excursion: true, deviationId: action.deviation!.id });
    expect(action.deviation).toMatchObject({ severity: 'major', status: 'open', source: 'em_excursion', roomId: gradeB.id, openedBy: qc.username });
    expect(action.deviation!.number).toMatch(/^DEV-\d{4}-\d{4}$/);
    expect(action.deviation!.title).toBe(`EM action excursion in ${gradeB.code}: settle plate 6 cfu/4 h (limit 5 cfu/4 h)`);
    expect(await count('deviations')).toBe(deviationsBefore + 1);
  });

  it('judges particle counts per m³ on both sides of the action limit, fractions included', async () => {
    const at = await sample(gradeB.id, 'particles_0_5', 352_000);
    const above = await sample(gradeB.id, 'particles_0_5', 352_000.5);
    expect([at.result, above.result]).toEqual(['alert', 'action']);
    expect(at).toMatchObject({ alertLimit: 176_000, actionLimit: 352_000, unit: 'particles/m³' });
    const atRest = await sample(gradeB.id, 'particles_0_5', 3_520, { occupancy: 'at_rest' });
    expect(atRest).toMatchObject({ result: 'alert', actionLimit: 3_520 });
  });

  it('treats any growth in grade A as an action excursion with a critical deviation', async () => {
    const none = await sample(gradeA.id, 'glove_print', 0);
    expect(none).toMatchObject({ result: 'within', alertLimit: null, actionLimit: 0, deviation: null });
    const one = await sample(gradeA.id, 'glove_print', 1);
    expect(one.result).toBe('action');
    expect(one.deviation).toMatchObject({ severity: 'critical', source: 'em_excursion' });
    expect(one.deviation!.title).toContain('(limit no growth)');
    expect(one.deviation!.description).toMatch(/any growth is investigated/);
  });

  it('never raises an excursion where Annex 1 sets no limit (grade D in operation)', async () => {
    const gradeD = await newRoom(h, qc, 'D');
    const res = await sample(gradeD.id, 'particles_0_5', 9_000_000);
    expect(res).toMatchObject({ result: 'within', excursion: false, alertLimit: null, actionLimit: null, deviation: null });
  });

  it('lists in the deviation every batch that was in the room at the sample time, and only those', async () => {
    const room = await newRoom(h, qc, 'B');
    const other = await newRoom(h, qc, 'B');
    const t = new Date(Date.now() - 10 * HOUR);
    const off = (hours: number) => new Date(t.getTime() + hours * HOUR);
    const running = await insertBatch(h, room.id, off(-2));
    const endedAfter = await insertBatch(h, room.id, off(-5), off(1));
    const startedExactly = await insertBatch(h, room.id, t);
    const endedExactly = await insertBatch(h, room.id, off(-3), t);
    await insertBatch(h, room.id, off(-10), off(-1)); // ended before
    await insertBatch(h, room.id, off(1)); // started after
    await insertBatch(h, other.id, off(-2)); // another room
    const res = await sample(room.id, 'contact_plate', 9, { sampledAt: t.toISOString(), location: 'Pass-through hatch' });
    const expected = [running, endedAfter, startedExactly, endedExactly];
    expect(res.deviation!.batchIds.sort()).toEqual(expected.map((b) => b.id).sort());
    for (const b of expected) expect(res.deviation!.description).toContain(b.batchNumber);
    expect(res.deviation!.description).toMatch(/Pass-through hatch/);
    expect(res.deviation!.description).toMatch(/§9\.13/);
    const detail = await h.request(director, 'GET', `/api/v1/deviations/${res.deviation!.id}`);
    expect(detail.json<{ batches: { id: string }[] }>().batches.map((b) => b.id).sort()).toEqual(expected.map((b) => b.id).sort());
  });

  it('refuses bad input, a future time, unknown rooms and roles without facility write; stores nothing', async () => {
    const before = await count('em_samples');
    const body = { parameter: 'settle_plate', occupancy: 'in_operation', value: 1, sampledAt: ago(HOUR) };
    for (const [over, path] of [
      [{ parameter: 'swab' }, 'body.parameter'],
      [{ occupancy: 'busy' }, 'body.occupancy'],
      [{ value: -1 }, 'body.value'],
      [{ value: 2.5 }, 'body.value'],
      [{ value: '3' }, 'body.value'],
      [{ sampledAt: '2026-05-01 10:00' }, 'body.sampledAt'],
      [{ location: '' }, 'body.location'],
    ] as const) {
      const res = await post(gradeB.id, { ...body, ...over });
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(res.json<Problem>().errors!.map((e) => e.path)).toEqual([path]);
    }
    const future = await post(gradeB.id, { ...body, sampledAt: new Date(Date.now() + HOUR).toISOString() });
    expect(future.statusCode).toBe(422);
    expect(future.json<Problem>()).toMatchObject({ code: 'em.sample_in_future', errors: [{ path: 'body.sampledAt' }] });
    expect((await post(UNKNOWN, body)).statusCode).toBe(404);
    expect((await post(gradeB.id, body, director)).statusCode).toBe(403);
    expect((await post(gradeB.id, body, nurse)).statusCode).toBe(403);
    expect(await count('em_samples')).toBe(before);
  });

  it('serves the trend of a room: samples oldest first, excursions flagged, with the limits of its grade', async () => {
    const room = await newRoom(h, qc, 'C');
    await sample(room.id, 'active_air', 12, { sampledAt: ago(30 * HOUR) });
    await sample(room.id, 'active_air', 64, { sampledAt: ago(20 * HOUR) });
    await sample(room.id, 'settle_plate', 4, { sampledAt: ago(10 * HOUR) });
    const get = (query = '', user = director) => h.request(user, 'GET', `/api/v1/rooms/${room.id}/em-samples${query}`);
    const all = (await get()).json<Trend>();
    expect(all.items.map((s) => [s.parameter, s.value, s.result, s.excursion])).toEqual([
      ['active_air', 12, 'within', false],
      ['active_air', 64, 'alert', true],
      ['settle_plate', 4, 'within', false],
    ]);
    expect(all.limits).toHaveLength(12);
    expect(all.limits.every((l) => l.grade === 'C')).toBe(true);
    const air = (await get('?parameter=active_air')).json<Trend>();
    expect(air.items).toHaveLength(2);
    expect(air.limits.map((l) => [l.occupancy, l.alertLimit, l.actionLimit])).toEqual([
      ['at_rest', 50, 100],
      ['in_operation', 50, 100],
    ]);
    const window = (await get(`?from=${encodeURIComponent(ago(25 * HOUR))}&to=${encodeURIComponent(ago(15 * HOUR))}`)).json<Trend>();
    expect(window.items.map((s) => s.value)).toEqual([64]);
    const backwards = await get(`?from=${encodeURIComponent(ago(HOUR))}&to=${encodeURIComponent(ago(2 * HOUR))}`);
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json<Problem>()).toMatchObject({ code: 'em.bad_period', errors: [{ path: 'querystring.to' }] });
    expect((await get('?parameter=swab')).statusCode).toBe(400);
    expect((await get('?from=yesterday')).statusCode).toBe(400);
    expect((await h.request(director, 'GET', `/api/v1/rooms/${UNKNOWN}/em-samples`)).statusCode).toBe(404);
    expect((await get('', nurse)).statusCode).toBe(403);
  });
});
