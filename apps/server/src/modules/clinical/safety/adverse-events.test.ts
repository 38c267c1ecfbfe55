/**
 * Adverse events: validation (each refusal a 422 naming the field, changing nothing), investigator-only
 * judgement, versions with reasons, and the product the event is related to.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, TEST_PASSWORD, type Harness, type TestUser } from '../../../test/harness';
import { rowCounts, subjectWith, type SubjectWorld } from './safety.fixtures';

type Problem = { code: string; errors?: { path: string }[]; params?: Record<string, unknown> };
type Ae = { id: string; number: string; status: string; grade: number; version: number; serious: boolean | null; susar: boolean | null; productDin: string | null; versions: { version: number; kind: string; reason: string | null }[]; signatures: { signer: string; valid: boolean }[]; clocks: { kind: string }[] };

const sign = { password: TEST_PASSWORD, meaning: 'Investigator assessment' };
const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000);

describe('adverse events', () => {
  let h: Harness;
  let nurse: TestUser;
  let physician: TestUser;
  let researcher: TestUser;
  let operator: TestUser;
  let s: SubjectWorld;
  beforeAll(async () => {
    h = await createHarness();
    nurse = await h.createTestUser({ roles: ['nurse'] });
    physician = await h.createTestUser({ roles: ['physician'] });
    researcher = await h.createTestUser({ roles: ['researcher'] });
    operator = await h.createTestUser({ roles: ['operator'] });
    s = await subjectWith(h, { infusedAt: daysAgo(5) });
  });
  afterAll(() => h.close());

  const body = (more: Record<string, unknown> = {}) => ({
    verbatimTerm: 'Raised liver enzymes',
    ctcaeTerm: 'alt_increased',
    grade: 2,
    onsetAt: daysAgo(3).toISOString(),
    actionTaken: 'not_applicable',
    outcome: 'recovering',
    ...more,
  });
  const post = (more: Record<string, unknown> = {}, user = nurse, subjectId = s.subjectId) => h.request(user, 'POST', `/api/v1/clinical/subjects/${subjectId}/adverse-events`, body(more));

  it('records an AE with its number, version 1 and no judgement yet', async () => {
    const res = await post({ productDin: s.din });
    expect(res.statusCode, res.body).toBe(201);
    const ae = res.json<Ae>();
    expect(ae).toMatchObject({ number: expect.stringMatching(/^AE-\d{3}$/), status: 'open', grade: 2, version: 1, serious: null, susar: null, productDin: s.din });
    const list = (await h.request(researcher, 'GET', `/api/v1/clinical/subjects/${s.subjectId}/adverse-events`)).json<{ items: Ae[] }>();
    expect(list.items.map((a) => a.id)).toContain(ae.id);
  });

  it.each([
    ['resolution before onset', { resolvedAt: daysAgo(4).toISOString(), outcome: 'recovered' }, 'adverse_event.resolved_before_onset', 'body.resolvedAt'],
    ['grade 6', { grade: 6 }, 'adverse_event.grade_out_of_range', 'body.grade'],
    ['grade 0', { grade: 0 }, 'adverse_event.grade_out_of_range', 'body.grade'],
    ['an unknown CTCAE term', { ctcaeTerm: 'liver_feels_funny' }, 'adverse_event.unknown_ctcae_term', 'body.ctcaeTerm'],
    ['a product the subject did not receive', { productDin: 'A999926999999' }, 'adverse_event.product_not_received', 'body.productDin'],
    ['awareness before onset', { awareAt: daysAgo(4).toISOString() }, 'adverse_event.aware_before_onset', 'body.awareAt'],
    ['grade 5 without a fatal outcome', { grade: 5 }, 'adverse_event.grade5_outcome', 'body.outcome'],
    ['an onset in the future', { onsetAt: new Date(Date.now() + 86_400_000).toISOString() }, 'adverse_event.onset_in_future', 'body.onsetAt'],
  ])('refuses %s with 422 naming the field, and changes nothing', async (_label, more, code, path) => {
    const before = await rowCounts(h, 'adverse_events');
    const res = await post(more);
    expect(res.statusCode, res.body).toBe(422);
    const problem = res.json<Problem>();
    expect(problem.code).toBe(code);
    expect(problem.errors?.map((e) => e.path)).toEqual([path]);
    expect(await rowCounts(h, 'adverse_events')).toEqual(before);
  });

  it('refuses a DIN of another subject’s product', async () => {
    const other = await subjectWith(h, { infusedAt: daysAgo(2) });
    const res = await post({ productDin: other.din });
    expect(res.json<Problem>().code).toBe('adverse_event.product_not_received');
  });

  it('refuses a malformed body with 400 naming the field', async () => {
    const res = await post({ onsetAt: 'yesterday', actionTaken: 'shrugged' });
    expect(res.statusCode).toBe(400);
    expect(res.json<Problem>().errors?.map((e) => e.path).sort()).toEqual(['body.actionTaken', 'body.onsetAt']);
  });

  it('lets only an investigator judge seriousness and relatedness', async () => {
    const assessment = { seriousness: ['hospitalization'], relatedness: { product: 'possible' }, expectedness: 'expected', signature: sign };
    const before = await rowCounts(h, 'adverse_events');
    const byNurse = await post({ assessment }, nurse);
    expect(byNurse.statusCode).toBe(403);
    expect(byNurse.json<Problem>().code).toBe('adverse_event.assessment_investigator_only');
    expect(await rowCounts(h, 'adverse_events')).toEqual(before);
    const ae = (await post()).json<Ae>();
    const refused = await h.request(nurse, 'POST', `/api/v1/clinical/adverse-events/${ae.id}/assessment`, assessment);
    expect(refused.statusCode).toBe(403);
    const byPhysician = await post({ assessment }, physician);
    expect(byPhysician.statusCode, byPhysician.body).toBe(201);
    expect(byPhysician.json<Ae>()).toMatchObject({ serious: true, susar: false, signatures: [{ signer: physician.username, valid: true }] });
  });

  it('refuses roles without clinical access and anonymous callers', async () => {
    expect((await post({}, researcher)).statusCode).toBe(403);
    expect((await post({}, operator)).statusCode).toBe(403);
    expect((await h.request(operator, 'GET', `/api/v1/clinical/subjects/${s.subjectId}/adverse-events`)).statusCode).toBe(403);
    expect((await h.request(null, 'GET', `/api/v1/clinical/subjects/${s.subjectId}/adverse-events`)).statusCode).toBe(401);
  });

  it('keeps every version: a follow-up needs a reason, and re-checks the record as it would stand', async () => {
    const ae = (await post()).json<Ae>();
    const url = `/api/v1/clinical/adverse-events/${ae.id}`;
    const noReason = await h.request(nurse, 'PATCH', url, { grade: 3 });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json<Problem>().code).toBe('gmp.reason_required');
    const bad = await h.request(nurse, 'PATCH', url, { resolvedAt: daysAgo(4).toISOString(), reason: 'Resolved' });
    expect(bad.json<Problem>().errors?.[0]?.path).toBe('body.resolvedAt');
    const ok = await h.request(nurse, 'PATCH', url, { grade: 3, reason: 'ALT rose to 6 × ULN on day 4' });
    expect(ok.statusCode, ok.body).toBe(200);
    const resolved = await h.request(nurse, 'PATCH', url, { resolvedAt: daysAgo(1).toISOString(), outcome: 'recovered', reason: 'Back to normal' });
    const full = (await h.request(researcher, 'GET', url)).json<Ae>();
    expect(resolved.statusCode).toBe(200);
    expect(full).toMatchObject({ status: 'resolved', grade: 3, version: 3 });
    expect(full.versions.map((v) => [v.version, v.kind, v.reason])).toEqual([
      [1, 'initial', null],
      [2, 'follow_up', 'ALT rose to 6 × ULN on day 4'],
      [3, 'follow_up', 'Back to normal'],
    ]);
    const audit = await h.database.query<{ reason: string | null }>(`SELECT reason FROM audit_events WHERE entity_type = 'adverse_event' AND entity_id = $1`, [ae.id]);
    expect(audit.map((e) => e.reason)).toContain('ALT rose to 6 × ULN on day 4');
  });

  it('voids with reason and signature; a voided AE is no longer changed', async () => {
    const ae = (await post()).json<Ae>();
    const voided = await h.request(physician, 'POST', `/api/v1/clinical/adverse-events/${ae.id}/void`, { reason: 'Entered for the wrong subject', signature: sign });
    expect(voided.statusCode, voided.body).toBe(200);
    expect(voided.json<Ae>().status).toBe('voided');
    const again = await h.request(nurse, 'PATCH', `/api/v1/clinical/adverse-events/${ae.id}`, { grade: 1, reason: 'x' });
    expect(again.statusCode).toBe(409);
    expect(again.json<Problem>().code).toBe('adverse_event.voided');
  });

  it('answers 404 for an unknown subject', async () => {
    const res = await post({}, nurse, '00000000-0000-4000-8000-000000000000');
    expect(res.statusCode).toBe(404);
  });
});
