import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { write } from '../../platform/write';
import { createHarness, type Harness, type TestUser } from '../../test/harness';
import { insertBatch, newRoom, UNKNOWN, type Problem, type RoomJson } from './facility.fixtures';
import { assertRoomReady, occupyRoom, vacateRoom } from './facility.service';

describe('cleanrooms', () => {
  let h: Harness;
  let operator: TestUser;
  let qa: TestUser;
  let director: TestUser;
  let nurse: TestUser;
  beforeAll(async () => {
    h = await createHarness();
    operator = await h.createTestUser({ roles: ['operator'] });
    qa = await h.createTestUser({ roles: ['qa'] });
    director = await h.createTestUser({ roles: ['director'] });
    nurse = await h.createTestUser({ roles: ['nurse'] });
  });
  afterAll(() => h.close());

  const roomCount = async () => (await h.database.query<{ n: number }>('SELECT count(*)::int AS n FROM rooms'))[0]!.n;
  const setStatus = (user: TestUser, id: string, body: unknown) => h.request(user, 'POST', `/api/v1/rooms/${id}/status`, body);
  const getRoom = async (id: string) => (await h.request(director, 'GET', `/api/v1/rooms/${id}`)).json<RoomJson>();

  it('registers a room as clean, lists and filters rooms, and shows one', async () => {
    const res = await h.request(operator, 'POST', '/api/v1/rooms', { code: 'GMP-B91', name: 'Cell processing suite 91', grade: 'B' });
    expect(res.statusCode, res.body).toBe(201);
    const room = res.json<RoomJson>();
    expect(room).toMatchObject({ code: 'GMP-B91', grade: 'B', status: 'clean', currentBatchId: null, currentBatchNumber: null });
    const gradeA = await newRoom(h, qa, 'A');
    const all = (await h.request(director, 'GET', '/api/v1/rooms')).json<{ items: RoomJson[] }>().items;
    expect(all.map((r) => r.code)).toEqual(expect.arrayContaining(['GMP-B91', gradeA.code]));
    const onlyA = (await h.request(director, 'GET', '/api/v1/rooms?grade=A')).json<{ items: RoomJson[] }>().items;
    expect(onlyA.every((r) => r.grade === 'A') && onlyA.some((r) => r.id === gradeA.id)).toBe(true);
    expect((await h.request(director, 'GET', '/api/v1/rooms?status=quarantined')).json<{ items: RoomJson[] }>().items).toEqual([]);
    expect(await getRoom(room.id)).toEqual(room);
  });

  it('refuses a duplicate code, bad input, unknown ids and roles without facility rights; stores nothing', async () => {
    const before = await roomCount();
    const post = (body: unknown, user = operator) => h.request(user, 'POST', '/api/v1/rooms', body);
    const duplicate = await post({ code: 'GMP-B91', name: 'Again', grade: 'B' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json<Problem>()).toMatchObject({ code: 'room.duplicate_code', params: { code: 'GMP-B91' } });
    for (const [body, path] of [
      [{ code: 'gmp-b92', name: 'Lower case', grade: 'B' }, 'body.code'],
      [{ code: 'GMP-B92', name: 'Grade E', grade: 'E' }, 'body.grade'],
      [{ code: 'GMP-B92', name: '', grade: 'B' }, 'body.name'],
      [{ code: 'GMP-B92', grade: 'B' }, 'body.name'],
    ] as const) {
      const res = await post(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json<Problem>().errors!.map((e) => e.path)).toEqual([path]);
    }
    expect((await post({ code: 'GMP-B92', name: 'Not mine', grade: 'B' }, director)).statusCode).toBe(403);
    expect((await post({ code: 'GMP-B92', name: 'Not mine', grade: 'B' }, nurse)).statusCode).toBe(403);
    expect((await h.request(nurse, 'GET', '/api/v1/rooms')).statusCode).toBe(403);
    expect((await h.request(director, 'GET', `/api/v1/rooms/${UNKNOWN}`)).statusCode).toBe(404);
    expect((await h.request(director, 'GET', '/api/v1/rooms/not-a-uuid')).statusCode).toBe(400);
    expect((await h.request(director, 'GET', '/api/v1/rooms?grade=E')).statusCode).toBe(400);
    expect(await roomCount()).toBe(before);
  });

  it('changes status with a reason, audited; refuses no reason, in_use, the same status, unknown rooms and other roles', async () => {
    const room = await newRoom(h, operator);
    const dirty = await setStatus(operator, room.id, { status: 'to_be_cleaned', reason: 'Spill of culture medium' });
    expect(dirty.statusCode, dirty.body).toBe(200);
    expect(dirty.json<RoomJson>().status).toBe('to_be_cleaned');
    const [event] = await h.database.query<{ action: string; reason: string; actor: string }>(
      `SELECT action, reason, actor FROM audit_events WHERE entity_type = 'room' AND entity_id = '${room.id}' ORDER BY seq DESC LIMIT 1`,
    );
    expect(event).toEqual({ action: 'status_change', reason: 'Spill of culture medium', actor: operator.username });
    expect((await setStatus(qa, room.id, { status: 'quarantined', reason: 'Mould found on the ceiling' })).json<RoomJson>().status).toBe('quarantined');
    expect((await setStatus(qa, room.id, { status: 'clean', reason: 'Released after DEV investigation' })).json<RoomJson>().status).toBe('clean');

    const noReason = await setStatus(operator, room.id, { status: 'to_be_cleaned' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json<Problem>().errors!.map((e) => e.path)).toEqual(['body.reason']);
    const inUse = await setStatus(operator, room.id, { status: 'in_use', reason: 'Starting a batch' });
    expect(inUse.statusCode).toBe(400);
    expect(inUse.json<Problem>().errors!.map((e) => e.path)).toEqual(['body.status']);
    const same = await setStatus(operator, room.id, { status: 'clean', reason: 'Cleaned again' });
    expect(same.statusCode).toBe(409);
    expect(same.json<Problem>().code).toBe('room.status_unchanged');
    expect((await setStatus(operator, UNKNOWN, { status: 'clean', reason: 'x' })).statusCode).toBe(404);
    expect((await setStatus(director, room.id, { status: 'quarantined', reason: 'x' })).statusCode).toBe(403);
    expect((await getRoom(room.id)).status).toBe('clean');
  });

  it('lets a batch occupy a clean room only, refuses people changing it meanwhile, and leaves it to be cleaned', async () => {
    const room = await newRoom(h, operator);
    expect((await assertRoomReady(h.database.db, room.id)).code).toBe(room.code);
    const batch = await insertBatch(h, room.id, new Date());
    await write(h.database.db, (w) => occupyRoom(w, room.id, batch.id));
    expect(await getRoom(room.id)).toMatchObject({ status: 'in_use', currentBatchId: batch.id, currentBatchNumber: batch.batchNumber });
    await expect(assertRoomReady(h.database.db, room.id)).rejects.toMatchObject({ status: 409, code: 'room.not_ready', params: { code: room.code, status: 'in_use' } });
    const manual = await setStatus(qa, room.id, { status: 'quarantined', reason: 'Trying' });
    expect(manual.statusCode).toBe(409);
    expect(manual.json<Problem>()).toMatchObject({ code: 'room.in_use', params: { code: room.code, batchNumber: batch.batchNumber } });

    await write(h.database.db, (w) => vacateRoom(w, room.id));
    expect(await getRoom(room.id)).toMatchObject({ status: 'to_be_cleaned', currentBatchId: null });
    const err = await assertRoomReady(h.database.db, room.id).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 409, code: 'room.not_ready', params: { code: room.code, status: 'to_be_cleaned' } });
    expect((err as Error).message).toMatch(/Clean and disinfect it/);
    const [reason] = await h.database.query<{ reason: string }>(
      `SELECT reason FROM audit_events WHERE entity_type = 'room' AND entity_id = '${room.id}' ORDER BY seq DESC LIMIT 1`,
    );
    expect(reason!.reason).toContain(batch.batchNumber);
    await expect(assertRoomReady(h.database.db, UNKNOWN)).rejects.toMatchObject({ status: 404 });
  });

  it('lets exactly one of two batches starting in the same room at once occupy it', async () => {
    const room = await newRoom(h, operator);
    const [first, second] = [await insertBatch(h, room.id, new Date()), await insertBatch(h, room.id, new Date())];
    const results = await Promise.allSettled([first, second].map((b) => write(h.database.db, (w) => occupyRoom(w, room.id, b.id))));
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({ code: 'room.not_ready' });
    expect((await getRoom(room.id)).status).toBe('in_use');
  });
});
