import { describe, expect, it } from 'vitest';
import { TEST_PASSWORD, type Harness } from '../../test/harness';
import { completeStep, done, lot, startCart, unit, UNKNOWN, withPlant, type BatchJson, type Crew, type LotJson, type Plant, type Problem } from './batches.fixtures';

/** Executing steps: order, values, materials, equipment, qualification, witness, signature, concurrency. */
describe('executing batch steps', () => {
  let h: Harness;
  let c: Crew;
  let p: Plant;
  withPlant((world) => {
    ({ h, c, p } = world);
  });

  const step1 = { values: { bagTemperature: 4.5, labelMatches: true } };
  const get = async (id: string) => (await h.request(c.operator, 'GET', `/api/v1/batches/${id}`)).json<BatchJson>();
  const getLot = async (id: string) => (await h.request(c.operator, 'GET', `/api/v1/lots/${id}`)).json<LotJson>();
  const getUnit = async (id: string) => (await h.request(c.operator, 'GET', `/api/v1/equipment/${id}`)).json<{ status: string; inUseByBatchId: string | null }>();
  const deviationCount = async (batchId: string) => (await h.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM deviations WHERE batch_id = '${batchId}'`))[0]!.n;
  /** A batch with step 1 done and what step 2 needs: a released CD3/CD28 lot and a cabinet. */
  const atStep2 = async () => {
    const started = await startCart(h, c, p);
    await done(h, c.operator, started.batch.id, 0, step1);
    return { ...started, cd3: await lot(h, c, p.materials.cd3), cabinet: await unit(h, c, 'biosafety_cabinet') };
  };
  const step2 = (cd3: LotJson, cabinet: { id: string }, extra: Record<string, unknown> = {}) => ({
    values: { viability: 91 },
    materialLots: [{ lotId: cd3.id, quantity: 2.5 }],
    equipment: [cabinet.id],
    ...extra,
  });

  it('records a step with its values, the performer and the signature "Performed"', async () => {
    const { batch } = await startCart(h, c, p);
    const after = await done(h, c.operator, batch.id, 0, step1);
    expect(after.nextStep).toBe(1);
    expect(after.steps[0]).toMatchObject({
      status: 'completed',
      values: { bagTemperature: 4.5, labelMatches: true },
      outOfRange: [],
      performedBy: c.operator.username,
      witnessedBy: null,
      signatures: [{ signer: c.operator.username, meaning: 'Performed', valid: true }],
    });
  });

  it('keeps the steps in order (409 batch.step_order naming the next) and never does a step twice (409)', async () => {
    const { batch } = await startCart(h, c, p);
    const early = await completeStep(h, c.operator, batch.id, 1, { values: { viability: 90 } });
    expect(early.statusCode).toBe(409);
    expect(early.json<Problem>()).toMatchObject({ code: 'batch.step_order', params: { next: 1 } });
    await done(h, c.operator, batch.id, 0, step1);
    const twice = await completeStep(h, c.operator, batch.id, 0, step1);
    expect(twice.statusCode).toBe(409);
    expect(twice.json<Problem>()).toMatchObject({ code: 'batch.step_completed', params: { step: 1 } });
  });

  it('checks values per field: required, typed, known (422 naming each), and stores nothing', async () => {
    const { batch } = await startCart(h, c, p);
    const res = await completeStep(h, c.operator, batch.id, 0, { values: { bagTemperature: '4', extra: 1 } });
    expect(res.statusCode).toBe(422);
    const problem = res.json<Problem>();
    expect(problem.code).toBe('batch.invalid_values');
    expect(problem.errors!.map((e) => e.path).sort()).toEqual(['body.values.bagTemperature', 'body.values.extra', 'body.values.labelMatches']);
    expect((await get(batch.id)).steps[0]!.status).toBe('pending');
    const bad = await completeStep(h, c.operator, batch.id, 0, { values: [] });
    expect(bad.statusCode).toBe(400);
  });

  it('records an out-of-range number as measured and opens a deviation linked to the batch', async () => {
    const { batch } = await startCart(h, c, p);
    const after = await done(h, c.operator, batch.id, 0, { values: { bagTemperature: 12.5, labelMatches: true } });
    expect(after.steps[0]).toMatchObject({ status: 'completed', values: { bagTemperature: 12.5 }, outOfRange: ['bagTemperature'] });
    expect(after.deviations).toEqual([expect.objectContaining({ source: 'batch_value', batchId: batch.id, batchIds: [batch.id], number: expect.stringMatching(/^DEV-\d{4}-\d{4}$/) })]);
    expect(after.deviations[0]!.title).toContain('Bag temperature');
    const listed = (await h.request(c.qa, 'GET', `/api/v1/deviations?batchId=${batch.id}`)).json<{ items: { id: string }[] }>().items;
    expect(listed.map((d) => d.id)).toEqual([after.deviations[0]!.id]);
  });

  it('consumes the scanned lot (quantity on hand down, genealogy lot → batch) and holds the equipment', async () => {
    const { batch, cd3, cabinet } = await atStep2();
    const after = await done(h, c.operator, batch.id, 1, step2(cd3, cabinet));
    expect(after.steps[1]).toMatchObject({ materialLots: [{ lotId: cd3.id, lotNumber: cd3.lotNumber, materialCode: 'MAT-CD3CD28', quantity: 2.5 }], equipment: [{ id: cabinet.id, code: cabinet.code }] });
    expect((await getLot(cd3.id)).quantityOnHand).toBe(97.5);
    const edges = await h.database.query(`SELECT quantity FROM genealogy_edges WHERE from_id = '${cd3.id}' AND to_id = '${batch.id}'`);
    expect(edges).toEqual([{ quantity: 2.5 }]);
    expect(await getUnit(cabinet.id)).toMatchObject({ status: 'in_use', inUseByBatchId: batch.id });
    // Held until the batch ends: another batch cannot scan it.
    const other = await atStep2();
    const refused = await completeStep(h, c.operator, other.batch.id, 1, step2(other.cd3, cabinet));
    expect(refused.statusCode).toBe(409);
    expect(refused.json<Problem>()).toMatchObject({ code: 'equipment.not_usable', params: { code: cabinet.code, status: 'in_use' } });
  });

  it('refuses unreleased and expired lots (409 lot.not_usable), a missing material and a material the step does not list (422)', async () => {
    const { batch, cabinet } = await atStep2();
    const quarantined = await lot(h, c, p.materials.cd3, { release: false });
    const q = await completeStep(h, c.operator, batch.id, 1, step2(quarantined, cabinet));
    expect(q.statusCode).toBe(409);
    expect(q.json<Problem>()).toMatchObject({ code: 'lot.not_usable', params: { lotNumber: quarantined.lotNumber, reason: 'quarantine' } });
    const expired = await lot(h, c, p.materials.cd3);
    await h.database.query(`UPDATE material_lots SET expires_at = now() - interval '1 day' WHERE id = '${expired.id}'`);
    const e = await completeStep(h, c.operator, batch.id, 1, step2(expired, cabinet));
    expect(e.json<Problem>()).toMatchObject({ code: 'lot.not_usable', params: { reason: 'expired' } });
    const none = await completeStep(h, c.operator, batch.id, 1, step2(expired, cabinet, { materialLots: [] }));
    expect(none.statusCode).toBe(422);
    expect(none.json<Problem>()).toMatchObject({ code: 'batch.material_missing', params: { materials: 'MAT-CD3CD28' } });
    const cs10 = await lot(h, c, p.materials.cs10);
    const wrong = await completeStep(h, c.operator, batch.id, 1, step2(cs10, cabinet));
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json<Problem>()).toMatchObject({ code: 'batch.material_unexpected' });
    expect((await getLot(cs10.id)).quantityOnHand).toBe(100);
    expect((await get(batch.id)).steps[1]!.status).toBe('pending');
  });

  it('refuses equipment out of calibration (409) and a step without its equipment (422)', async () => {
    const { batch, cd3 } = await atStep2();
    const overdue = await unit(h, c, 'biosafety_cabinet', new Date(Date.now() - 86_400_000));
    const res = await completeStep(h, c.operator, batch.id, 1, step2(cd3, overdue));
    expect(res.statusCode).toBe(409);
    expect(res.json<Problem>()).toMatchObject({ code: 'equipment.not_usable', params: { code: overdue.code, status: 'out_of_calibration' } });
    const missing = await completeStep(h, c.operator, batch.id, 1, step2(cd3, overdue, { equipment: [] }));
    expect(missing.statusCode).toBe(422);
    expect(missing.json<Problem>()).toMatchObject({ code: 'batch.equipment_missing', params: { types: 'biosafety_cabinet' } });
    expect((await getLot(cd3.id)).quantityOnHand).toBe(100);
  });

  it('lets only qualified operators perform a step: the refusal names the course', async () => {
    const { batch, cd3, cabinet } = await atStep2();
    const res = await completeStep(h, c.untrained, batch.id, 1, step2(cd3, cabinet));
    expect(res.statusCode).toBe(409);
    const problem = res.json<Problem>();
    expect(problem).toMatchObject({ code: 'training.not_qualified', params: { competency: 'CELL-210', state: 'never_held' } });
    expect(problem.detail).toContain('CELL-210 Cell processing');
    expect((await getLot(cd3.id)).quantityOnHand).toBe(100);
    expect(await getUnit(cabinet.id)).toMatchObject({ status: 'available' });
  });

  it("needs the performer's password: a wrong one is 401 and nothing is stored (no value, consumption, hold or deviation)", async () => {
    const { batch, cd3, cabinet } = await atStep2();
    const res = await completeStep(h, c.operator, batch.id, 1, step2(cd3, cabinet, { values: { viability: 20 }, signature: { password: 'wrong-password-1', meaning: 'Performed' } }));
    expect(res.statusCode).toBe(401);
    expect(res.json<Problem>().code).toBe('signature.wrong_password');
    expect((await get(batch.id)).steps[1]).toMatchObject({ status: 'pending', values: null, signatures: [] });
    expect((await getLot(cd3.id)).quantityOnHand).toBe(100);
    expect(await getUnit(cabinet.id)).toMatchObject({ status: 'available' });
    expect(await deviationCount(batch.id)).toBe(0);
  });

  describe('witness steps', () => {
    /** A batch at step 3 (witnessed), with a released vector lot to scan. */
    const atStep3 = async () => {
      const { batch, cd3, cabinet } = await atStep2();
      await done(h, c.operator, batch.id, 1, step2(cd3, cabinet));
      return { batch, lvv: await lot(h, c, p.materials.lvv) };
    };
    const step3 = (lvv: LotJson, witness?: Record<string, string>) => ({ values: { moi: 5 }, materialLots: [{ lotId: lvv.id, quantity: 1.2 }], ...(witness ? { witness } : {}) });

    it('records the second person: witnessedBy and both signatures, each in its own name', async () => {
      const { batch, lvv } = await atStep3();
      const after = await done(h, c.operator, batch.id, 2, step3(lvv, { username: c.operator2.username, password: TEST_PASSWORD }));
      expect(after.steps[2]).toMatchObject({ performedBy: c.operator.username, witnessedBy: c.operator2.username });
      expect(after.steps[2]!.signatures.map((s) => [s.signer, s.meaning, s.valid])).toEqual([
        [c.operator.username, 'Performed', true],
        [c.operator2.username, 'Witnessed', true],
      ]);
      const audit = await h.database.query<{ actor: string }>(`SELECT actor FROM audit_events WHERE entity_type = 'signature' ORDER BY seq DESC LIMIT 1`);
      expect(audit[0]!.actor).toBe(c.operator2.username);
    });

    it('refuses no witness (422), the performer as witness (409), a wrong witness password (401, nothing stored) and a witness who may not execute batches (409)', async () => {
      const { batch, lvv } = await atStep3();
      const none = await completeStep(h, c.operator, batch.id, 2, step3(lvv));
      expect(none.statusCode).toBe(422);
      expect(none.json<Problem>()).toMatchObject({ code: 'batch.witness_required', errors: [{ path: 'body.witness' }] });
      const self = await completeStep(h, c.operator, batch.id, 2, step3(lvv, { username: c.operator.username, password: TEST_PASSWORD }));
      expect(self.statusCode).toBe(409);
      expect(self.json<Problem>().code).toBe('batch.witness_is_performer');
      const wrong = await completeStep(h, c.operator, batch.id, 2, step3(lvv, { username: c.operator2.username, password: 'not-their-password' }));
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json<Problem>().code).toBe('batch.witness_wrong_password');
      const unknown = await completeStep(h, c.operator, batch.id, 2, step3(lvv, { username: 'nobody-here', password: TEST_PASSWORD }));
      expect(unknown.statusCode).toBe(401);
      const qa = await completeStep(h, c.operator, batch.id, 2, step3(lvv, { username: c.qa.username, password: TEST_PASSWORD }));
      expect(qa.statusCode).toBe(409);
      expect(qa.json<Problem>().code).toBe('batch.witness_not_permitted');
      expect((await get(batch.id)).steps[2]).toMatchObject({ status: 'pending', signatures: [] });
      expect((await getLot(lvv.id)).quantityOnHand).toBe(100);
    });
  });

  it('lets exactly one of two operators completing the same step at once succeed (200, 409)', async () => {
    const { batch } = await startCart(h, c, p);
    const results = await Promise.all([c.operator, c.operator2].map((user) => completeStep(h, user, batch.id, 0, step1)));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json<Problem>().code).toBe('batch.step_completed');
    const after = await get(batch.id);
    expect(after.steps[0]!.signatures).toHaveLength(1);
  });

  it('answers an unknown batch or step with 404, a bad step number with 400 and other roles with 403', async () => {
    const { batch } = await startCart(h, c, p);
    expect((await completeStep(h, c.operator, UNKNOWN, 0, step1)).statusCode).toBe(404);
    expect((await completeStep(h, c.operator, batch.id, 4, step1)).statusCode).toBe(404);
    expect((await completeStep(h, c.operator, batch.id, -1, step1)).statusCode).toBe(400);
    expect((await completeStep(h, c.operator, batch.id, 'one' as unknown as number, step1)).statusCode).toBe(400);
    expect((await h.request(c.operator, 'POST', `/api/v1/batches/${batch.id}/steps/1/complete`, { values: step1.values })).statusCode).toBe(400);
    for (const user of [c.qa, c.qp, c.nurse]) expect((await completeStep(h, user, batch.id, 0, step1)).statusCode).toBe(403);
    expect((await get(batch.id)).steps[0]!.status).toBe('pending');
  });
});
