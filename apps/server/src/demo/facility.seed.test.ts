import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf } from '../modules/identity/sessions';
import { createUser, getUserById } from '../modules/identity/identity.service';
import { createSite } from '../modules/sites/sites.service';
import { runWithContext } from '../platform/context';
import { createTestDatabase, type TestDatabase } from '../test/database';
import { DEMO_ROOMS, seedFacility } from './facility.seed';

const DAY = 86_400_000;

/** The demo facility, seeded on its own (site and QC analyst only) through the real services. */
describe('demo facility seed', () => {
  let database: TestDatabase;
  type Row = Record<string, unknown>;
  const q = <T = Row>(sql: string) => database.query<T>(sql);
  beforeAll(async () => {
    database = await createTestDatabase();
    await createSite(database.db, { name: 'Beijing Liver CGT Center', fin: 'A9999', timeZone: 'Asia/Shanghai' });
    const qc = await createUser(database.db, { username: 'qc', displayName: 'Zhao Min (QC)', password: 'Hepatica-Demo-2026', roles: ['qc_analyst'] });
    const actor = actorOf(await getUserById(database.db, qc.id));
    await runWithContext({ requestId: 'demo-seed', actor }, () => seedFacility(database.db));
  });
  afterAll(() => database.dispose());

  it('has the five shared rooms, GMP-C01 waiting to be cleaned', async () => {
    const rooms = await q<{ code: string; name: string; grade: string; status: string }>('SELECT code, name, grade, status FROM rooms ORDER BY code');
    expect(rooms).toEqual(
      [...DEMO_ROOMS].sort((a, b) => a.code.localeCompare(b.code)).map((r) => ({ ...r, status: r.code === 'GMP-C01' ? 'to_be_cleaned' : 'clean' })),
    );
    expect(DEMO_ROOMS.map((r) => r.code).sort()).toEqual(['GMP-A01', 'GMP-B01', 'GMP-B02', 'GMP-C01', 'GMP-D01']);
  });

  it('has eight weeks of monitoring in every room, recorded by the QC analyst, mostly within limits', async () => {
    const perRoom = await q<{ code: string; n: number; first: Date; last: Date; parameters: number }>(
      `SELECT r.code, count(*)::int AS n, min(s.sampled_at) AS first, max(s.sampled_at) AS last, count(DISTINCT s.parameter)::int AS parameters
         FROM em_samples s JOIN rooms r ON r.id = s.room_id GROUP BY r.code ORDER BY r.code`,
    );
    expect(perRoom).toHaveLength(5);
    for (const room of perRoom) {
      const span = (new Date(room.last).getTime() - new Date(room.first).getTime()) / DAY;
      expect(span, room.code).toBeGreaterThan(49);
      expect(Date.now() - new Date(room.first).getTime(), room.code).toBeLessThan(57 * DAY);
      expect(new Date(room.last).getTime(), room.code).toBeLessThan(Date.now());
      expect(room.parameters, room.code).toBeGreaterThanOrEqual(5);
    }
    const results = await q<{ result: string; n: number }>('SELECT result, count(*)::int AS n FROM em_samples GROUP BY result');
    const n = Object.fromEntries(results.map((r) => [r.result, r.n]));
    const total = (n.within ?? 0) + (n.alert ?? 0) + (n.action ?? 0);
    expect(n.within! / total).toBeGreaterThan(0.95);
    expect(n.alert).toBeGreaterThanOrEqual(4);
    expect(n.action).toBe(1);
    expect(await q("SELECT DISTINCT recorded_by FROM em_samples")).toEqual([{ recorded_by: 'qc' }]);
  });

  it('has one action excursion in GMP-B01 last month, with its deviation opened by the QC analyst', async () => {
    const [excursion] = await q<{ code: string; parameter: string; value: number; sampled_at: Date; deviation_id: string }>(
      "SELECT r.code, s.parameter, s.value, s.sampled_at, s.deviation_id FROM em_samples s JOIN rooms r ON r.id = s.room_id WHERE s.result = 'action'",
    );
    expect(excursion).toMatchObject({ code: 'GMP-B01', parameter: 'settle_plate', value: 7 });
    const daysAgo = (Date.now() - new Date(excursion!.sampled_at).getTime()) / DAY;
    expect(daysAgo).toBeGreaterThan(28);
    expect(daysAgo).toBeLessThan(35);
    const deviations = await q<{ id: string; number: string; severity: string; source: string; status: string; opened_by: string }>(
      'SELECT id, number, severity, source, status, opened_by FROM deviations',
    );
    expect(deviations).toEqual([{ id: excursion!.deviation_id, number: expect.stringMatching(/^DEV-\d{4}-0001$/), severity: 'major', source: 'em_excursion', status: 'open', opened_by: 'qc' }]);
  });
});
