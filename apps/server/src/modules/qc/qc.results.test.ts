import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows } from '../../test/training-fixtures';
import { effectiveSpec, enter, entered, insertBatch, nextProduct, qcCrew, review, reviewed, sig, specTests, UNKNOWN, type Problem, type QcCrew, type ResultJson } from './qc.fixtures';
import { qcStatusOf } from './qc.status';

type OosJson = { id: string; number: string; status: string; outcome: string | null; resultId: string; phase1: { conclusion: string; signatures: { valid: boolean }[] } | null; phase2: { rootCause: string } | null };
type QcFile = { results: (ResultJson & { testCode: string })[]; investigations: OosJson[]; status: { complete: boolean; outOfSpecification: string[]; pendingLate: string[] } };

describe('QC results, review, OOS and retest', () => {
  let c: QcCrew;
  let product: string;
  beforeAll(async () => {
    c = await qcCrew();
    product = nextProduct();
    await effectiveSpec(c, product);
  });
  afterAll(() => c.h.close());

  const qcFile = async (batchId: string) => (await c.h.request(c.analyst, 'GET', `/api/v1/batches/${batchId}/qc`)).json<QcFile>();

  it('records a signed conforming result as { id, conforms } awaiting review', async () => {
    const batch = await insertBatch(c, product);
    const res = await enter(c, c.analyst, batch.id, { testCode: 'VIAB', value: 70 });
    expect(res.statusCode, res.body).toBe(201);
    const result = res.json<ResultJson>();
    expect(result).toMatchObject({ conforms: true, status: 'awaiting_review', oosInvestigationId: null, value: 70 });
    expect(typeof result.id).toBe('string');
    expect(result.signatures).toMatchObject([{ meaning: 'Performed', valid: true }]);
  });

  it.each([
    ['text for a numeric test', 'VIAB', '72 %', 'qc.expected_number'],
    ['a number for a pass/fail test', 'STERILITY', 1, 'qc.expected_pass_fail'],
    ['a boolean for a pass/fail test', 'STERILITY', true, 'qc.expected_pass_fail'],
    ['a number for a text test', 'KARYO', 46, 'qc.expected_text'],
  ])('refuses a value of the wrong kind: %s', async (_, testCode, value, code) => {
    const batch = await insertBatch(c, product);
    const before = await countRows(c.h, 'qc_results');
    const res = await enter(c, c.analyst, batch.id, { testCode, value });
    expect(res.statusCode).toBe(422);
    expect(res.json<Problem>()).toMatchObject({ code, errors: [{ path: 'body.value' }] });
    expect(await countRows(c.h, 'qc_results')).toBe(before);
  });

  it('refuses an analyst without a valid qualification for the test, naming the course', async () => {
    const batch = await insertBatch(c, product);
    const res = await enter(c, c.untrained, batch.id, { testCode: 'VIAB', value: 90 });
    expect(res.statusCode).toBe(409);
    expect(res.json<Problem>()).toMatchObject({ code: 'training.not_qualified', params: { competency: 'QCT-FLOW', state: 'never_held' } });
  });

  it('lets anyone with qc:write enter a test that names no qualification', async () => {
    const batch = await insertBatch(c, product);
    expect((await enter(c, c.untrained, batch.id, { testCode: 'APPEAR', value: 'Slightly opalescent' })).statusCode).toBe(201);
  });

  it('refuses results when the product has no effective specification (draft only)', async () => {
    const draftOnly = nextProduct();
    expect((await c.h.request(c.qa, 'POST', '/api/v1/specifications', { product: draftOnly, tests: specTests() })).statusCode).toBe(201);
    const batch = await insertBatch(c, draftOnly);
    const res = await enter(c, c.analyst, batch.id, { testCode: 'VIAB', value: 90 });
    expect(res.statusCode).toBe(409);
    expect(res.json<Problem>().code).toBe('qc.no_effective_specification');
  });

  it('refuses an unknown test, an aborted batch, an unknown batch, and a second result for the same test', async () => {
    const batch = await insertBatch(c, product);
    const unknown = await enter(c, c.analyst, batch.id, { testCode: 'NOPE', value: 1 });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json<Problem>().code).toBe('qc.unknown_test');
    const aborted = await insertBatch(c, product, 'aborted');
    expect((await enter(c, c.analyst, aborted.id, { testCode: 'VIAB', value: 90 })).json<Problem>().code).toBe('qc.batch_aborted');
    expect((await enter(c, c.analyst, UNKNOWN, { testCode: 'VIAB', value: 90 })).statusCode).toBe(404);
    await entered(c, c.analyst, batch.id, 'VIAB', 90);
    const twice = await enter(c, c.analyst, batch.id, { testCode: 'VIAB', value: 91 });
    expect(twice.statusCode).toBe(409);
    expect(twice.json<Problem>().code).toBe('qc.result_exists');
  });

  it.each([
    ['no signature', { testCode: 'VIAB', value: 90 }],
    ['no value', { testCode: 'VIAB', signature: sig() }],
    ['an object as value', { testCode: 'VIAB', value: { v: 1 }, signature: sig() }],
    ['a bad sample id', { testCode: 'VIAB', value: 90, sampleId: 'S1', signature: sig() }],
  ])('400 for %s', async (_, body) => {
    const batch = await insertBatch(c, product);
    const res = await c.h.request(c.analyst, 'POST', `/api/v1/batches/${batch.id}/qc-results`, body);
    expect(res.statusCode, res.body).toBe(400);
  });

  it('refuses roles other than the QC analyst: QA and operators may not enter or review', async () => {
    const batch = await insertBatch(c, product);
    expect((await enter(c, c.qa, batch.id, { testCode: 'VIAB', value: 90 })).statusCode).toBe(403);
    expect((await enter(c, c.operator, batch.id, { testCode: 'VIAB', value: 90 })).statusCode).toBe(403);
    const r = await entered(c, c.analyst, batch.id, 'VIAB', 90);
    expect((await review(c, c.qa, batch.id, r.id)).statusCode).toBe(403);
  });

  it('is reviewed by a second analyst, never by the analyst who entered it, and only once', async () => {
    const batch = await insertBatch(c, product);
    const r = await entered(c, c.analyst, batch.id, 'VIAB', 88);
    const own = await review(c, c.analyst, batch.id, r.id);
    expect(own.statusCode).toBe(409);
    expect(own.json<Problem>().code).toBe('qc.reviewer_is_analyst');
    const unqualified = await review(c, c.untrained, batch.id, r.id);
    expect(unqualified.json<Problem>().code).toBe('training.not_qualified');
    const done = await reviewed(c, batch.id, r.id);
    expect(done.status).toBe('reviewed');
    expect(done.signatures.map((s) => [s.meaning, s.valid])).toEqual([['Performed', true], ['Reviewed', true]]);
    const again = await review(c, c.reviewer, batch.id, r.id);
    expect(again.json<Problem>().code).toBe('qc.not_awaiting_review');
    expect((await review(c, c.reviewer, batch.id, UNKNOWN)).statusCode).toBe(404);
    const other = await insertBatch(c, product);
    expect((await review(c, c.reviewer, other.id, r.id)).statusCode).toBe(404);
  });

  it('opens an OOS investigation for a non-conforming result; a laboratory error invalidates it and the retest is linked, the original kept', async () => {
    const batch = await insertBatch(c, product);
    const original = await entered(c, c.analyst, batch.id, 'ENDO', 0.5);
    expect(original.conforms).toBe(false);
    expect(original.oosInvestigationId).toBeTruthy();
    const oos = (await c.h.request(c.analyst, 'GET', `/api/v1/oos-investigations/${original.oosInvestigationId}`)).json<OosJson>();
    expect(oos).toMatchObject({ status: 'phase_1', resultId: original.id, outcome: null });
    expect(oos.number).toMatch(/^OOS-\d{4}-\d{4}$/);
    const early = await enter(c, c.analyst, batch.id, { testCode: 'ENDO', value: 0.1 });
    expect(early.json<Problem>().code).toBe('qc.result_exists');

    const phase1 = await c.h.request(c.analyst, 'POST', `/api/v1/oos-investigations/${oos.id}/phase-1`, {
      conclusion: 'assignable_lab_error',
      findings: 'Standard curve r below 0.980; run invalid per SOP-QC-253 §7.',
      signature: sig('Phase I concluded'),
    });
    expect(phase1.statusCode, phase1.body).toBe(200);
    expect(phase1.json<OosJson>()).toMatchObject({ status: 'closed', outcome: 'invalidated', phase1: { conclusion: 'assignable_lab_error', signatures: [{ valid: true }] } });

    const retest = await entered(c, c.analyst, batch.id, 'ENDO', 0.1);
    expect(retest).toMatchObject({ conforms: true, retestOf: original.id });
    const file = await qcFile(batch.id);
    const endo = file.results.filter((r) => r.testCode === 'ENDO');
    expect(endo.map((r) => [r.id, r.status, r.value])).toEqual([[original.id, 'invalidated', 0.5], [retest.id, 'awaiting_review', 0.1]]);
    expect(endo[0]!.signatures[0]!.valid).toBe(true);
  });

  it('confirmed in phase I goes to a phase II concluded by QA; the result stands out of specification', async () => {
    const batch = await insertBatch(c, product);
    const r = await entered(c, c.analyst, batch.id, 'VIAB', 62);
    const id = r.oosInvestigationId!;
    const url = (phase: number) => `/api/v1/oos-investigations/${id}/phase-${phase}`;
    const tooEarly = await c.h.request(c.qa, 'POST', url(2), { rootCause: 'x', conclusion: 'y', signature: sig() });
    expect(tooEarly.json<Problem>()).toMatchObject({ code: 'oos.wrong_phase', params: { phase: 'II' } });
    expect((await c.h.request(c.qa, 'POST', url(1), { conclusion: 'confirmed', findings: 'f', signature: sig() })).statusCode).toBe(403);
    expect((await c.h.request(c.analyst, 'POST', url(1), { conclusion: 'maybe', findings: 'f', signature: sig() })).statusCode).toBe(400);
    const p1 = await c.h.request(c.analyst, 'POST', url(1), { conclusion: 'confirmed', findings: 'No laboratory error: instrument, reagents and calculations verified.', signature: sig() });
    expect(p1.json<OosJson>().status).toBe('phase_2');
    expect((await c.h.request(c.analyst, 'POST', url(2), { rootCause: 'x', conclusion: 'y', signature: sig() })).statusCode).toBe(403);
    const p2 = await c.h.request(c.qa, 'POST', url(2), { rootCause: 'Extended hold before cryopreservation (DEV-2026-0042).', conclusion: 'OOS confirmed; batch fails viability.', signature: sig('Phase II concluded') });
    expect(p2.statusCode, p2.body).toBe(200);
    expect(p2.json<OosJson>()).toMatchObject({ status: 'closed', outcome: 'confirmed', phase2: { rootCause: 'Extended hold before cryopreservation (DEV-2026-0042).' } });
    await reviewed(c, batch.id, r.id);
    const status = await qcStatusOf(c.h.database.db, batch.id);
    expect(status.outOfSpecification).toEqual(['VIAB']);
    expect(status.complete).toBe(false);
    const again = await c.h.request(c.analyst, 'POST', url(1), { conclusion: 'confirmed', findings: 'f', signature: sig() });
    expect(again.json<Problem>().code).toBe('oos.wrong_phase');
    const list = (await c.h.request(c.operator, 'GET', `/api/v1/oos-investigations?batchId=${batch.id}`)).json<{ items: OosJson[] }>().items;
    expect(list.map((o) => o.id)).toEqual([id]);
  });

  it('qcStatusOf: complete once every test not allowed late has a reviewed conforming result; sterility pending late', async () => {
    const batch = await insertBatch(c, product);
    const db = c.h.database.db;
    const empty = await qcStatusOf(db, batch.id);
    expect(empty.tests.map((t) => t.state)).toEqual(['missing', 'missing', 'missing', 'missing', 'missing']);
    expect(empty).toMatchObject({ complete: false, outOfSpecification: [], pendingLate: ['STERILITY'] });
    for (const [code, value] of [['VIAB', 95], ['ENDO', 0.2], ['KARYO', '46,xy'], ['APPEAR', 'Clear']] as const) {
      const r = await entered(c, c.analyst, batch.id, code, value);
      expect((await qcStatusOf(db, batch.id)).tests.find((t) => t.code === code)).toMatchObject({ state: 'awaiting_review', resultId: r.id });
      expect((await qcStatusOf(db, batch.id)).complete).toBe(false);
      await reviewed(c, batch.id, r.id);
    }
    const done = await qcStatusOf(db, batch.id);
    expect(done).toMatchObject({ complete: true, outOfSpecification: [], pendingLate: ['STERILITY'] });
    const sterile = await entered(c, c.analyst, batch.id, 'STERILITY', 'pass');
    expect((await qcStatusOf(db, batch.id)).pendingLate).toEqual(['STERILITY']);
    await reviewed(c, batch.id, sterile.id);
    expect(await qcStatusOf(db, batch.id)).toMatchObject({ complete: true, pendingLate: [] });
  });

  it('a late non-conforming result makes the status out of specification; no specification means not complete', async () => {
    const batch = await insertBatch(c, product);
    const db = c.h.database.db;
    const fail = await entered(c, c.analyst, batch.id, 'STERILITY', 'fail');
    await reviewed(c, batch.id, fail.id);
    expect(await qcStatusOf(db, batch.id)).toMatchObject({ outOfSpecification: ['STERILITY'], pendingLate: [] });
    const nothing = await insertBatch(c, nextProduct());
    expect(await qcStatusOf(db, nothing.id)).toEqual({ specification: null, tests: [], complete: false, outOfSpecification: [], pendingLate: [] });
    await expect(qcStatusOf(db, UNKNOWN)).rejects.toMatchObject({ status: 404 });
  });

  it('keeps testing a batch against the specification it started with when a new version becomes effective', async () => {
    const own = nextProduct();
    const v1 = await effectiveSpec(c, own);
    const batch = await insertBatch(c, own);
    await entered(c, c.analyst, batch.id, 'VIAB', 90);
    const v2 = await effectiveSpec(c, own, specTests().slice(0, 1));
    const status = await qcStatusOf(c.h.database.db, batch.id);
    expect(status.specification).toMatchObject({ id: v1.id, version: 1 });
    expect(status.tests).toHaveLength(5);
    const fresh = await insertBatch(c, own);
    expect((await qcStatusOf(c.h.database.db, fresh.id)).specification).toMatchObject({ id: v2.id, version: 2 });
  });
});
