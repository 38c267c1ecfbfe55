/**
 * The stateless calculators through HTTP. Expected values come from the published rules via the core tests'
 * worked cases (OPTN MELD/MELD-Na, Kim 2021 MELD 3.0, Pugh 1973, CTCAE v5.0, ASTCT 2019, mRECIST 2010); here the
 * routes are checked for the spec's shapes, field-naming problems, nothing written, and access.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type TestUser } from '../../../test/harness';

type Problem = { status: number; code: string; params?: Record<string, unknown>; errors?: { path: string; code?: string }[] };

describe('clinical calculators', () => {
  let h: Harness;
  let physician: TestUser;
  let researcher: TestUser;
  let operator: TestUser;
  const auditCount = async () => (await h.database.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events'))[0]!.n;
  beforeAll(async () => {
    h = await createHarness();
    physician = await h.createTestUser({ roles: ['physician'] });
    researcher = await h.createTestUser({ roles: ['researcher'] });
    operator = await h.createTestUser({ roles: ['operator'] });
  });
  afterAll(() => h.close());

  const post = (path: string, body: unknown, user: TestUser | null = physician) => h.request(user, 'POST', `/api/v1/clinical/${path}`, body);

  describe('POST /clinical/scores', () => {
    const panel = {
      sex: 'female',
      ageYears: 58,
      ascites: 'slight',
      encephalopathy: 'none',
      labs: {
        bilirubin: { value: 3.2, unit: 'mg/dL' },
        inr: { value: 2.1 },
        creatinine: { value: 1.9, unit: 'mg/dL' },
        sodium: { value: 128, unit: 'mmol/L' },
        albumin: { value: 2.6, unit: 'g/dL' },
        ast: { value: 120, unit: 'U/L', uln: 40 },
        alt: { value: 64, unit: 'U/L', uln: 40 },
        platelets: { value: 80, unit: '10^9/L' },
      },
    };

    it('returns every score the data allows, in the spec shape', async () => {
      const res = await post('scores', panel, researcher);
      expect(res.statusCode).toBe(200);
      const body = res.json<Record<string, unknown>>();
      // MELD(i) 25, MELD-Na 29, MELD 3.0 32 (worked in scores.test.ts); Child-Pugh 3+3+2+2+1 = 11 C.
      expect(body).toMatchObject({ meld: { score: 25 }, meldNa: { score: 29 }, meld3: { score: 32 }, childPugh: { points: 11, class: 'C' } });
      expect(Object.keys(body).sort()).toEqual(['albi', 'apri', 'childPugh', 'fib4', 'meld', 'meld3', 'meldNa', 'version']);
      // APRI = 120/40 × 100 / 80 = 3.75; FIB-4 = 58 × 120 / (80 × 8) = 10.88.
      expect(body).toMatchObject({ apri: { score: 3.75 }, fib4: { score: 10.88 }, albi: { grade: 3 } });
    });

    it('leaves out what the data does not allow and accepts SI units', async () => {
      const res = await post('scores', { labs: { bilirubin: { value: 17.1, unit: 'µmol/L' }, albumin: { value: 40, unit: 'g/L' } } });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ version: expect.any(String), albi: { score: -2.59, grade: 2 } });
    });

    it('names an unknown unit (422 body.labs.bilirubin.unit) and an INR of 0 (422 body.labs.inr.value), writing nothing', async () => {
      const before = await auditCount();
      const unit = await post('scores', { labs: { bilirubin: { value: 2, unit: 'mmol/L' }, inr: { value: 1.2 } } });
      expect(unit.statusCode).toBe(422);
      const p = unit.json<Problem>();
      expect(p.code).toBe('lab.unknown_unit');
      expect(p.errors?.map((e) => e.path)).toEqual(['body.labs.bilirubin.unit']);
      expect(p.params).toMatchObject({ analyte: 'bilirubin', unit: 'mmol/L', accepted: 'umol/L, mg/dL' });

      const inr = await post('scores', { labs: { inr: { value: 0 }, platelets: { value: -4, unit: '10^9/L' } } });
      expect(inr.statusCode).toBe(422);
      expect(inr.json<Problem>()).toMatchObject({ code: 'lab.impossible_value', errors: [{ path: 'body.labs.inr.value' }, { path: 'body.labs.platelets.value' }] });
      expect(await auditCount()).toBe(before);
    });

    it('refuses a body of the wrong shape with 400 naming the field', async () => {
      const res = await post('scores', { ascites: 'lots', labs: { bilirubin: { value: 'high', unit: 'mg/dL' } } });
      expect(res.statusCode).toBe(400);
      expect(res.json<Problem>().errors?.map((e) => e.path).sort()).toEqual(['body.ascites', 'body.labs.bilirubin.value']);
      const unknownLab = await post('scores', { labs: { glucose: { value: 5, unit: 'mmol/L' } } });
      expect(unknownLab.statusCode).toBe(400);
    });
  });

  describe('POST /clinical/ctcae', () => {
    it.each<[Record<string, unknown>, number]>([
      [{ term: 'alt_increased', value: 180, uln: 40 }, 2],
      [{ term: 'alt_increased', value: 180, uln: 40, baseline: 100 }, 1],
      [{ term: 'platelet_count_decreased', value: 45 }, 3],
      [{ term: 'neutrophil_count_decreased', value: 0.4, lln: 1.8 }, 4],
    ])('%j → grade %s', async (body, grade) => {
      const res = await post('ctcae', body);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ grade, version: '5.0' });
    });
    it('refuses an impossible value (422 body.value), an unknown term (400 body.term)', async () => {
      const neg = await post('ctcae', { term: 'platelet_count_decreased', value: -1 });
      expect(neg.statusCode).toBe(422);
      expect(neg.json<Problem>()).toMatchObject({ code: 'lab.impossible_value', errors: [{ path: 'body.value' }] });
      const zeroUln = await post('ctcae', { term: 'ast_increased', value: 50, uln: 0 });
      expect(zeroUln.json<Problem>()).toMatchObject({ status: 422, errors: [{ path: 'body.uln' }] });
      const term = await post('ctcae', { term: 'fever', value: 39 });
      expect(term.statusCode).toBe(400);
      expect(term.json<Problem>().errors?.[0]?.path).toBe('body.term');
    });
  });

  describe('POST /clinical/crs and /clinical/icans', () => {
    it('grades CRS by the worse of hypotension and hypoxia, with fever', async () => {
      const res = await post('crs', { temperatureC: 38.6, hypotension: 'fluids', hypoxia: 'high_flow' });
      expect(res.json()).toEqual({ grade: 3, drivenBy: 'hypoxia' });
      const noFever = await post('crs', { temperatureC: 37.4, hypotension: 'fluids', hypoxia: 'none' });
      expect(noFever.json()).toMatchObject({ grade: 0 });
      const masked = await post('crs', { temperatureC: 37.4, hypotension: 'fluids', hypoxia: 'none', afterAntipyretics: true });
      expect(masked.json()).toMatchObject({ grade: 2 });
    });
    it('refuses an unknown hypotension level (400 body.hypotension)', async () => {
      const res = await post('crs', { temperatureC: 38.6, hypotension: 'dopamine', hypoxia: 'none' });
      expect(res.statusCode).toBe(400);
      expect(res.json<Problem>().errors?.[0]?.path).toBe('body.hypotension');
    });
    it('grades ICANS from the ICE score or its items', async () => {
      expect((await post('icans', { iceScore: 5, consciousness: 'awake' })).json()).toMatchObject({ grade: 2, iceScore: 5 });
      const items = { orientationYear: true, orientationMonth: false, orientationCity: false, orientationHospital: false, namedObjects: 1, followsCommands: false, writesSentence: false, countsBackBy10: false };
      expect((await post('icans', { ice: items, consciousness: 'awake' })).json()).toMatchObject({ grade: 3, iceScore: 2 });
      expect((await post('icans', { iceScore: 9, consciousness: 'awake', cerebralEdema: 'diffuse' })).json()).toMatchObject({ grade: 4 });
    });
    it('refuses an ICE score of 11 (400) and items that disagree with the score (422)', async () => {
      const high = await post('icans', { iceScore: 11, consciousness: 'awake' });
      expect(high.statusCode).toBe(400);
      expect(high.json<Problem>().errors?.[0]?.path).toBe('body.iceScore');
      const none = await post('icans', { consciousness: 'awake' });
      expect(none.statusCode).toBe(400);
      const items = { orientationYear: true, orientationMonth: true, orientationCity: true, orientationHospital: true, namedObjects: 3, followsCommands: true, writesSentence: true, countsBackBy10: true };
      const mismatch = await post('icans', { iceScore: 6, ice: items, consciousness: 'awake' });
      expect(mismatch.json<Problem>()).toMatchObject({ status: 422, code: 'icans.ice_mismatch', errors: [{ path: 'body.iceScore' }] });
    });
  });

  describe('POST /clinical/mrecist', () => {
    it.each<[Record<string, unknown>, string]>([
      [{ baselineSum: 60, nadirSum: 60, currentSum: 40 }, 'PR'],
      [{ baselineSum: 60, nadirSum: 30, currentSum: 36 }, 'PD'],
      [{ baselineSum: 60, nadirSum: 30, currentSum: 20, newLesions: true }, 'PD'],
      [{ baselineSum: 60, nadirSum: 30, currentSum: 0 }, 'CR'],
      [{ baselineSum: 60, nadirSum: 60, currentSum: 55 }, 'SD'],
    ])('%j → %s', async (body, response) => expect((await post('mrecist', body)).json()).toMatchObject({ response }));
    it('refuses a nadir above the baseline and broken target-lesion rules (422 naming the field)', async () => {
      const nadir = await post('mrecist', { baselineSum: 40, nadirSum: 50, currentSum: 45 });
      expect(nadir.json<Problem>()).toMatchObject({ status: 422, code: 'mrecist.nadir_above_baseline', errors: [{ path: 'body.nadirSum' }] });
      const lesions = [1, 2, 3].map((i) => ({ lesionId: `T${i}`, organ: 'liver', viableDiameterMm: i === 3 ? 8 : 20 }));
      const rules = await post('mrecist', { baselineSum: 48, nadirSum: 48, currentSum: 48, targetLesions: lesions, baseline: true });
      expect(rules.statusCode).toBe(422);
      expect(rules.json<Problem>()).toMatchObject({ code: 'mrecist.target_rules', params: { rule: 'mrecist.too_many_in_organ' } });
      expect(rules.json<Problem>().errors?.map((e) => e.path)).toEqual(['body.targetLesions', 'body.targetLesions.2.viableDiameterMm']);
      const negative = await post('mrecist', { baselineSum: -1, nadirSum: 0, currentSum: 0 });
      expect(negative.statusCode).toBe(400);
    });
  });

  describe('pickers', () => {
    it('lists the CTCAE v5.0 terms with both labels', async () => {
      const res = await h.request(researcher, 'GET', '/api/v1/clinical/ctcae/terms');
      expect(res.statusCode).toBe(200);
      const { version, items } = res.json<{ version: string; items: { term: string; label: { 'zh-CN': string } }[] }>();
      expect(version).toBe('5.0');
      expect(items.find((t) => t.term === 'cytokine_release_syndrome')?.label['zh-CN']).toBe('细胞因子释放综合征');
    });
    it('lists the lab analytes with units, factors and LOINC codes', async () => {
      const res = await h.request(physician, 'GET', '/api/v1/clinical/lab-analytes');
      const bili = res.json<{ items: { analyte: string; canonicalUnit: string; units: { unit: string; factor: number; loinc: string }[] }[] }>().items.find((a) => a.analyte === 'bilirubin');
      expect(bili).toMatchObject({ canonicalUnit: 'umol/L', units: [{ unit: 'umol/L', factor: 1, loinc: '14631-6' }, { unit: 'mg/dL', factor: 17.1, loinc: '1975-2' }] });
    });
  });

  describe('access (clinical:read)', () => {
    it.each([
      ['POST', 'scores', { labs: {} }],
      ['POST', 'ctcae', { term: 'alt_increased', value: 80, uln: 40 }],
      ['POST', 'crs', { temperatureC: 39, hypotension: 'none', hypoxia: 'none' }],
      ['POST', 'icans', { iceScore: 10, consciousness: 'awake' }],
      ['POST', 'mrecist', { baselineSum: 10, nadirSum: 10, currentSum: 10 }],
      ['GET', 'ctcae/terms', undefined],
      ['GET', 'lab-analytes', undefined],
    ])('%s /clinical/%s: 403 for an operator, 401 anonymous, 200 for a physician', async (method, path, body) => {
      expect((await h.request(operator, method, `/api/v1/clinical/${path}`, body)).statusCode).toBe(403);
      expect((await h.request(null, method, `/api/v1/clinical/${path}`, body)).statusCode).toBe(401);
      expect((await h.request(physician, method, `/api/v1/clinical/${path}`, body)).statusCode).toBe(200);
    });
  });
});
