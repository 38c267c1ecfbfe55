/**
 * Daily CRS and ICANS after infusion. Expected grades from the ASTCT consensus (Lee et al., Biol Blood
 * Marrow Transplant 2019;25:625, Tables 2–4): fever alone grade 1; fever with hypotension needing fluids
 * only, or low-flow oxygen, grade 2; one vasopressor or high-flow oxygen grade 3; ICE 7–9 grade 1, 3–6
 * grade 2, 0–2 grade 3, unarousable grade 4. Days are counted in the site's time zone (Asia/Shanghai,
 * UTC+8): 00:30 local is still the day before in UTC.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type TestUser } from '../../../test/harness';
import { rowCounts, subjectWith, type SubjectWorld } from './safety.fixtures';

type Problem = { code: string; errors?: { path: string }[] };
type Day = { day: number; date: string; crs: { grade: number | null }; icans: { grade: number | null; iceScore: number | null }; treatments: { kind: string; dose?: number }[] };

const DAY = 86_400_000;
/** YYYY-MM-DD in Shanghai, `d` days before today. */
const shanghaiDate = (d: number) => new Date(Date.now() + 8 * 3_600_000 - d * DAY).toISOString().slice(0, 10);
const plusDays = (date: string, d: number) => new Date(Date.parse(`${date}T00:00:00Z`) + d * DAY).toISOString().slice(0, 10);
const local = (date: string, time: string) => `${date}T${time}:00+08:00`;

const ICE_FULL = { orientationYear: true, orientationMonth: true, orientationCity: true, orientationHospital: true, namedObjects: 3, followsCommands: true, writesSentence: true, countsBackBy10: true };

describe('CRS and ICANS assessments', () => {
  let h: Harness;
  let nurse: TestUser;
  let researcher: TestUser;
  let s: SubjectWorld;
  const day0 = shanghaiDate(6);
  beforeAll(async () => {
    h = await createHarness();
    nurse = await h.createTestUser({ roles: ['nurse'] });
    researcher = await h.createTestUser({ roles: ['researcher'] });
    s = await subjectWith(h, { infusedAt: new Date(local(day0, '10:00')) });
  });
  afterAll(() => h.close());

  const crs = (more: Record<string, unknown>, subjectId = s.subjectId, user = nurse) =>
    h.request(user, 'POST', `/api/v1/clinical/subjects/${subjectId}/crs-assessments`, { temperatureC: 38.6, hypotension: 'none', hypoxia: 'none', treatments: [], ...more });
  const icans = (more: Record<string, unknown>) => h.request(nurse, 'POST', `/api/v1/clinical/subjects/${s.subjectId}/icans-assessments`, { consciousness: 'awake', ...more });

  it('computes the CRS grade, creates the CRS adverse event, then raises it with a higher grade', async () => {
    const first = await crs({ assessedAt: local(plusDays(day0, 1), '08:00') });
    expect(first.statusCode, first.body).toBe(201);
    const one = first.json<{ assessment: { grade: number; day: number }; adverseEvent: { id: string; action: string } }>();
    expect(one.assessment).toMatchObject({ grade: 1, day: 1 });
    expect(one.adverseEvent.action).toBe('created');
    const second = (await crs({ assessedAt: local(plusDays(day0, 1), '23:30'), hypotension: 'fluids', treatments: [{ kind: 'tocilizumab', dose: 560, unit: 'mg' }] })).json<typeof one>();
    expect(second.assessment).toMatchObject({ grade: 2, day: 1 });
    expect(second.adverseEvent).toEqual({ id: one.adverseEvent.id, number: expect.any(String), action: 'upgraded' });
    // 00:30 in Shanghai is 16:30 UTC of the day before: still post-infusion day 2 at the site.
    const third = (await crs({ assessedAt: local(plusDays(day0, 2), '00:30'), temperatureC: 38.1 })).json<typeof one>();
    expect(third.assessment).toMatchObject({ grade: 1, day: 2 });
    expect(third.adverseEvent.action).toBe('unchanged');
    const ae = (await h.request(researcher, 'GET', `/api/v1/clinical/adverse-events/${one.adverseEvent.id}`)).json<{ ctcaeTerm: string; grade: number; source: string; productDin: string; serious: null; versions: unknown[] }>();
    expect(ae).toMatchObject({ ctcaeTerm: 'cytokine_release_syndrome', grade: 2, source: 'crs_assessment', productDin: s.din, serious: null });
    expect(ae.versions).toHaveLength(2);
  });

  it('computes ICANS from the ICE items, and the day board keeps the worst grade of each local day', async () => {
    const a = await icans({ assessedAt: local(plusDays(day0, 1), '09:00'), ice: ICE_FULL });
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json<{ assessment: { iceScore: number; grade: number } }>().assessment).toMatchObject({ iceScore: 10, grade: 0 });
    const b = await icans({ assessedAt: local(plusDays(day0, 2), '00:15'), ice: { ...ICE_FULL, orientationYear: false, namedObjects: 1, writesSentence: false }, treatments: [{ kind: 'corticosteroid', name: 'dexamethasone', dose: 10, unit: 'mg' }] });
    expect(b.json<{ assessment: { iceScore: number; grade: number; day: number } }>().assessment).toMatchObject({ iceScore: 6, grade: 2, day: 2 });
    const board = await h.request(researcher, 'GET', `/api/v1/clinical/subjects/${s.subjectId}/crs-icans`);
    expect(board.statusCode, board.body).toBe(200);
    const days = board.json<{ timeZone: string; days: Day[] }>();
    expect(days.timeZone).toBe('Asia/Shanghai');
    expect(days.days.map((d) => [d.day, d.date, d.crs.grade, d.icans.grade, d.icans.iceScore])).toEqual([
      [1, plusDays(day0, 1), 2, 0, 10],
      [2, plusDays(day0, 2), 1, 2, 6],
    ]);
    expect(days.days[0]!.treatments.map((t) => [t.kind, t.dose])).toEqual([['tocilizumab', 560]]);
    expect(days.days[1]!.treatments.map((t) => t.kind)).toEqual(['corticosteroid']);
  });

  it('grades an unarousable patient 4 without the ICE items, and asks for them otherwise', async () => {
    const deep = await icans({ assessedAt: local(plusDays(day0, 3), '10:00'), consciousness: 'unarousable' });
    expect(deep.json<{ assessment: { iceScore: number; grade: number } }>().assessment).toMatchObject({ iceScore: 0, grade: 4 });
    const before = await rowCounts(h, 'icans_assessments');
    const missing = await icans({ assessedAt: local(plusDays(day0, 3), '11:00') });
    expect(missing.statusCode).toBe(422);
    expect(missing.json<Problem>()).toMatchObject({ code: 'icans.ice_required', errors: [{ path: 'body.ice' }] });
    expect(await rowCounts(h, 'icans_assessments')).toEqual(before);
  });

  it('refuses an assessment before the infusion, in the future, without an infusion, or with bad values', async () => {
    const notInfused = await subjectWith(h, {});
    const before = await rowCounts(h, 'crs_assessments');
    const early = await crs({ assessedAt: local(day0, '09:00') });
    expect(early.statusCode).toBe(422);
    expect(early.json<Problem>()).toMatchObject({ code: 'crs.before_infusion', errors: [{ path: 'body.assessedAt' }] });
    const future = await crs({ assessedAt: new Date(Date.now() + DAY).toISOString() });
    expect(future.json<Problem>().code).toBe('crs.in_future');
    const bad = await crs({ assessedAt: local(plusDays(day0, 1), '12:00'), temperatureC: 50, hypoxia: 'a lot', treatments: [{ kind: 'aspirin' }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<Problem>().errors?.map((e) => e.path).sort()).toEqual(['body.hypoxia', 'body.temperatureC', 'body.treatments.0.kind']);
    const none = await crs({ assessedAt: new Date().toISOString() }, notInfused.subjectId);
    expect(none.statusCode).toBe(409);
    expect(none.json<Problem>().code).toBe('crs.no_infusion');
    expect(await rowCounts(h, 'crs_assessments')).toEqual(before);
  });

  it('refuses roles without clinical:write', async () => {
    for (const roles of [['researcher'], ['director'], ['operator']] as const) {
      const user = await h.createTestUser({ roles: [...roles] });
      expect((await crs({ assessedAt: local(plusDays(day0, 1), '12:00') }, s.subjectId, user)).statusCode).toBe(403);
    }
  });
});
