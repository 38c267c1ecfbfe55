import { describe, expect, it } from 'vitest';
import { TEST_PASSWORD, type Harness } from '../../test/harness';
import { completeStep, disposition, done, lot, startCart, startVector, unit, withPlant, type BatchJson, type Crew, type LotJson, type Plant, type Problem } from './batches.fixtures';

/** The last step: what a finished batch leaves behind, and the genealogy from vector lot to patient. */
describe('completing a batch', () => {
  let h: Harness;
  let c: Crew;
  let p: Plant;
  withPlant((world) => {
    ({ h, c, p } = world);
  });

  const roomOf = async (id: string) => (await h.request(c.operator, 'GET', `/api/v1/rooms/${id}`)).json<{ status: string; currentBatchId: string | null }>();
  const unitOf = async (id: string) => (await h.request(c.operator, 'GET', `/api/v1/equipment/${id}`)).json<{ status: string; inUseByBatchId: string | null }>();

  /** Runs the vector process to the end: its harvest becomes a quarantined MAT-LVV-GPC3 lot. */
  const vectorRun = async (harvestVolume = 480) => {
    const { batch, room } = await startVector(h, c, p);
    const plasmid = await lot(h, c, p.materials.plasmid, { quantity: 10 });
    await done(h, c.operator, batch.id, 0, { values: { cellDensity: 1.1 }, materialLots: [{ lotId: plasmid.id, quantity: 1.5 }] });
    const after = await done(h, c.operator, batch.id, 1, { values: { harvestVolume } });
    return { batch: after, room };
  };

  /** Runs the CAR-T process to the end with the given vector lot. */
  const cartRun = async (lvv: LotJson) => {
    const { batch, order, room } = await startCart(h, c, p);
    const cabinet = await unit(h, c, 'biosafety_cabinet');
    await done(h, c.operator, batch.id, 0, { values: { bagTemperature: 4, labelMatches: true } });
    await done(h, c.operator, batch.id, 1, { values: { viability: 88 }, materialLots: [{ lotId: (await lot(h, c, p.materials.cd3)).id, quantity: 1 }], equipment: [cabinet.id] });
    expect((await unitOf(cabinet.id)).status).toBe('in_use');
    await done(h, c.operator, batch.id, 2, { values: { moi: 5 }, materialLots: [{ lotId: lvv.id, quantity: 2 }], witness: { username: c.operator2.username, password: TEST_PASSWORD } });
    const last = await done(h, c.operator, batch.id, 3, { values: {}, materialLots: [(await lot(h, c, p.materials.cs10)).id] });
    return { batch: last, order, room, cabinet };
  };

  it('completes a vector batch: output lot in quarantine with the harvested volume, edge batch → lot, room to be cleaned', async () => {
    const { batch, room } = await vectorRun(480);
    expect(batch).toMatchObject({ status: 'completed', nextStep: null });
    expect(batch.outputLots).toEqual([expect.objectContaining({ lotNumber: batch.batchNumber, materialCode: 'MAT-LVV-GPC3', status: 'quarantine', quantity: 480 })]);
    const out = (await h.request(c.operator, 'GET', `/api/v1/lots/${batch.outputLots[0]!.id}`)).json<{ status: string; usable: boolean; producedByBatchId: string; quantityOnHand: number }>();
    expect(out).toMatchObject({ status: 'quarantine', usable: false, producedByBatchId: batch.id, quantityOnHand: 480 });
    const edges = await h.database.query(`SELECT from_kind, to_kind FROM genealogy_edges WHERE from_id = '${batch.id}'`);
    expect(edges).toEqual([{ from_kind: 'batch', to_kind: 'lot' }]);
    expect(await roomOf(room.id)).toMatchObject({ status: 'to_be_cleaned', currentBatchId: null });
    const after = await completeStep(h, c.operator, batch.id, 1, { values: { harvestVolume: 1 } });
    expect(after.statusCode).toBe(409);
    expect(after.json<Problem>().code).toBe('batch.not_in_progress');
  });

  it('completes a CAR-T batch: equipment released, room to be cleaned, edge batch → order; a released vector lot traces forward to the patient', async () => {
    const vector = await vectorRun();
    const lvv = await disposition(h, c, vector.batch.outputLots[0]!.id);
    expect(lvv.status).toBe('released');
    const { batch, order, room, cabinet } = await cartRun(lvv);
    expect(batch.status).toBe('completed');
    expect(batch.steps.every((s) => s.status === 'completed')).toBe(true);
    expect(await unitOf(cabinet.id)).toMatchObject({ status: 'available', inUseByBatchId: null });
    expect((await roomOf(room.id)).status).toBe('to_be_cleaned');
    const toOrder = await h.database.query(`SELECT to_kind FROM genealogy_edges WHERE from_id = '${batch.id}' AND to_id = '${order.id}'`);
    expect(toOrder).toEqual([{ to_kind: 'order' }]);
    expect((await h.request(c.operator, 'GET', `/api/v1/lots/${lvv.id}`)).json<LotJson>().quantityOnHand).toBe(478);

    const trace = await h.request(c.qa, 'GET', `/api/v1/lots/${lvv.id}/trace?direction=forward`);
    expect(trace.statusCode, trace.body).toBe(200);
    const nodes = trace.json<{ nodes: { kind: string; id: string; label: string }[] }>().nodes;
    expect(nodes).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'batch', id: batch.id, label: batch.batchNumber }),
      expect.objectContaining({ kind: 'order', id: order.id, label: expect.stringContaining(order.subjectCode) }),
    ]));
    // Backward from the patient's batch: the vector lot, the batch that made it and its plasmid lot.
    const back = await h.request(c.qa, 'GET', `/api/v1/lots/${vector.batch.outputLots[0]!.id}/trace?direction=backward`);
    expect(back.json<{ nodes: { kind: string; id: string }[] }>().nodes).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'batch', id: vector.batch.id })]));
  });

  it('shows the record of a finished batch to QA and the QP, not to a coordinator', async () => {
    const { batch } = await vectorRun();
    for (const user of [c.qa, c.qp, c.operator]) expect((await h.request(user, 'GET', `/api/v1/batches/${batch.id}`)).json<BatchJson>().status).toBe('completed');
    expect((await h.request(c.coordinator, 'GET', `/api/v1/batches/${batch.id}`)).statusCode).toBe(403);
  });
});
