/**
 * SAE clocks through the API: an assessment that makes an AE serious starts the sponsor's 24-hour clock
 * (China GCP 2020 Art. 26), a SUSAR also the expedited report (7 days fatal/life-threatening, else 15: Art.
 * 48, ICH E2A) and the ethics notification; the board computes running/overdue now; a report meets a clock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, TEST_PASSWORD, type Harness, type TestUser } from '../../../test/harness';
import { rowCounts, subjectWith, type SubjectWorld } from './safety.fixtures';

type Clock = { id: string; kind: string; status: string; startsAt: string; dueAt: string; msLeft: number; overdueMs: number; late: boolean; metAt: string | null; subjectCode: string; reports: { reportedBy: string; signatures: { signer: string }[] }[] };
type Ae = { id: string; susar: boolean | null; clocks: Clock[] };
type Problem = { code: string; errors?: { path: string }[] };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const sign = { password: TEST_PASSWORD, meaning: 'Investigator assessment' };

describe('SAE clocks', () => {
  let h: Harness;
  let physician: TestUser;
  let coordinator: TestUser;
  let director: TestUser;
  let nurse: TestUser;
  let s: SubjectWorld;
  beforeAll(async () => {
    h = await createHarness();
    physician = await h.createTestUser({ roles: ['physician'] });
    coordinator = await h.createTestUser({ roles: ['coordinator'] });
    director = await h.createTestUser({ roles: ['director'] });
    nurse = await h.createTestUser({ roles: ['nurse'] });
    s = await subjectWith(h, { infusedAt: new Date(Date.now() - 20 * DAY) });
  });
  afterAll(() => h.close());

  const record = async (awareAt: Date, more: Record<string, unknown> = {}) => {
    const res = await h.request(nurse, 'POST', `/api/v1/clinical/subjects/${s.subjectId}/adverse-events`, {
      verbatimTerm: 'Febrile neutropenia',
      ctcaeTerm: 'neutrophil_count_decreased',
      grade: 4,
      onsetAt: new Date(awareAt.getTime() - HOUR).toISOString(),
      awareAt: awareAt.toISOString(),
      actionTaken: 'not_applicable',
      outcome: 'recovering',
      ...more,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Ae>();
  };
  const assess = async (aeId: string, seriousness: string[], product: string, expectedness: string, more: Record<string, unknown> = {}) => {
    const res = await h.request(physician, 'POST', `/api/v1/clinical/adverse-events/${aeId}/assessment`, { seriousness, relatedness: { product, lymphodepletion: 'probable' }, expectedness, signature: sign, ...more });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Ae>();
  };
  const due = (ae: Ae) => Object.fromEntries(ae.clocks.filter((c) => c.status !== 'cancelled').map((c) => [c.kind, Date.parse(c.dueAt) - Date.parse(c.startsAt)]));

  it('a serious, expected AE owes the sponsor its report within 24 h of awareness', async () => {
    const awareAt = new Date(Date.now() - 2 * HOUR);
    const ae = await assess((await record(awareAt)).id, ['hospitalization'], 'probable', 'expected');
    expect(ae.susar).toBe(false);
    expect(due(ae)).toEqual({ sponsor_initial: DAY });
    expect(ae.clocks[0]).toMatchObject({ status: 'running', startsAt: awareAt.toISOString(), dueAt: new Date(awareAt.getTime() + DAY).toISOString() });
    expect(ae.clocks[0]!.msLeft).toBeGreaterThan(21 * HOUR);
  });

  it('a SUSAR adds the expedited report and the ethics notification: 15 days, or 7 when life-threatening', async () => {
    const other = await assess((await record(new Date(Date.now() - HOUR))).id, ['hospitalization'], 'possible', 'unexpected');
    expect(other.susar).toBe(true);
    expect(due(other)).toEqual({ sponsor_initial: DAY, expedited_regulatory: 15 * DAY, ethics_notification: 15 * DAY });
    const fast = await assess((await record(new Date(Date.now() - HOUR))).id, ['life_threatening'], 'definite', 'unexpected');
    expect(due(fast)).toEqual({ sponsor_initial: DAY, expedited_regulatory: 7 * DAY, expedited_followup: 15 * DAY, ethics_notification: 7 * DAY });
  });

  it('a non-serious or not-related AE starts no expedited clock', async () => {
    const none = await assess((await record(new Date(Date.now() - HOUR))).id, [], 'definite', 'unexpected');
    expect(none.clocks).toEqual([]);
    const unrelated = await assess((await record(new Date(Date.now() - HOUR))).id, ['hospitalization'], 'unlikely', 'unexpected');
    expect(due(unrelated)).toEqual({ sponsor_initial: DAY });
  });

  it('shows an overdue clock on the board to investigator, coordinator and director, computed now', async () => {
    const ae = await assess((await record(new Date(Date.now() - 30 * HOUR))).id, ['hospitalization'], 'not_related', 'expected');
    const clock = ae.clocks[0]!;
    expect(clock.status).toBe('overdue');
    expect(clock.overdueMs).toBeGreaterThan(5 * HOUR);
    for (const user of [physician, coordinator, director]) {
      const board = await h.request(user, 'GET', '/api/v1/clinical/sae-clocks?status=overdue');
      expect(board.statusCode, board.body).toBe(200);
      expect(board.json<{ items: Clock[] }>().items.map((c) => c.id)).toContain(clock.id);
    }
    const running = (await h.request(coordinator, 'GET', '/api/v1/clinical/sae-clocks?status=running')).json<{ items: Clock[] }>().items;
    expect(running.map((c) => c.id)).not.toContain(clock.id);
    expect(running.every((c) => c.status === 'running' && c.msLeft > 0)).toBe(true);
  });

  it('a report meets the clock (late when after due); follow-ups keep the first time', async () => {
    const ae = await assess((await record(new Date(Date.now() - 30 * HOUR))).id, ['death'], 'not_related', 'expected', {});
    const clock = ae.clocks.find((c) => c.kind === 'sponsor_initial')!;
    const url = `/api/v1/clinical/sae-clocks/${clock.id}/reports`;
    const reportedAt = new Date(Date.now() - HOUR).toISOString();
    const byNurse = await h.request(nurse, 'POST', url, { reportedAt, recipient: 'Sponsor safety desk', signature: sign });
    expect(byNurse.statusCode).toBe(403);
    const before = await rowCounts(h, 'sae_reports');
    const future = await h.request(physician, 'POST', url, { reportedAt: new Date(Date.now() + DAY).toISOString(), recipient: 'Sponsor', signature: sign });
    expect(future.statusCode).toBe(422);
    expect(future.json<Problem>().errors?.[0]?.path).toBe('body.reportedAt');
    const wrong = await h.request(physician, 'POST', url, { reportedAt, recipient: 'Sponsor', signature: { ...sign, password: 'not-it' } });
    expect(wrong.statusCode).toBe(401);
    expect(await rowCounts(h, 'sae_reports')).toMatchObject({ rows: before.rows });
    const met = await h.request(physician, 'POST', url, { reportedAt, recipient: 'Sponsor safety desk', reference: 'SAE-2026-014', signature: sign });
    expect(met.statusCode, met.body).toBe(201);
    expect(met.json<Clock>()).toMatchObject({ status: 'met', late: true, metAt: reportedAt, reports: [{ reportedBy: physician.username, signatures: [{ signer: physician.username }] }] });
    const followUp = await h.request(physician, 'POST', url, { reportedAt: new Date().toISOString(), recipient: 'Sponsor safety desk', signature: sign });
    expect(followUp.json<Clock>()).toMatchObject({ status: 'met', metAt: reportedAt });
    expect(followUp.json<Clock>().reports).toHaveLength(2);
    const metBoard = (await h.request(director, 'GET', '/api/v1/clinical/sae-clocks?status=met')).json<{ items: Clock[] }>().items;
    expect(metBoard.map((c) => c.id)).toContain(clock.id);
  });

  it('a re-assessment as not serious needs a reason and cancels the running clocks', async () => {
    const ae = await assess((await record(new Date(Date.now() - HOUR))).id, ['hospitalization'], 'possible', 'unexpected');
    const url = `/api/v1/clinical/adverse-events/${ae.id}/assessment`;
    const noReason = await h.request(physician, 'POST', url, { seriousness: [], relatedness: { product: 'possible' }, expectedness: 'unexpected', signature: sign });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json<Problem>().code).toBe('adverse_event.reassessment_reason');
    const again = await assess(ae.id, [], 'possible', 'unexpected', { reason: 'Admission was elective, planned before the event' });
    expect(again.clocks.map((c) => c.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
  });

  it('the board is pseudonymous and refuses roles without clinical access', async () => {
    const researcher = await h.createTestUser({ roles: ['researcher'] });
    const board = (await h.request(researcher, 'GET', `/api/v1/clinical/sae-clocks?subjectId=${s.subjectId}`)).json<{ items: (Clock & { name?: string })[] }>();
    expect(board.items.length).toBeGreaterThan(0);
    expect(board.items.every((c) => c.subjectCode === s.subjectCode && !('name' in c))).toBe(true);
    const qa = await h.createTestUser({ roles: ['qa'] });
    expect((await h.request(qa, 'GET', '/api/v1/clinical/sae-clocks')).statusCode).toBe(403);
    expect((await h.request(coordinator, 'GET', '/api/v1/clinical/sae-clocks?status=stale')).statusCode).toBe(400);
  });
});
