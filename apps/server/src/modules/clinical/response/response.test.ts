/**
 * mRECIST time points (Lencioni & Llovet 2010): target lesions ≤ 2 per organ and ≤ 5 in all, the same
 * lesions at follow-up; PR is a ≥ 30 % decrease of the viable-diameter sum from baseline, PD a ≥ 20 %
 * increase over the nadir (the smallest sum recorded before), or a new lesion.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type TestUser } from '../../../test/harness';
import { rowCounts, subjectWith, type SubjectWorld } from '../safety/safety.fixtures';

type Problem = { code: string; errors?: { path: string }[] };
type Timepoint = { id: string; sum: number; nadirSum: number | null; response: string | null; changeFromBaselinePct: number | null; changeFromNadirPct: number | null; isBaseline: boolean };
type Response = { baseline: Timepoint | null; timepoints: Timepoint[]; nadir: { sum: number } | null; bestOverallResponse: string | null };

const DAY = 86_400_000;
const ago = (d: number) => new Date(Date.now() - d * DAY).toISOString();
const lesions = (t1: number, t2: number) => [
  { lesionId: 'T1', organ: 'liver', viableDiameterMm: t1 },
  { lesionId: 'T2', organ: 'liver', viableDiameterMm: t2 },
];

describe('tumour response (mRECIST)', () => {
  let h: Harness;
  let coordinator: TestUser;
  let researcher: TestUser;
  let s: SubjectWorld;
  beforeAll(async () => {
    h = await createHarness();
    coordinator = await h.createTestUser({ roles: ['coordinator'] });
    researcher = await h.createTestUser({ roles: ['researcher'] });
    s = await subjectWith(h, { infusedAt: new Date(Date.now() - 100 * DAY) });
  });
  afterAll(() => h.close());

  const post = (body: Record<string, unknown>, user = coordinator, subjectId = s.subjectId) =>
    h.request(user, 'POST', `/api/v1/clinical/subjects/${subjectId}/tumour-assessments`, { modality: 'mri', nonTargetLesions: [], newLesions: false, ...body });

  it('refuses target lesions breaking the mRECIST rules, with 422 and nothing stored', async () => {
    const before = await rowCounts(h, 'tumour_assessments');
    const threeInLiver = await post({ assessedAt: ago(95), targetLesions: [...lesions(30, 20), { lesionId: 'T3', organ: 'liver', viableDiameterMm: 15 }] });
    expect(threeInLiver.statusCode).toBe(422);
    expect(threeInLiver.json<Problem>()).toMatchObject({ code: 'tumour.target_rules', errors: [{ path: 'body.targetLesions' }] });
    const six = await post({
      assessedAt: ago(95),
      targetLesions: ['liver', 'liver', 'lung', 'lung', 'adrenal', 'bone'].map((organ, i) => ({ lesionId: `T${i + 1}`, organ, viableDiameterMm: 12 })),
    });
    expect(six.json<Problem>().code).toBe('tumour.target_rules');
    const dup = await post({ assessedAt: ago(95), targetLesions: [{ lesionId: 'T1', organ: 'liver', viableDiameterMm: 30 }], nonTargetLesions: [{ lesionId: 'T1', status: 'present' }] });
    expect(dup.json<Problem>().code).toBe('tumour.duplicate_lesion');
    const negative = await post({ assessedAt: ago(95), targetLesions: lesions(-3, 10) });
    expect(negative.statusCode).toBe(400);
    expect(negative.json<Problem>().errors?.[0]?.path).toBe('body.targetLesions.0.viableDiameterMm');
    expect(await rowCounts(h, 'tumour_assessments')).toEqual(before);
  });

  it('computes PR against the baseline, then PD against the nadir', async () => {
    const base = await post({ assessedAt: ago(90), targetLesions: lesions(40, 20) });
    expect(base.statusCode, base.body).toBe(201);
    expect(base.json<Timepoint>()).toMatchObject({ isBaseline: true, sum: 60, response: null });
    // 60 → 36 mm: −40 % from baseline.
    const pr = await post({ assessedAt: ago(60), targetLesions: lesions(24, 12) });
    expect(pr.json<Timepoint>()).toMatchObject({ sum: 36, nadirSum: 60, changeFromBaselinePct: -40, response: 'PR' });
    // 36 → 45 mm: −25 % from baseline, but +25 % over the nadir of 36: progression.
    const pd = await post({ assessedAt: ago(30), targetLesions: lesions(30, 15) });
    expect(pd.json<Timepoint>()).toMatchObject({ sum: 45, nadirSum: 36, changeFromNadirPct: 25, response: 'PD' });
    const response = (await h.request(researcher, 'GET', `/api/v1/clinical/subjects/${s.subjectId}/response`)).json<Response>();
    expect(response.timepoints.map((t) => t.response)).toEqual([null, 'PR', 'PD']);
    expect(response.nadir?.sum).toBe(36);
    expect(response.bestOverallResponse).toBe('PR');
  });

  it('follows the baseline lesions only, after the baseline', async () => {
    const changed = await post({ assessedAt: ago(20), targetLesions: [{ lesionId: 'T1', organ: 'liver', viableDiameterMm: 20 }] });
    expect(changed.statusCode).toBe(422);
    expect(changed.json<Problem>().code).toBe('tumour.target_lesions_changed');
    const early = await post({ assessedAt: ago(99), targetLesions: lesions(1, 1) });
    expect(early.json<Problem>()).toMatchObject({ code: 'tumour.before_baseline', errors: [{ path: 'body.assessedAt' }] });
  });

  it('a new lesion is progression whatever the sum', async () => {
    const other = await subjectWith(h, {});
    expect((await post({ assessedAt: ago(40), targetLesions: lesions(40, 20) }, coordinator, other.subjectId)).statusCode).toBe(201);
    const res = await post({ assessedAt: ago(10), targetLesions: lesions(10, 5), newLesions: true }, coordinator, other.subjectId);
    expect(res.json<Timepoint>().response).toBe('PD');
  });

  it('refuses roles without clinical:write, and readers without clinical:read', async () => {
    expect((await post({ assessedAt: ago(5), targetLesions: lesions(30, 15) }, researcher)).statusCode).toBe(403);
    const partner = await h.createTestUser({ roles: ['partner'] });
    expect((await h.request(partner, 'GET', `/api/v1/clinical/subjects/${s.subjectId}/response`)).statusCode).toBe(403);
  });
});
