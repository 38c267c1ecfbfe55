import { describe, expect, it } from 'vitest';
import { TEST_PASSWORD, type Harness } from '../../test/harness';
import { completeStep, done, lot, startCart, startVector, unit, UNKNOWN, withPlant, type BatchJson, type Crew, type Plant, type Problem } from './batches.fixtures';

/** QA aborts a batch in progress: status, room, equipment, deviation, signature and audit in one transaction. */
describe('aborting a batch', () => {
  let h: Harness;
  let c: Crew;
  let p: Plant;
  withPlant((world) => {
    ({ h, c, p } = world);
  });

  const reason = 'Sterility breach: glove tear during the open manipulation';
  const abort = (batchId: string, body: unknown, user = c.qa) => h.request(user, 'POST', `/api/v1/batches/${batchId}/abort`, body);
  const valid = { reason, signature: { password: TEST_PASSWORD, meaning: 'Batch aborted' } };
  const get = async (id: string) => (await h.request(c.qa, 'GET', `/api/v1/batches/${id}`)).json<BatchJson & { completedAt: string | null }>();
  const roomOf = async (id: string) => (await h.request(c.qa, 'GET', `/api/v1/rooms/${id}`)).json<{ status: string; currentBatchId: string | null }>();
  const unitOf = async (id: string) => (await h.request(c.qa, 'GET', `/api/v1/equipment/${id}`)).json<{ status: string; inUseByBatchId: string | null }>();
  const batchTrail = async (id: string) =>
    h.database.query<{ action: string; actor: string; reason: string | null }>(`SELECT action, actor, reason FROM audit_events WHERE entity_type = 'batch' AND entity_id = '${id}' ORDER BY seq`);

  /** A CAR-T batch two steps in, holding a cabinet in its room. */
  const twoStepsIn = async () => {
    const started = await startCart(h, c, p);
    const cabinet = await unit(h, c, 'biosafety_cabinet');
    await done(h, c.operator, started.batch.id, 0, { values: { bagTemperature: 4, labelMatches: true } });
    await done(h, c.operator, started.batch.id, 1, { values: { viability: 90 }, materialLots: [{ lotId: (await lot(h, c, p.materials.cd3)).id, quantity: 1 }], equipment: [cabinet.id] });
    return { ...started, cabinet };
  };

  it('aborts: status aborted and ended, room to be cleaned, equipment released, a major deviation, signed "Batch aborted", audited', async () => {
    const { batch, room, cabinet } = await twoStepsIn();
    expect((await unitOf(cabinet.id)).inUseByBatchId).toBe(batch.id);
    const res = await abort(batch.id, valid);
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json<BatchJson & { completedAt: string | null }>();
    expect(after.status).toBe('aborted');
    expect(Date.now() - new Date(after.completedAt!).getTime()).toBeLessThan(60_000);
    expect(after.steps.map((s) => s.status)).toEqual(['completed', 'completed', 'pending', 'pending']);
    expect(await roomOf(room.id)).toEqual(expect.objectContaining({ status: 'to_be_cleaned', currentBatchId: null }));
    expect(await unitOf(cabinet.id)).toMatchObject({ status: 'available', inUseByBatchId: null });

    expect(after.deviations).toHaveLength(1);
    const deviation = after.deviations[0]! as BatchJson['deviations'][number] & { severity: string; status: string; description: string };
    expect(deviation).toMatchObject({ source: 'batch_abort', severity: 'major', status: 'open', batchId: batch.id, batchIds: [batch.id], title: `Batch ${batch.batchNumber} aborted` });
    expect(deviation.description).toContain('after 2 of 4 steps');
    expect(deviation.description).toContain(reason);

    const [signature] = await h.database.query<{ meaning: string; printed_name: string; user_id: string }>(`SELECT meaning, printed_name, user_id FROM signatures WHERE entity_type = 'batch' AND entity_id = '${batch.id}'`);
    expect(signature).toEqual({ meaning: 'Batch aborted', printed_name: `Test ${c.qa.username}`, user_id: c.qa.id });
    expect((await batchTrail(batch.id)).at(-1)).toEqual({ action: 'abort', actor: c.qa.username, reason });

    // An aborted batch is closed: no step can be recorded, and it cannot be aborted twice.
    const step = await completeStep(h, c.operator, batch.id, 2, { values: { moi: 4 } });
    expect(step.statusCode).toBe(409);
    expect(step.json<Problem>().code).toBe('batch.not_in_progress');
    const twice = await abort(batch.id, valid);
    expect(twice.statusCode).toBe(409);
    expect(twice.json<Problem>()).toMatchObject({ code: 'batch.not_abortable', params: { batchNumber: batch.batchNumber, status: 'aborted' } });
  });

  it('refuses a completed batch with 409 batch.not_abortable and changes nothing', async () => {
    const { batch } = await startVector(h, c, p);
    const plasmid = await lot(h, c, p.materials.plasmid, { quantity: 10 });
    await done(h, c.operator, batch.id, 0, { values: { cellDensity: 1.1 }, materialLots: [{ lotId: plasmid.id, quantity: 1 }] });
    await done(h, c.operator, batch.id, 1, { values: { harvestVolume: 300 } });
    const before = await get(batch.id);
    const res = await abort(batch.id, valid);
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json<Problem>()).toMatchObject({ code: 'batch.not_abortable', params: { status: 'completed' } });
    expect(await get(batch.id)).toEqual(before);
  });

  it('refuses bad input (400 naming the field), an unknown batch (404) and a wrong password (401), leaving the batch running', async () => {
    const { batch, room } = await startCart(h, c, p);
    for (const [body, path] of [
      [{ signature: valid.signature }, 'body.reason'],
      [{ reason: '   ', signature: valid.signature }, 'body.reason'],
      [{ reason }, 'body.signature'],
      [{ reason, signature: { password: '' } }, 'body.signature.password'],
      [{ reason, signature: { password: TEST_PASSWORD, meaning: 'Released' } }, 'body.signature.meaning'],
    ] as const) {
      const res = await abort(batch.id, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json<Problem>().errors!.map((e) => e.path)).toEqual([path]);
    }
    expect((await abort('not-a-uuid', valid)).statusCode).toBe(400);
    expect((await abort(UNKNOWN, valid)).statusCode).toBe(404);
    const wrong = await abort(batch.id, { reason, signature: { password: 'Not-the-password-1' } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json<Problem>().code).toBe('signature.wrong_password');
    expect((await get(batch.id)).status).toBe('in_progress');
    expect((await get(batch.id)).deviations).toEqual([]);
    expect(await roomOf(room.id)).toMatchObject({ status: 'in_use', currentBatchId: batch.id });
    expect((await batchTrail(batch.id)).map((e) => e.action)).toEqual(['create']);
  });

  it('is QA\'s decision: the operator running the batch, the QP and the director are refused with 403', async () => {
    const { batch } = await startCart(h, c, p);
    const director = await h.createTestUser({ roles: ['director'] });
    for (const user of [c.operator, c.qp, director]) {
      const res = await abort(batch.id, valid, user);
      expect(res.statusCode).toBe(403);
      expect(res.json<Problem>().code).toBe('forbidden');
    }
    expect((await get(batch.id)).status).toBe('in_progress');
  });
});
