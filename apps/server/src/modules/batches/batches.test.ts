import { describe, expect, it } from 'vitest';
import type { Harness } from '../../test/harness';
import { effectiveProcess, patientBag, room, startCart, startVector, UNKNOWN, CART_STEPS, withPlant, type BatchJson, type Crew, type Plant, type Problem } from './batches.fixtures';

/** Starting a batch: the process, the patient and their bag, the room. */
describe('starting a batch', () => {
  let h: Harness;
  let c: Crew;
  let p: Plant;
  withPlant((world) => {
    ({ h, c, p } = world);
  });

  const post = (body: Record<string, unknown>, user = c.operator) => h.request(user, 'POST', '/api/v1/batches', body);
  const count = async (table: string) => (await h.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;
  const roomStatus = async (id: string) => (await h.request(c.operator, 'GET', `/api/v1/rooms/${id}`)).json<{ status: string; currentBatchId: string | null }>();

  it('starts an autologous batch: numbered, steps pending, room in use, bag received on its custody chain and in the genealogy', async () => {
    const { batch, order, bag, room: r } = await startCart(h, c, p);
    expect(batch.batchNumber).toMatch(/^B-20\d{2}-\d{4}$/);
    expect(batch).toMatchObject({ status: 'in_progress', orderId: order.id, coi: order.coi, subjectCode: order.subjectCode, din: bag.din, roomCode: r.code, nextStep: 0 });
    expect(batch.steps.map((s) => [s.index, s.number, s.title, s.status])).toEqual(CART_STEPS.map((s, i) => [i, i + 1, s.title, 'pending']));
    expect(await roomStatus(r.id)).toMatchObject({ status: 'in_use', currentBatchId: batch.id });
    const custody = (await h.request(c.operator, 'GET', `/api/v1/custody-events?din=${bag.din}`)).json<{ items: { type: string; location: string; recordedBy: string }[] }>().items;
    expect(custody.at(-1)).toMatchObject({ type: 'receipt', location: r.code, recordedBy: c.operator.username });
    const edges = await h.database.query(`SELECT from_kind, to_kind FROM genealogy_edges WHERE to_id = '${batch.id}'`);
    expect(edges).toEqual([{ from_kind: 'collection', to_kind: 'batch' }]);
    const o = await h.request(c.coordinator, 'GET', `/api/v1/orders/${order.id}`);
    expect(o.json<{ status: string }>().status).toBe('in_manufacturing');
    const again = await h.request(c.qp, 'GET', `/api/v1/batches/${batch.id}`);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(batch);
  });

  it('numbers batches B-YYYY-NNNN in sequence and lists them with filters', async () => {
    const one = (await startVector(h, c, p)).batch;
    const two = (await startVector(h, c, p)).batch;
    const n = (b: BatchJson) => Number(b.batchNumber.slice(-4));
    expect(n(two)).toBe(n(one) + 1);
    // A product not made from one donation gets a DIN of its own, never one already given to a bag.
    const { bag } = await patientBag(h, c);
    const dins = [one.din, two.din, bag.din];
    expect(new Set(dins).size).toBe(3);
    for (const b of [one, two]) {
      expect(b.din).toMatch(/^A9999\d{8}$/);
      expect(b.dinCheckCharacter).toMatch(/^[0-9A-Z*]$/);
    }
    const list = await h.request(c.qa, 'GET', '/api/v1/batches?status=in_progress');
    expect(list.statusCode).toBe(200);
    const items = list.json<{ items: { id: string; stepCount: number; completedSteps: number; nextStep: number }[] }>().items;
    expect(items.find((i) => i.id === two.id)).toMatchObject({ stepCount: 2, completedSteps: 0, nextStep: 0 });
    const { batch, order } = await startCart(h, c, p);
    const byOrder = (await h.request(c.qa, 'GET', `/api/v1/batches?orderId=${order.id}`)).json<{ items: { id: string }[] }>().items;
    expect(byOrder.map((i) => i.id)).toEqual([batch.id]);
    expect((await h.request(c.qa, 'GET', '/api/v1/batches?status=completed')).json<{ items: unknown[] }>().items).toEqual([]);
    expect((await h.request(c.qa, 'GET', '/api/v1/batches?status=done')).statusCode).toBe(400);
  });

  it('refuses a process that is not effective (409), and nothing is created', async () => {
    const draft = await effectiveProcess(h, c, { productType: 'vector', steps: [{ title: 'Only step' }] }, false);
    const before = await count('batches');
    const r = await room(h, c);
    const res = await post({ processId: draft.id, roomId: r.id });
    expect(res.statusCode).toBe(409);
    expect(res.json<Problem>()).toMatchObject({ code: 'batch.process_not_effective', params: { code: draft.code, status: 'draft' } });
    expect(await count('batches')).toBe(before);
    expect((await roomStatus(r.id)).status).toBe('clean');
  });

  it('needs an order for an autologous process and refuses one for a vector process (422 naming orderId)', async () => {
    const r = await room(h, c);
    const { order, scan } = await patientBag(h, c);
    const noOrder = await post({ processId: p.cart.id, roomId: r.id, scannedDin: scan });
    expect(noOrder.statusCode).toBe(422);
    expect(noOrder.json<Problem>()).toMatchObject({ code: 'batch.order_required', errors: [{ path: 'body.orderId' }] });
    const withOrder = await post({ processId: p.vector.id, roomId: r.id, orderId: order.id });
    expect(withOrder.statusCode).toBe(422);
    expect(withOrder.json<Problem>()).toMatchObject({ code: 'batch.order_not_allowed', errors: [{ path: 'body.orderId' }] });
    expect((await roomStatus(r.id)).status).toBe('clean');
  });

  it('allows one open batch per order (409 batch.one_patient), also when two start at once', async () => {
    const { order, scan } = await patientBag(h, c);
    const [r1, r2, r3] = [await room(h, c), await room(h, c), await room(h, c)];
    const both = await Promise.all([r1, r2].map((r) => post({ processId: p.cart.id, orderId: order.id, roomId: r.id, scannedDin: scan })));
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(both.find((r) => r.statusCode === 409)!.json<Problem>()).toMatchObject({ code: 'batch.one_patient', params: { coi: order.coi } });
    const third = await post({ processId: p.cart.id, orderId: order.id, roomId: r3.id, scannedDin: scan });
    expect(third.json<Problem>().code).toBe('batch.one_patient');
    const rooms = await Promise.all([r1, r2, r3].map((r) => roomStatus(r.id)));
    expect(rooms.map((r) => r.status).sort()).toEqual(['clean', 'clean', 'in_use']);
  });

  it("refuses another patient's bag like custody does: 409 custody.scan_mismatch, logged as an exception, nothing else recorded", async () => {
    const mine = await patientBag(h, c);
    const theirs = await patientBag(h, c);
    const r = await room(h, c);
    const before = await count('batches');
    const res = await post({ processId: p.cart.id, orderId: mine.order.id, roomId: r.id, scannedDin: theirs.scan });
    expect(res.statusCode).toBe(409);
    expect(res.json<Problem>()).toMatchObject({ code: 'custody.scan_mismatch', params: { din: mine.bag.din, scannedDin: theirs.bag.din } });
    const exceptions = (await h.request(c.operator, 'GET', `/api/v1/custody-exceptions?din=${mine.bag.din}`)).json<{ items: { type: string; scannedDin: string }[] }>().items;
    expect(exceptions).toEqual([expect.objectContaining({ type: 'receipt', scannedDin: theirs.scan })]);
    const custody = (await h.request(c.operator, 'GET', `/api/v1/custody-events?din=${mine.bag.din}`)).json<{ items: unknown[] }>().items;
    expect(custody).toEqual([]);
    expect(await count('batches')).toBe(before);
    expect((await roomStatus(r.id)).status).toBe('clean');
  });

  it('asks for the scan of the bag (422) and refuses an unreadable one, and an order with no collection (409)', async () => {
    const { order } = await patientBag(h, c);
    const r = await room(h, c);
    const missing = await post({ processId: p.cart.id, orderId: order.id, roomId: r.id });
    expect(missing.statusCode).toBe(422);
    expect(missing.json<Problem>()).toMatchObject({ code: 'batch.scan_required', errors: [{ path: 'body.scannedDin' }] });
    const garbled = await post({ processId: p.cart.id, orderId: order.id, roomId: r.id, scannedDin: 'hello' });
    expect(garbled.statusCode).toBe(422);
    expect(garbled.json<Problem>().errors![0]!.path).toBe('body.scannedDin');
    const { createOrder } = await import('../../test/fixtures');
    const empty = await createOrder(h, c.coordinator);
    const none = await post({ processId: p.cart.id, orderId: empty.id, roomId: r.id, scannedDin: '=A99992600000100' });
    expect(none.statusCode).toBe(409);
    expect(none.json<Problem>()).toMatchObject({ code: 'batch.no_collection', params: { coi: empty.coi } });
  });

  it('needs a clean room: one in use or waiting to be cleaned is refused (409 room.not_ready)', async () => {
    const { room: busy } = await startVector(h, c, p);
    const inUse = await post({ processId: p.vector.id, roomId: busy.id });
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json<Problem>()).toMatchObject({ code: 'room.not_ready', params: { code: busy.code, status: 'in_use' } });
    const dirty = await room(h, c);
    const set = await h.request(c.operator, 'POST', `/api/v1/rooms/${dirty.id}/status`, { status: 'to_be_cleaned', reason: 'Spill' });
    expect(set.statusCode, set.body).toBe(200);
    const res = await post({ processId: p.vector.id, roomId: dirty.id });
    expect(res.json<Problem>()).toMatchObject({ code: 'room.not_ready', params: { status: 'to_be_cleaned' } });
  });

  it('answers bad input with 400 naming the field, unknown ids with 404 and other roles with 403', async () => {
    const r = await room(h, c);
    const bad = await post({ processId: 'nope', roomId: r.id });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<Problem>().errors!.map((e) => e.path)).toContain('body.processId');
    expect((await post({})).statusCode).toBe(400);
    expect((await post({ processId: UNKNOWN, roomId: r.id })).statusCode).toBe(404);
    expect((await post({ processId: p.vector.id, roomId: UNKNOWN })).statusCode).toBe(404);
    expect((await post({ processId: p.cart.id, roomId: r.id, orderId: UNKNOWN, scannedDin: '=A99992600000100' })).statusCode).toBe(404);
    for (const user of [c.qa, c.qp, c.coordinator, c.nurse]) expect((await post({ processId: p.vector.id, roomId: r.id }, user)).statusCode).toBe(403);
    expect((await h.request(c.operator, 'GET', `/api/v1/batches/${UNKNOWN}`)).statusCode).toBe(404);
    expect((await h.request(c.operator, 'GET', '/api/v1/batches/nope')).statusCode).toBe(400);
    expect((await h.request(c.coordinator, 'GET', '/api/v1/batches')).statusCode).toBe(403);
    expect((await roomStatus(r.id)).status).toBe('clean');
  });
});
