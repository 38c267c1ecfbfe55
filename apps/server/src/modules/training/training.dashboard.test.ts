/**
 * The dashboard's figures, each checked against qualifications placed deliberately in and out of
 * the year (site time zone Asia/Shanghai, UTC+8: midnight local is 16:00 UTC the day before), for
 * internal and external learners at several institutions, and around the 30/60/90-day windows.
 */
import { addMonthsInZone, daysUntil, localYear } from '@hepatica/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness, TestUser } from '../../test/harness';
import { createCourse, createExternalLearner, grantQualification, trainingHarness } from '../../test/training-fixtures';

const ZONE = 'Asia/Shanghai';
const DAY = 86_400_000;
type Dashboard = {
  year: number;
  target: number;
  trained: number;
  internal: number;
  external: number;
  byCategory: { category: string; count: number }[];
  byInstitution: { institution: string; count: number }[];
  byMonth: { month: number; count: number }[];
  expiring: { within30: number; within60: number; within90: number; items: { qualificationId: string; learnerName: string; courseCode: string; validUntil: string; daysLeft: number }[] };
};
type Problem = { errors?: { path: string }[] };

async function setup() {
  const { h, trainer } = await trainingHarness();
  const courses: Record<string, string> = {};
  for (const [code, category, validityMonths] of [['GMP-101', 'gmp_basics', 12], ['CP-310', 'cell_processing', 24], ['QC-240', 'qc_methods', 12]] as const) {
    courses[code] = (await createCourse(h, trainer, { code, title: code, category, validityMonths })).id;
  }
  const external = async (name: string, institution: string) => ({ learnerId: (await createExternalLearner(h, trainer, name, { institution })).id });
  const grant = (who: { learnerId: string } | { userId: string }, code: string, achievedAt: string | Date) =>
    grantQualification<{ id: string; validUntil: string }>(h, trainer, { ...who, courseId: courses[code], achievedAt: new Date(achievedAt).toISOString() });
  return { h, trainer, external, grant };
}

describe('training dashboard: people trained in a year', () => {
  let h: Harness;
  let trainer: TestUser;
  let director: TestUser;
  // Last year in the site's zone, so every date in it is in the past.
  const Y = localYear(new Date(), ZONE) - 1;
  const local = (date: string) => `${date}+08:00`;

  beforeAll(async () => {
    const s = await setup();
    ({ h, trainer } = s);
    director = await h.createTestUser({ roles: ['director'] });
    const youan1 = await s.external('Ext One', 'Beijing Youan Hospital');
    const youan2 = await s.external('Ext Two', 'Beijing Youan Hospital');
    const pku3 = await s.external('Ext Three', 'Peking University First Hospital');
    const pku4 = await s.external('Ext Four', 'Peking University First Hospital');
    const int1 = { userId: (await h.createTestUser({ roles: ['operator'] })).id };
    const int2 = { userId: (await h.createTestUser({ roles: ['qc_analyst'] })).id };
    await s.grant(youan1, 'GMP-101', local(`${Y}-01-01T00:30:00`)); // in Y (UTC still says Y-1)
    await s.grant(youan1, 'CP-310', local(`${Y}-03-10T10:00:00`)); // same learner, second category
    await s.grant(youan2, 'GMP-101', local(`${Y}-12-31T23:30:00`)); // the last half hour of Y: month 12
    await s.grant(pku3, 'GMP-101', local(`${Y - 1}-12-31T23:30:00`)); // Y-1 (UTC says Y-1 too)
    await s.grant(pku3, 'GMP-101', local(`${Y + 1}-01-01T00:30:00`)); // Y+1, though UTC says Y
    const revoked = await s.grant(pku4, 'QC-240', local(`${Y}-06-15T10:00:00`));
    expect((await h.request(trainer, 'POST', `/api/v1/training/qualifications/${revoked.id}/revoke`, { reason: 'Granted in error' })).statusCode).toBe(200);
    await s.grant(int1, 'GMP-101', local(`${Y}-06-15T10:00:00`));
    await s.grant(int2, 'QC-240', local(`${Y}-01-15T10:00:00`));
    await s.grant(int2, 'QC-240', local(`${Y}-05-15T10:00:00`)); // requalified: supersedes January's, counted once
    await s.grant(int2, 'CP-310', local(`${Y}-02-28T23:59:00`));
  });
  afterAll(() => h.close());

  const dashboard = async (query = '') => {
    const res = await h.request(director, 'GET', `/api/v1/training/dashboard${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Dashboard>();
  };

  it('counts distinct learners whose qualification was achieved in the year, in the site time zone', async () => {
    const d = await dashboard(`?year=${Y}`);
    expect(d).toMatchObject({ year: Y, target: 100, trained: 4, internal: 2, external: 2 });
    expect(d.byCategory).toEqual([
      { category: 'gmp_basics', count: 3 },
      { category: 'cell_processing', count: 2 },
      { category: 'qc_methods', count: 1 },
      { category: 'aseptic_gowning', count: 0 },
      { category: 'viral_vector', count: 0 },
      { category: 'gcp', count: 0 },
      { category: 'biosafety', count: 0 },
      { category: 'chain_of_identity', count: 0 },
    ]);
    expect(d.byInstitution).toEqual([
      { institution: 'Beijing Youan Hospital', count: 2 },
      { institution: 'Test Liver CGT Center', count: 2 },
    ]);
    // Each learner once, in the month of their first qualification of the year.
    const months = Object.fromEntries(d.byMonth.map((m) => [m.month, m.count]));
    expect(months).toEqual({ 1: 2, 2: 0, 3: 0, 4: 0, 5: 0, 6: 1, 7: 0, 8: 0, 9: 0, 10: 0, 11: 0, 12: 1 });
  });

  it('puts the qualifications just outside the year into the neighbouring years', async () => {
    expect(await dashboard(`?year=${Y - 1}`)).toMatchObject({ trained: 1, internal: 0, external: 1, byInstitution: [{ institution: 'Peking University First Hospital', count: 1 }] });
    const next = await dashboard(`?year=${Y + 1}`);
    expect(next).toMatchObject({ trained: 1, external: 1 });
    expect(next.byMonth[0]).toEqual({ month: 1, count: 1 });
    // Without a year: the current year in the site's zone.
    expect((await dashboard()).year).toBe(Y + 1);
  });

  it('sets the target with a reason (default 100) and shows it', async () => {
    const put = await h.request(trainer, 'PUT', `/api/v1/training/targets/${Y}`, { target: 120, reason: 'Partner network expanded' });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toEqual({ year: Y, target: 120 });
    expect((await dashboard(`?year=${Y}`)).target).toBe(120);
    expect((await dashboard(`?year=${Y + 1}`)).target).toBe(100);
    const again = await h.request(trainer, 'PUT', `/api/v1/training/targets/${Y}`, { target: 150, reason: 'Second GMP suite opened' });
    expect(again.json()).toEqual({ year: Y, target: 150 });
    const events = await h.database.query<{ action: string; reason: string }>(`SELECT action, reason FROM audit_events WHERE entity_type = 'training_target' ORDER BY seq`);
    expect(events.map((e) => `${e.action}: ${e.reason ?? ''}`)).toEqual(['create: ', 'target_set: Partner network expanded', 'update: Second GMP suite opened']);
  });

  it('refuses bad input and roles without the permission', async () => {
    const noReason = await h.request(trainer, 'PUT', `/api/v1/training/targets/${Y}`, { target: 90 });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json<Problem>().errors!.map((e) => e.path)).toEqual(['body.reason']);
    const badYear = await h.request(trainer, 'PUT', '/api/v1/training/targets/1999', { target: 90, reason: 'x' });
    expect(badYear.json<Problem>().errors!.map((e) => e.path)).toEqual(['params.year']);
    expect((await h.request(trainer, 'PUT', `/api/v1/training/targets/${Y}`, { target: 0, reason: 'x' })).statusCode).toBe(400);
    expect((await h.request(director, 'GET', '/api/v1/training/dashboard?year=abc')).statusCode).toBe(400);
    expect((await h.request(director, 'GET', '/api/v1/training/dashboard?year=1990')).statusCode).toBe(400);
    const qa = await h.createTestUser({ roles: ['qa'] });
    expect((await h.request(qa, 'GET', '/api/v1/training/dashboard')).statusCode).toBe(200);
    expect((await h.request(qa, 'PUT', `/api/v1/training/targets/${Y}`, { target: 90, reason: 'x' })).statusCode).toBe(403);
    const trainee = await h.createTestUser({ roles: ['trainee'] });
    expect((await h.request(trainee, 'GET', '/api/v1/training/dashboard')).statusCode).toBe(403);
    expect((await dashboard(`?year=${Y}`)).target).toBe(150);
  });
});

describe('training dashboard: qualifications expiring in the next 30/60/90 days', () => {
  let h: Harness;
  let director: TestUser;
  const ids = new Map<number, string>();
  beforeAll(async () => {
    const s = await setup();
    h = s.h;
    director = await h.createTestUser({ roles: ['director'] });
    const now = Date.now();
    // A 12-month qualification achieved 12 months before (now + d days) expires d local days from today.
    const expiringIn = async (name: string, d: number) => {
      const q = await s.grant(await s.external(name, 'Beijing Ditan Hospital'), 'GMP-101', addMonthsInZone(new Date(now + d * DAY), -12, ZONE));
      ids.set(d, q.id);
      return q;
    };
    for (const d of [10, 30, 31, 45, 80, 90, 91, 100, -5]) await expiringIn(`Learner ${d}`, d);
    const suspended = await expiringIn('Suspended 20', 20);
    expect((await h.request(s.trainer, 'POST', `/api/v1/training/qualifications/${suspended.id}/suspend`, { reason: 'Deviation' })).statusCode).toBe(200);
    const learner = await s.external('Requalified 15', 'Beijing Ditan Hospital');
    await s.grant(learner, 'GMP-101', addMonthsInZone(new Date(now + 15 * DAY), -12, ZONE));
    await s.grant(learner, 'GMP-101', addMonthsInZone(new Date(now + 200 * DAY), -12, ZONE)); // supersedes the one above
  });
  afterAll(() => h.close());

  it('counts active, still valid qualifications by local days left; the windows nest', async () => {
    const res = await h.request(director, 'GET', '/api/v1/training/dashboard');
    const { expiring } = res.json<Dashboard>();
    expect({ within30: expiring.within30, within60: expiring.within60, within90: expiring.within90 }).toEqual({ within30: 2, within60: 4, within90: 6 });
    expect(expiring.items.map((i) => [i.learnerName, i.daysLeft])).toEqual([
      ['Learner 10', 10],
      ['Learner 30', 30],
      ['Learner 31', 31],
      ['Learner 45', 45],
      ['Learner 80', 80],
      ['Learner 90', 90],
    ]);
    for (const item of expiring.items) {
      expect(item.daysLeft).toBe(daysUntil(new Date(item.validUntil), new Date(), ZONE));
      expect(item).toMatchObject({ courseCode: 'GMP-101', qualificationId: ids.get(item.daysLeft) });
    }
  });
});
