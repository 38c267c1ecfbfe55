import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../../test/harness';
import { effectiveSpec, nextProduct, qcCrew, sig, specTests, UNKNOWN, type Problem, type QcCrew, type SpecJson } from './qc.fixtures';

describe('specifications', () => {
  let c: QcCrew;
  beforeAll(async () => {
    c = await qcCrew();
  });
  afterAll(() => c.h.close());

  const post = (body: unknown, user = c.qa) => c.h.request(user, 'POST', '/api/v1/specifications', body);

  it('takes the contract body (code, name, kind, unit, min, max only) as a draft version 1 with the printed criteria', async () => {
    const product = nextProduct();
    const res = await post({ product, version: 1, tests: [{ code: 'VIAB', name: 'Viability', kind: 'numeric', unit: '%', min: 70 }, { code: 'MYCO', name: 'Mycoplasma', kind: 'pass_fail' }] });
    expect(res.statusCode, res.body).toBe(201);
    const spec = res.json<SpecJson & { createdBy: string }>();
    expect(spec).toMatchObject({ product, version: 1, status: 'draft', createdBy: c.qa.username });
    expect(spec.tests.map((t) => [t.code, t.criterion, t.lateResultAllowed])).toEqual([['VIAB', '≥ 70 %', false], ['MYCO', 'Pass', false]]);
  });

  it('prints exclusive bounds and keeps the late-result flag', async () => {
    const spec = await effectiveSpec(c, nextProduct());
    expect(spec.tests.find((t) => t.code === 'ENDO')!.criterion).toBe('< 0.5 EU/mL');
    expect(spec.tests.find((t) => t.code === 'STERILITY')!.lateResultAllowed).toBe(true);
    expect(spec.status).toBe('effective');
  });

  it('refuses a version that is not the next one, and a second draft of the same product', async () => {
    const product = nextProduct();
    const skipped = await post({ product, version: 2, tests: specTests() });
    expect(skipped.statusCode).toBe(409);
    expect(skipped.json<Problem>()).toMatchObject({ code: 'specification.version_not_next', params: { expected: 1 } });
    expect((await post({ product, tests: specTests() })).statusCode).toBe(201);
    const second = await post({ product, tests: specTests() });
    expect(second.statusCode).toBe(409);
    expect(second.json<Problem>().code).toBe('specification.draft_exists');
  });

  it('names each bad test: no unit, an impossible range, bounds on pass/fail, a duplicate code, an unknown course', async () => {
    const res = await post({
      product: nextProduct(),
      tests: [
        { code: 'A1', name: 'No unit', kind: 'numeric', min: 1 },
        { code: 'A2', name: 'Impossible', kind: 'numeric', unit: '%', min: 5, max: 5, maxInclusive: false },
        { code: 'A3', name: 'Bounded pass/fail', kind: 'pass_fail', max: 1 },
        { code: 'A3', name: 'Duplicate', kind: 'pass_fail' },
        { code: 'A5', name: 'Unknown course', kind: 'pass_fail', qualification: 'NOPE-1' },
      ],
    });
    expect(res.statusCode).toBe(422);
    const problem = res.json<Problem>();
    expect(problem.code).toBe('specification.invalid_tests');
    expect(problem.errors!.map((e) => e.path).sort()).toEqual(
      ['body.tests.0.unit', 'body.tests.1.max', 'body.tests.2.max', 'body.tests.3.code', 'body.tests.4.qualification'].sort(),
    );
  });

  it.each([
    ['no tests', { product: 'X', tests: [] }],
    ['an unknown kind', { product: 'X', tests: [{ code: 'A1', name: 'A', kind: 'range' }] }],
    ['a bad test code', { product: 'X', tests: [{ code: 'a b', name: 'A', kind: 'pass_fail' }] }],
    ['a text bound', { product: 'X', tests: [{ code: 'A1', name: 'A', kind: 'numeric', unit: '%', min: '70' }] }],
    ['no product', { tests: [{ code: 'A1', name: 'A', kind: 'pass_fail' }] }],
  ])('400 for %s', async (_, body) => {
    const res = await post(body);
    expect(res.statusCode, res.body).toBe(400);
  });

  it('is written by QA only: a QC analyst and an operator get 403', async () => {
    expect((await post({ product: nextProduct(), tests: specTests() }, c.analyst)).statusCode).toBe(403);
    expect((await post({ product: nextProduct(), tests: specTests() }, c.operator)).statusCode).toBe(403);
  });

  it('is approved by another QA reviewer with a signature; the previous effective version is superseded', async () => {
    const product = nextProduct();
    const v1 = await effectiveSpec(c, product);
    const draft = (await post({ product, version: 2, tests: specTests().slice(0, 2) })).json<SpecJson>();
    const own = await c.h.request(c.qa, 'POST', `/api/v1/specifications/${draft.id}/approve`, { signature: sig('Approved') });
    expect(own.statusCode).toBe(409);
    expect(own.json<Problem>().code).toBe('specification.author_cannot_approve');
    const wrong = await c.h.request(c.qa2, 'POST', `/api/v1/specifications/${draft.id}/approve`, { signature: { password: `${TEST_PASSWORD}x`, meaning: 'Approved' } });
    expect(wrong.statusCode).toBe(401);
    const ok = await c.h.request(c.qa2, 'POST', `/api/v1/specifications/${draft.id}/approve`, { signature: sig('Approved') });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<SpecJson & { signatures: { signer: string; valid: boolean }[] }>().signatures).toMatchObject([{ signer: c.qa2.username, valid: true }]);
    const old = (await c.h.request(c.qa, 'GET', `/api/v1/specifications/${v1.id}`)).json<SpecJson>();
    expect(old.status).toBe('superseded');
    const list = (await c.h.request(c.analyst, 'GET', `/api/v1/specifications?product=${encodeURIComponent(product)}`)).json<{ items: SpecJson[] }>().items;
    expect(list.map((s) => [s.version, s.status])).toEqual([[2, 'effective'], [1, 'superseded']]);
    const again = await c.h.request(c.qa2, 'POST', `/api/v1/specifications/${draft.id}/approve`, { signature: sig('Approved') });
    expect(again.json<Problem>().code).toBe('specification.not_draft');
  });

  it('changes a draft, but never an effective version', async () => {
    const product = nextProduct();
    const draft = (await post({ product, tests: specTests() })).json<SpecJson>();
    const edited = await c.h.request(c.qa, 'PATCH', `/api/v1/specifications/${draft.id}`, { tests: specTests().slice(0, 1) });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json<SpecJson>().tests).toHaveLength(1);
    const effective = await effectiveSpec(c, nextProduct());
    const frozen = await c.h.request(c.qa, 'PATCH', `/api/v1/specifications/${effective.id}`, { tests: specTests().slice(0, 1), reason: 'Tighten' });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json<Problem>().code).toBe('specification.frozen');
    const after = (await c.h.request(c.qa, 'GET', `/api/v1/specifications/${effective.id}`)).json<SpecJson>();
    expect(after.tests).toHaveLength(specTests().length);
  });

  it('reads lists and details for QC, QP and operators; 404 for an unknown id; 403 for a nurse', async () => {
    const nurse = await c.h.createTestUser({ roles: ['nurse'] });
    expect((await c.h.request(nurse, 'GET', '/api/v1/specifications')).statusCode).toBe(403);
    expect((await c.h.request(c.operator, 'GET', '/api/v1/specifications')).statusCode).toBe(200);
    expect((await c.h.request(c.analyst, 'GET', `/api/v1/specifications/${UNKNOWN}`)).statusCode).toBe(404);
    expect((await c.h.request(c.analyst, 'GET', '/api/v1/specifications/not-an-id')).statusCode).toBe(400);
    expect((await c.h.request(c.analyst, 'GET', '/api/v1/specifications?status=approved')).statusCode).toBe(400);
  });
});
