import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWithContext } from '../../platform/context';
import { write } from '../../platform/write';
import { createHarness, TEST_PASSWORD, type Harness, type TestUser } from '../../test/harness';
import { assertLotUsable, consumeLot } from './materials.service';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const DAY = 86_400_000;
type Problem = { code: string; detail: string; params?: Record<string, unknown>; errors?: { path: string }[] };
type Material = { id: string; code: string; name: string; kind: string; storageCondition: string; supplier: string; unit: string; lots?: Lot[] };
type Lot = { id: string; lotNumber: string; status: string; usable: boolean; quantityOnHand: number; quantityReceived: number; materialCode: string; unit: string; expiresAt: string; signatures: { signer: string; meaning: string; valid: boolean }[] };

describe('materials and lots', () => {
  let h: Harness;
  let operator: TestUser;
  let qa: TestUser;
  let nurse: TestUser;
  beforeAll(async () => {
    h = await createHarness();
    operator = await h.createTestUser({ roles: ['operator'] });
    qa = await h.createTestUser({ roles: ['qa'] });
    nurse = await h.createTestUser({ roles: ['nurse'] });
  });
  afterAll(() => h.close());

  let seq = 0;
  const createMaterial = async (body: Record<string, unknown> = {}) => {
    seq += 1;
    const res = await h.request(operator, 'POST', '/api/v1/materials', { code: `MAT-T${seq}`, name: 'TexMACS GMP medium', kind: 'reagent', unit: 'mL', ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Material>();
  };
  const receive = async (materialId: string, body: Record<string, unknown> = {}) => {
    seq += 1;
    const res = await h.request(operator, 'POST', `/api/v1/materials/${materialId}/lots`, { lotNumber: `L-${seq}`, expiresAt: new Date(Date.now() + 180 * DAY).toISOString(), quantity: 500, ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Lot>();
  };
  const dispose = (lotId: string, decision: 'release' | 'reject', password = TEST_PASSWORD) =>
    h.request(qa, 'POST', `/api/v1/lots/${lotId}/disposition`, { decision, signature: { password, meaning: decision === 'release' ? 'Released for use' : 'Rejected' } });
  const released = async (materialId: string, body: Record<string, unknown> = {}) => {
    const lot = await receive(materialId, body);
    expect((await dispose(lot.id, 'release')).statusCode).toBe(200);
    return lot;
  };
  const count = async (table: string) => (await h.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;
  const lotRow = async (id: string) => (await h.database.query<{ status: string; quantity_on_hand: number }>(`SELECT status, quantity_on_hand FROM material_lots WHERE id = $1`, [id]))[0]!;

  it('creates a material with the contract defaults, lists it and reads it with its lots', async () => {
    const m = await createMaterial({ code: 'MAT-CS10', name: 'CryoStor CS10', supplier: 'BioLife Solutions', storageCondition: '2–8 °C' });
    expect(m).toMatchObject({ code: 'MAT-CS10', kind: 'reagent', unit: 'mL', supplier: 'BioLife Solutions', storageCondition: '2–8 °C' });
    const bare = await h.request(operator, 'POST', '/api/v1/materials', { code: 'MAT-BAG', name: 'Cryobag', kind: 'consumable' });
    expect(bare.json<Material>()).toMatchObject({ storageCondition: '15–25 °C', supplier: '—', unit: 'unit' });
    const lot = await receive(m.id, { lotNumber: 'CS10-2611' });
    const list = await h.request(qa, 'GET', '/api/v1/materials');
    expect(list.json<{ items: Material[] }>().items.map((x) => x.code)).toEqual(expect.arrayContaining(['MAT-CS10', 'MAT-BAG']));
    const detail = (await h.request(qa, 'GET', `/api/v1/materials/${m.id}`)).json<Material>();
    expect(detail.lots!.map((l) => l.id)).toEqual([lot.id]);
  });

  it('refuses bad material input naming each field, a taken code, a role without materials:write, an unknown id', async () => {
    const before = await count('materials');
    const bad = await h.request(operator, 'POST', '/api/v1/materials', { code: 'mat cs10', name: '', kind: 'food' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<Problem>().errors!.map((e) => e.path).sort()).toEqual(['body.code', 'body.kind', 'body.name']);
    await createMaterial({ code: 'MAT-PEI' });
    const taken = await h.request(operator, 'POST', '/api/v1/materials', { code: 'MAT-PEI', name: 'Again', kind: 'reagent' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json<Problem>()).toMatchObject({ code: 'material.code_taken', params: { code: 'MAT-PEI' } });
    expect((await h.request(nurse, 'POST', '/api/v1/materials', { code: 'MAT-X1', name: 'X', kind: 'reagent' })).statusCode).toBe(403);
    expect((await h.request(nurse, 'GET', '/api/v1/materials')).statusCode).toBe(403);
    expect((await h.request(qa, 'GET', `/api/v1/materials/${UNKNOWN}`)).statusCode).toBe(404);
    expect(await count('materials')).toBe(before + 1);
  });

  it('receives a lot into quarantine, not usable; refuses a duplicate lot number, a past expiry, no quantity, an unknown material', async () => {
    const m = await createMaterial();
    const lot = await receive(m.id, { lotNumber: 'TM-001', quantity: 250 });
    expect(lot).toMatchObject({ status: 'quarantine', usable: false, quantityReceived: 250, quantityOnHand: 250, materialCode: m.code, unit: 'mL', signatures: [] });
    const before = await count('material_lots');
    const url = `/api/v1/materials/${m.id}/lots`;
    const future = new Date(Date.now() + 90 * DAY).toISOString();
    const dup = await h.request(operator, 'POST', url, { lotNumber: 'TM-001', expiresAt: future, quantity: 10 });
    expect(dup.statusCode).toBe(409);
    expect(dup.json<Problem>()).toMatchObject({ code: 'lot.duplicate', params: { lotNumber: 'TM-001', materialCode: m.code } });
    const past = await h.request(operator, 'POST', url, { lotNumber: 'TM-002', expiresAt: new Date(Date.now() - DAY).toISOString(), quantity: 10 });
    expect(past.statusCode).toBe(422);
    expect(past.json<Problem>()).toMatchObject({ code: 'lot.expired_on_receipt', errors: [{ path: 'body.expiresAt' }] });
    const zero = await h.request(operator, 'POST', url, { lotNumber: 'TM-003', expiresAt: future, quantity: 0 });
    expect(zero.statusCode).toBe(400);
    expect(zero.json<Problem>().errors!.map((e) => e.path)).toEqual(['body.quantity']);
    expect((await h.request(operator, 'POST', `/api/v1/materials/${UNKNOWN}/lots`, { lotNumber: 'TM-004', expiresAt: future, quantity: 1 })).statusCode).toBe(404);
    expect((await h.request(nurse, 'POST', url, { lotNumber: 'TM-005', expiresAt: future, quantity: 1 })).statusCode).toBe(403);
    expect(await count('material_lots')).toBe(before);
  });

  it('lets only QA disposition, with a signature: wrong password 401 changes nothing, a second disposition is 409', async () => {
    const m = await createMaterial();
    const lot = await receive(m.id);
    const byOperator = await h.request(operator, 'POST', `/api/v1/lots/${lot.id}/disposition`, { decision: 'release', signature: { password: TEST_PASSWORD, meaning: 'Released' } });
    expect(byOperator.statusCode).toBe(403);
    const signaturesBefore = await count('signatures');
    const wrong = await dispose(lot.id, 'release', 'not-my-password');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json<Problem>().code).toBe('signature.wrong_password');
    expect((await lotRow(lot.id)).status).toBe('quarantine');
    expect(await count('signatures')).toBe(signaturesBefore);
    const ok = await dispose(lot.id, 'release');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<Lot>()).toMatchObject({ status: 'released', usable: true, signatures: [{ signer: qa.username, meaning: 'Released for use', valid: true }] });
    const again = await dispose(lot.id, 'reject');
    expect(again.statusCode).toBe(409);
    expect(again.json<Problem>()).toMatchObject({ code: 'lot.not_in_quarantine', params: { lotNumber: lot.lotNumber, status: 'released' } });
    expect((await lotRow(lot.id)).status).toBe('released');
    const bad = await h.request(qa, 'POST', `/api/v1/lots/${lot.id}/disposition`, { decision: 'approve', signature: { password: '', meaning: '' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<Problem>().errors!.map((e) => e.path).sort()).toEqual(['body.decision', 'body.signature.meaning', 'body.signature.password']);
    expect((await dispose(UNKNOWN, 'release')).statusCode).toBe(404);
    const rejected = await receive(m.id);
    expect((await dispose(rejected.id, 'reject')).json<Lot>()).toMatchObject({ status: 'rejected', usable: false });
  });

  it('lists lots by material, status and usability', async () => {
    const m = await createMaterial();
    const q = await receive(m.id);
    const r = await released(m.id);
    const list = async (query: string) => (await h.request(operator, 'GET', `/api/v1/lots?materialId=${m.id}${query}`)).json<{ items: Lot[] }>().items.map((l) => l.id);
    expect((await list('')).sort()).toEqual([q.id, r.id].sort());
    expect(await list('&status=quarantine')).toEqual([q.id]);
    expect(await list('&usable=true')).toEqual([r.id]);
    expect(await list('&usable=false')).toEqual([q.id]);
    expect((await h.request(operator, 'GET', `/api/v1/lots/${r.id}`)).json<Lot>().id).toBe(r.id);
    expect((await h.request(operator, 'GET', `/api/v1/lots/${UNKNOWN}`)).statusCode).toBe(404);
    expect((await h.request(operator, 'GET', '/api/v1/lots?status=gone&usable=maybe')).statusCode).toBe(400);
  });

  describe('consumption by batches', () => {
    const batchId = '11111111-1111-4111-8111-111111111111';
    const asOperator = <T>(fn: () => Promise<T>) => runWithContext({ requestId: 'test', actor: { id: operator.id, username: operator.username, displayName: operator.username, roles: ['operator'] } }, fn);
    const consume = (lotId: string, quantity: number, at?: Date) => asOperator(() => write(h.database.db, (w) => consumeLot(w, { lotId, quantity, batchId, ...(at ? { at } : {}) })));
    const refusal = async (p: Promise<unknown>) => {
      const e = (await p.then(() => null, (error: unknown) => error)) as { status: number; code: string; params: Record<string, unknown> } | null;
      expect(e, 'expected a refusal').not.toBeNull();
      return e!;
    };

    it('never consumes a quarantined, rejected, expired or empty lot (409 lot.not_usable naming why)', async () => {
      const m = await createMaterial();
      const quarantined = await receive(m.id);
      const rejected = await receive(m.id);
      await dispose(rejected.id, 'reject');
      const expiring = await released(m.id, { expiresAt: new Date(Date.now() + DAY).toISOString() });
      const small = await released(m.id, { quantity: 5 });
      await consume(small.id, 5);
      const afterExpiry = new Date(Date.now() + 2 * DAY);
      const cases: [string, string, Date | undefined][] = [
        [quarantined.id, 'quarantine', undefined],
        [rejected.id, 'rejected', undefined],
        [expiring.id, 'expired', afterExpiry],
        [small.id, 'empty', undefined],
      ];
      const edgesBefore = await count('genealogy_edges');
      for (const [lotId, reason, at] of cases) {
        const asserted = await refusal(assertLotUsable(h.database.db, lotId, at));
        expect(asserted).toMatchObject({ status: 409, code: 'lot.not_usable', params: { reason } });
        const consumed = await refusal(consume(lotId, 1, at));
        expect(consumed).toMatchObject({ status: 409, code: 'lot.not_usable', params: { reason } });
      }
      expect(await count('genealogy_edges')).toBe(edgesBefore);
      expect((await lotRow(expiring.id)).quantity_on_hand).toBe(500);
      expect((await assertLotUsable(h.database.db, expiring.id)).material.code).toBe(m.code);
      expect((await refusal(assertLotUsable(h.database.db, UNKNOWN))).status).toBe(404);
    });

    it('decrements the quantity on hand, writes the edge lot → batch, refuses more than on hand', async () => {
      const m = await createMaterial();
      const lot = await released(m.id, { quantity: 100 });
      await consume(lot.id, 30.5);
      await consume(lot.id, 0.1);
      await consume(lot.id, 0.2);
      expect((await lotRow(lot.id)).quantity_on_hand).toBe(69.2);
      const short = await refusal(consume(lot.id, 70));
      expect(short).toMatchObject({ status: 409, code: 'lot.insufficient', params: { lotNumber: lot.lotNumber, onHand: 69.2, requested: 70, unit: 'mL' } });
      expect((await lotRow(lot.id)).quantity_on_hand).toBe(69.2);
      const edges = await h.database.query<{ from_kind: string; to_kind: string; to_id: string; quantity: number }>(`SELECT from_kind, to_kind, to_id, quantity FROM genealogy_edges WHERE from_id = $1 ORDER BY created_at`, [lot.id]);
      expect(edges.map((e) => [e.from_kind, e.to_kind, e.to_id, e.quantity])).toEqual([
        ['lot', 'batch', batchId, 30.5],
        ['lot', 'batch', batchId, 0.1],
        ['lot', 'batch', batchId, 0.2],
      ]);
      expect((await refusal(consume(lot.id, 0))).code).toBe('lot.quantity_invalid');
    });

    it('lets only one of two concurrent consumptions take the last of a lot', async () => {
      const m = await createMaterial();
      const lot = await released(m.id, { quantity: 10 });
      const results = await Promise.allSettled([consume(lot.id, 7), consume(lot.id, 7)]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect((await lotRow(lot.id)).quantity_on_hand).toBe(3);
    });
  });
});
