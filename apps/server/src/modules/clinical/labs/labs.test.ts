/**
 * Lab results through the API: entry converted to SI with reference flags, liver scores on the panel, refused
 * input at its field with nothing stored, corrections by supersession, the score series, roles.
 */
import { convertLab, liverScores } from '@hepatica/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type TestUser } from '../../../test/harness';
import { createStudy } from '../../../test/fixtures';
import { effectiveProtocol, enrolledSubject } from '../consent/consent.fixtures';

type Problem = { code: string; params?: Record<string, unknown>; errors?: { path: string; code?: string }[] };
type Result = { id: string; analyte: string; value: number; unit: string; canonicalValue: number; canonicalUnit: string; flag: string | null; status: string; supersededById: string | null; supersedesId: string | null; correctionReason: string | null; reference: { high?: number } | null };
type Panel = { id: string; results: Result[]; scores: Record<string, unknown> & { meld?: { score: number; raw: number } } };

const DAY = 86_400_000;
const at = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString();

describe('lab results', () => {
  let h: Harness;
  let nurse: TestUser;
  let researcher: TestUser;
  let operator: TestUser;
  let coordinator: TestUser;
  let subjectId: string;
  beforeAll(async () => {
    h = await createHarness();
    coordinator = await h.createTestUser({ roles: ['coordinator'] });
    nurse = await h.createTestUser({ roles: ['nurse'] });
    researcher = await h.createTestUser({ roles: ['researcher'] });
    operator = await h.createTestUser({ roles: ['operator'] });
    const study = await createStudy(h, coordinator);
    const protocol = (await effectiveProtocol(h.database.db, study.id, new Date(Date.now() - 90 * DAY))).protocol;
    const patient = await h.request(coordinator, 'POST', '/api/v1/patients', { sex: 'male', birthDate: '1970-01-02', name: '测试 化验', mrn: `L${Math.floor(Math.random() * 1e9)}` });
    expect(patient.statusCode, patient.body).toBe(201);
    subjectId = (await enrolledSubject(h.database.db, patient.json<{ id: string }>().id, protocol.id, study.id, study.code, new Date(Date.now() - 30 * DAY))).id;
  });
  afterAll(() => h.close());

  const count = async (table: string) => (await h.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;
  const post = (u: TestUser, body: unknown) => h.request(u, 'POST', `/api/v1/clinical/subjects/${subjectId}/labs`, body);
  const refusedUnchanged = async (body: unknown, status: number) => {
    const before = [await count('lab_results'), await count('audit_events')];
    const res = await post(nurse, body);
    expect(res.statusCode, res.body).toBe(status);
    expect([await count('lab_results'), await count('audit_events')]).toEqual(before);
    return res.json<Problem>();
  };

  it('stores bilirubin in mg/dL as µmol/L with the core factor and flags it against the reference range', async () => {
    const res = await post(nurse, { collectedAt: at(-20), results: [{ analyte: 'bilirubin', value: 1.2, unit: 'mg/dL' }, { analyte: 'albumin', value: 40, unit: 'g/L' }] });
    expect(res.statusCode, res.body).toBe(201);
    const bili = res.json<Panel>().results.find((r) => r.analyte === 'bilirubin')!;
    expect(bili.canonicalValue).toBe(convertLab('bilirubin', 1.2, 'mg/dL'));
    expect(bili.canonicalValue).toBe(20.52);
    expect(bili.canonicalUnit).toBe('umol/L');
    expect(bili.flag).toBe('normal'); // WS/T 404: total bilirubin up to 26 µmol/L (men)
  });

  it('computes the panel scores as liverScores does on the same inputs; MELD worked by hand', async () => {
    const res = await post(nurse, {
      collectedAt: at(-10),
      results: [
        { analyte: 'bilirubin', value: 2, unit: 'mg/dL' },
        { analyte: 'inr', value: 1.5, unit: '' },
        { analyte: 'creatinine', value: 1, unit: 'mg/dL' },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const panel = res.json<Panel>();
    const direct = liverScores({ sex: 'male', labs: { bilirubin: { value: 2, unit: 'mg/dL' }, inr: { value: 1.5 }, creatinine: { value: 1, unit: 'mg/dL' } } });
    expect(panel.scores.meld).toEqual(direct.meld);
    // OPTN MELD(i) = 0.957 ln(Cr 1.0) + 0.378 ln(bili 2.0) + 1.120 ln(INR 1.5) + 0.643
    //             = 0 + 0.378 × 0.6931 + 1.120 × 0.4055 + 0.643 = 1.3591; × 10 = 13.6 → MELD 14.
    expect(panel.scores.meld!.score).toBe(14);
    expect(panel.results.find((r) => r.analyte === 'bilirubin')!.flag).toBe('high');
  });

  it('refuses an unknown unit at body.results.N.unit, nothing stored', async () => {
    const p = await refusedUnchanged({ collectedAt: at(-1), results: [{ analyte: 'albumin', value: 40, unit: 'g/L' }, { analyte: 'bilirubin', value: 1, unit: 'mmol/dL' }] }, 422);
    expect(p.code).toBe('lab.unknown_unit');
    expect(p.errors!.map((e) => e.path)).toEqual(['body.results.1.unit']);
  });

  it('refuses impossible values (negative platelets, INR 0) at body.results.N.value, all at once', async () => {
    const p = await refusedUnchanged({ collectedAt: at(-1), results: [{ analyte: 'platelets', value: -5, unit: '10^9/L' }, { analyte: 'inr', value: 0, unit: '' }] }, 422);
    expect(p.code).toBe('lab.impossible_value');
    expect(p.errors!.map((e) => e.path)).toEqual(['body.results.0.value', 'body.results.1.value']);
  });

  it('refuses a duplicate analyte and a collection in the future', async () => {
    const dup = await refusedUnchanged({ collectedAt: at(-1), results: [{ analyte: 'alt', value: 30, unit: 'U/L' }, { analyte: 'alt', value: 31, unit: 'U/L' }] }, 422);
    expect(dup.errors).toEqual([expect.objectContaining({ path: 'body.results.1.analyte', code: 'lab.duplicate_analyte' })]);
    const future = await refusedUnchanged({ collectedAt: at(1), results: [{ analyte: 'alt', value: 30, unit: 'U/L' }] }, 422);
    expect(future.code).toBe('lab.in_future');
    expect(future.errors![0]!.path).toBe('body.collectedAt');
  });

  it('corrects a result: the old row stays superseded with the reason; correcting it again is 409', async () => {
    const panel = (await post(nurse, { collectedAt: at(-5), results: [{ analyte: 'ast', value: 40, unit: 'U/L' }] })).json<Panel>();
    const old = panel.results[0]!;
    const res = await h.request(nurse, 'POST', `/api/v1/clinical/lab-results/${old.id}/correct`, { value: 45, unit: 'U/L', reason: 'Transcription error' });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json<Result>();
    expect(created).toMatchObject({ value: 45, supersedesId: old.id, status: 'final' });
    const list = (await h.request(researcher, 'GET', `/api/v1/clinical/subjects/${subjectId}/labs`)).json<{ items: Panel[] }>();
    const stored = list.items.find((p) => p.id === panel.id)!.results;
    expect(stored.map((r) => r.status)).toEqual(['final', 'superseded']);
    expect(stored[1]).toMatchObject({ id: old.id, supersededById: created.id, correctionReason: 'Transcription error' });
    const again = await h.request(nurse, 'POST', `/api/v1/clinical/lab-results/${old.id}/correct`, { value: 46, unit: 'U/L', reason: 'Again' });
    expect(again.statusCode).toBe(409);
    expect(again.json<Problem>()).toMatchObject({ code: 'lab_result.superseded', params: { supersededById: created.id } });
  });

  it('lists panels newest first and the score series oldest first', async () => {
    const panels = (await h.request(researcher, 'GET', `/api/v1/clinical/subjects/${subjectId}/labs`)).json<{ items: { collectedAt: string }[] }>().items;
    const times = panels.map((p) => p.collectedAt);
    expect(times).toEqual([...times].sort().reverse());
    const series = await h.request(researcher, 'GET', `/api/v1/clinical/subjects/${subjectId}/scores`);
    expect(series.statusCode, series.body).toBe(200);
    const items = series.json<{ items: { at: string; meld?: unknown }[] }>().items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.map((i) => i.at)).toEqual(items.map((i) => i.at).sort());
    expect(items.some((i) => i.meld)).toBe(true);
  });

  it('refuses writing to a researcher and an operator, reading to an operator, and anonymous requests', async () => {
    const body = { collectedAt: at(-1), results: [{ analyte: 'alt', value: 30, unit: 'U/L' }] };
    expect((await post(researcher, body)).statusCode).toBe(403);
    expect((await post(operator, body)).statusCode).toBe(403);
    expect((await h.request(operator, 'GET', `/api/v1/clinical/subjects/${subjectId}/labs`)).statusCode).toBe(403);
    expect((await h.request(null, 'GET', `/api/v1/clinical/subjects/${subjectId}/labs`)).statusCode).toBe(401);
  });
});
