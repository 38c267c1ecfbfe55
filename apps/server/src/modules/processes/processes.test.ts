import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { write } from '../../platform/write';
import { createHarness, TEST_PASSWORD, type Harness, type TestUser } from '../../test/harness';
import { materials } from '../materials/materials.tables';
import { trainingCourses } from '../training/training.tables';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
type Signature = { signer: string; printedName: string; meaning: string; at: string; valid: boolean };
type Step = { title: string; witness: boolean; requiredQualification?: string; materials: string[]; equipmentTypes: string[]; samples: unknown[]; fields: { key: string; required: boolean; min?: number; max?: number }[] };
type Process = { id: string; code: string; version: number; status: string; productType: string; steps: Step[]; createdBy: string; effectiveAt: string | null; signatures: Signature[] };
type Problem = { code: string; detail: string; params?: Record<string, unknown>; errors?: { path: string; message: string }[] };

/** Three steps of a CAR-T process, the smallest realistic master batch record. */
const STEPS = [
  {
    title: 'Apheresis receipt check',
    fields: [
      { key: 'bagTemperature', label: 'Bag temperature', type: 'number', unit: '°C', min: 2, max: 8 },
      { key: 'labelMatches', label: 'Label matches the order', type: 'boolean' },
    ],
  },
  {
    title: 'T-cell activation',
    requiredQualification: 'CELL-210',
    materials: ['MAT-CD3CD28'],
    equipmentTypes: ['biosafety_cabinet'],
    fields: [{ key: 'viability', label: 'Viability', type: 'number', unit: '%', min: 70, max: 100 }],
    samples: [{ name: 'Pre-activation', test: 'Cell count and viability' }],
  },
  { title: 'Cryopreservation', witness: true, materials: ['MAT-CS10'], producesLot: 'MAT-LVV-GPC3', fields: [{ key: 'notes', label: 'Notes', type: 'text', required: false }] },
];

describe('master batch records', () => {
  let h: Harness;
  let author: TestUser;
  let reviewer: TestUser;
  let operator: TestUser;
  let seq = 0;
  beforeAll(async () => {
    h = await createHarness();
    [author, reviewer, operator] = [await h.createTestUser({ roles: ['qa'] }), await h.createTestUser({ roles: ['qa'] }), await h.createTestUser({ roles: ['operator'] })];
    // Courses and materials the steps name (their own modules' routes are tested there).
    await write(h.database.db, async (w) => {
      for (const code of ['GMP-101', 'CELL-210']) {
        await w.insert(trainingCourses, 'training_course', { code, titleEn: code, titleZh: code, category: 'gmp_basics', deliveryMode: 'classroom', durationHours: 1, passMark: 80 });
      }
      for (const [code, kind] of [['MAT-CD3CD28', 'reagent'], ['MAT-CS10', 'reagent'], ['MAT-LVV-GPC3', 'vector']] as const) {
        await w.insert(materials, 'material', { code, name: code, kind, storageCondition: '2–8 °C', supplier: '—', unit: 'mL' });
      }
    });
  });
  afterAll(() => h.close());

  const newCode = () => `CART-T${++seq}`;
  const post = (user: TestUser, body: Record<string, unknown>) => h.request(user, 'POST', '/api/v1/processes', body);
  const create = async (code = newCode(), body: Record<string, unknown> = {}) => {
    const res = await post(author, { code, name: 'GPC3 CAR-T cell processing', product: 'GPC3 CAR-T (autologous)', steps: STEPS, ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Process>();
  };
  const approve = (user: TestUser, id: string, password = TEST_PASSWORD) =>
    h.request(user, 'POST', `/api/v1/processes/${id}/approve`, { signature: { password, meaning: 'Approved' } });
  const get = async (id: string) => (await h.request(operator, 'GET', `/api/v1/processes/${id}`)).json<Process>();
  const stored = async (id: string) => (await h.database.query<{ status: string; steps: unknown }>(`SELECT status, steps FROM processes WHERE id = '${id}'`))[0]!;
  const count = async () => (await h.database.query<{ n: number }>('SELECT count(*)::int AS n FROM processes'))[0]!.n;

  it('creates version 1 as a draft with the defaults filled in, read back by id and by list filters', async () => {
    const p = await create('CART-GPC3');
    expect(p).toMatchObject({ code: 'CART-GPC3', version: 1, status: 'draft', productType: 'autologous', createdBy: author.username, effectiveAt: null, signatures: [] });
    expect(p.steps[0]).toMatchObject({ witness: false, materials: [], equipmentTypes: [], samples: [], fields: [{ key: 'bagTemperature', required: true, min: 2, max: 8 }, { key: 'labelMatches', required: true }] });
    expect(p.steps[0]!.requiredQualification).toBeUndefined();
    expect(p.steps[2]).toMatchObject({ witness: true, producesLot: 'MAT-LVV-GPC3', fields: [{ key: 'notes', required: false }] });
    expect(await get(p.id)).toEqual(p);
    const list = async (q: string) => (await h.request(operator, 'GET', `/api/v1/processes${q}`)).json<{ items: Process[] }>().items.map((i) => i.id);
    expect(await list('?code=CART-GPC3')).toEqual([p.id]);
    expect(await list('?code=CART-GPC3&status=effective')).toEqual([]);
    expect(await list('?status=draft')).toContain(p.id);
    expect((await h.request(operator, 'GET', '/api/v1/processes?status=approved')).statusCode).toBe(400);
  });

  it('refuses malformed bodies (400) naming each field; nothing is stored', async () => {
    const before = await count();
    const bad = await post(author, { code: 'cart 1', name: '', product: 'x', productType: 'xeno', steps: [{ title: 'x', fields: [{ key: 'a', label: 'A', type: 'date' }] }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<Problem>().errors!.map((e) => e.path).sort()).toEqual(['body.code', 'body.name', 'body.productType', 'body.steps.0.fields.0.type']);
    expect((await post(author, {})).statusCode).toBe(400);
    expect(await count()).toBe(before);
  });

  it('refuses steps that break the rules (422 naming the exact path); nothing is stored', async () => {
    const before = await count();
    const refused = async (steps: unknown[], code: string) => {
      const res = await post(author, { code: newCode(), name: 'x', product: 'x', steps });
      expect(res.statusCode, res.body).toBe(422);
      const problem = res.json<Problem>();
      expect(problem.code).toBe(code);
      return problem;
    };
    expect((await refused([], 'process.invalid_steps')).errors!.map((e) => e.path)).toEqual(['body.steps']);
    expect((await refused(Array.from({ length: 61 }, () => STEPS[0]), 'process.invalid_steps')).errors!.map((e) => e.path)).toEqual(['body.steps']);
    const rules = await refused(
      [
        STEPS[0],
        { title: 'Keys', fields: [{ key: 'Viability', label: 'V', type: 'number' }, { key: 'count', label: 'C', type: 'number' }, { key: 'count', label: 'C again', type: 'number' }] },
        { title: 'Ranges', fields: [{ key: 'ok', label: 'ok', type: 'number', min: 1, max: 2 }, { key: 'remark', label: 'Remark', type: 'text', min: 1 }, { key: 'done', label: 'Done', type: 'boolean', max: 1 }] },
        { title: 'Inverted', fields: [{ key: 'volume', label: 'Volume', type: 'number', min: 100, max: 50 }] },
      ],
      'process.invalid_steps',
    );
    expect(rules.errors!.map((e) => e.path)).toEqual(['body.steps.1.fields.0.key', 'body.steps.1.fields.2.key', 'body.steps.2.fields.1.min', 'body.steps.2.fields.2.max', 'body.steps.3.fields.0.max']);
    const course = await refused([STEPS[0], { ...STEPS[1], requiredQualification: 'NOPE-999' }], 'process.unknown_course');
    expect(course).toMatchObject({ params: { codes: 'NOPE-999' }, errors: [{ path: 'body.steps.1.requiredQualification' }] });
    expect(course.detail).toContain('NOPE-999');
    const material = await refused([STEPS[0], { ...STEPS[1], materials: ['MAT-CD3CD28', 'MAT-NOPE'] }, { ...STEPS[2], producesLot: 'MAT-GONE' }], 'process.unknown_material');
    expect(material).toMatchObject({ params: { codes: 'MAT-NOPE, MAT-GONE' } });
    expect(material.errors!.map((e) => e.path)).toEqual(['body.steps.1.materials.1', 'body.steps.2.producesLot']);
    expect(await count()).toBe(before);
  });

  it('refuses roles without the permission (403) and unknown ids (404)', async () => {
    const p = await create();
    expect((await post(operator, { code: newCode(), name: 'x', product: 'x', steps: STEPS })).statusCode).toBe(403);
    expect((await h.request(operator, 'PATCH', `/api/v1/processes/${p.id}`, { name: 'Operator edit' })).statusCode).toBe(403);
    expect((await approve(operator, p.id)).statusCode).toBe(403);
    const trainee = await h.createTestUser({ roles: ['trainee'] });
    expect((await h.request(trainee, 'GET', '/api/v1/processes')).statusCode).toBe(403);
    expect((await h.request(operator, 'GET', `/api/v1/processes/${UNKNOWN}`)).statusCode).toBe(404);
    expect((await h.request(author, 'PATCH', `/api/v1/processes/${UNKNOWN}`, { name: 'x' })).statusCode).toBe(404);
    expect((await approve(reviewer, UNKNOWN)).statusCode).toBe(404);
    expect((await get(p.id)).status).toBe('draft');
  });

  it('changes a draft (steps validated, change audited with its reason)', async () => {
    const p = await create();
    const invalid = await h.request(author, 'PATCH', `/api/v1/processes/${p.id}`, { steps: [{ title: 'x', fields: [{ key: 'a', label: 'A', type: 'text', max: 3 }] }] });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json<Problem>().errors![0]!.path).toBe('body.steps.0.fields.0.max');
    const res = await h.request(author, 'PATCH', `/api/v1/processes/${p.id}`, { name: 'GPC3 CAR-T, closed system', steps: STEPS.slice(0, 2), reason: 'Cryopreservation moved to its own record' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Process>()).toMatchObject({ version: 1, status: 'draft', steps: [{ title: STEPS[0]!.title }, { title: STEPS[1]!.title }] });
    const [event] = await h.database.query<{ action: string; reason: string; actor: string }>(`SELECT action, reason, actor FROM audit_events WHERE entity_id = '${p.id}' ORDER BY seq DESC LIMIT 1`);
    expect(event).toEqual({ action: 'update', reason: 'Cryopreservation moved to its own record', actor: author.username });
  });

  it('approval: never by the author, a wrong password changes nothing, then effective with the signature shown', async () => {
    const p = await create();
    const own = await approve(author, p.id);
    expect(own.statusCode).toBe(409);
    expect(own.json<Problem>()).toMatchObject({ code: 'process.author_cannot_approve', params: { code: p.code, version: 1, author: author.username } });
    // Anyone who changed the draft wrote part of it, so they cannot approve it either.
    const editor = await h.createTestUser({ roles: ['qa'] });
    await h.request(editor, 'PATCH', `/api/v1/processes/${p.id}`, { product: 'GPC3 CAR-T (autologous), fresh' });
    expect((await approve(editor, p.id)).json<Problem>().code).toBe('process.author_cannot_approve');
    const wrong = await approve(reviewer, p.id, 'not-my-password');
    expect(wrong.statusCode).toBe(401);
    expect(await get(p.id)).toMatchObject({ status: 'draft', effectiveAt: null, signatures: [] });
    const res = await approve(reviewer, p.id);
    expect(res.statusCode, res.body).toBe(200);
    const approved = res.json<Process>();
    expect(approved).toMatchObject({ status: 'effective', createdBy: author.username });
    expect(approved.effectiveAt).not.toBeNull();
    expect(approved.signatures).toEqual([expect.objectContaining({ signer: reviewer.username, printedName: `Test ${reviewer.username}`, meaning: 'Approved', valid: true })]);
    expect(await get(p.id)).toEqual(approved);
    const again = await approve(editor, p.id);
    expect(again.statusCode).toBe(409);
    expect(again.json<Problem>().code).toBe('process.not_draft');
  });

  it('versions: the next version is a new draft (one at a time); approving it supersedes the effective one', async () => {
    const v1 = await create();
    expect((await approve(reviewer, v1.id)).statusCode).toBe(200);
    const v2 = await create(v1.code, { name: 'GPC3 CAR-T cell processing, rev. 2' });
    expect(v2).toMatchObject({ code: v1.code, version: 2, status: 'draft' });
    const second = await post(author, { code: v1.code, name: 'x', product: 'x', steps: STEPS });
    expect(second.statusCode).toBe(409);
    expect(second.json<Problem>()).toMatchObject({ code: 'process.draft_exists', params: { code: v1.code, version: 2 } });
    expect((await approve(reviewer, v2.id)).json<Process>().status).toBe('effective');
    expect(await get(v1.id)).toMatchObject({ status: 'superseded', signatures: [expect.objectContaining({ valid: true })] });
    const versions = (await h.request(operator, 'GET', `/api/v1/processes?code=${v1.code}`)).json<{ items: Process[] }>().items;
    expect(versions.map((v) => [v.version, v.status])).toEqual([[2, 'effective'], [1, 'superseded']]);
    const v3 = await create(v1.code);
    expect(v3.version).toBe(3);
  });

  it('an effective or superseded version is frozen: edits are refused and its stored steps never change', async () => {
    const v1 = await create();
    await approve(reviewer, v1.id);
    const frozen = await stored(v1.id);
    const edit = await h.request(author, 'PATCH', `/api/v1/processes/${v1.id}`, { steps: [STEPS[0]], reason: 'Shorter' });
    expect(edit.statusCode).toBe(409);
    expect(edit.json<Problem>()).toMatchObject({ code: 'process.frozen', params: { code: v1.code, version: 1, status: 'effective' } });
    const v2 = await create(v1.code, { steps: [STEPS[0]] });
    await approve(reviewer, v2.id);
    const superseded = await h.request(author, 'PATCH', `/api/v1/processes/${v1.id}`, { name: 'Renamed' });
    expect(superseded.json<Problem>()).toMatchObject({ code: 'process.frozen', params: { status: 'superseded' } });
    expect((await stored(v1.id)).steps).toEqual(frozen.steps);
    expect((await get(v1.id)).steps).toHaveLength(3);
  });

  it('two creates of the next version at once: exactly one draft', async () => {
    const v1 = await create();
    await approve(reviewer, v1.id);
    const results = await Promise.all([0, 1, 2].map(() => post(author, { code: v1.code, name: 'x', product: 'x', steps: STEPS })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    const drafts = await h.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM processes WHERE code = '${v1.code}' AND status = 'draft'`);
    expect(drafts[0]!.n).toBe(1);
  });
});
