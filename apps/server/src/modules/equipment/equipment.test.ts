import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { write } from '../../platform/write';
import { createHarness, type Harness, type TestUser } from '../../test/harness';
import { assertEquipmentUsable, deriveStatus, holdEquipment, releaseEquipmentOf } from './equipment.service';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const DAY = 86_400_000;
const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
type Problem = { code: string; detail: string; params?: Record<string, unknown>; errors?: { path: string }[] };
type Unit = { id: string; code: string; status: string; calibrationDueAt: string; maintenanceDueAt: string | null; location: string; inUseByBatchId: string | null; events?: { kind: string; result: string | null; performedBy: string }[] };

describe('equipment status derivation (contract order)', () => {
  const now = new Date('2026-06-01T00:00:00Z');
  const due = (days: number) => new Date(now.getTime() + days * DAY);
  const cases: [string, Parameters<typeof deriveStatus>[0], 'pass' | 'fail' | null, string][] = [
    ['calibrated, idle', { calibrationDueAt: due(30), maintenanceSince: null, inUseByBatchId: null }, 'pass', 'available'],
    ['due date reached exactly', { calibrationDueAt: now, maintenanceSince: null, inUseByBatchId: null }, 'pass', 'out_of_calibration'],
    ['last calibration failed, date still ahead', { calibrationDueAt: due(30), maintenanceSince: null, inUseByBatchId: null }, 'fail', 'out_of_calibration'],
    ['out of calibration beats maintenance and in use', { calibrationDueAt: due(-1), maintenanceSince: due(-2), inUseByBatchId: 'b' }, null, 'out_of_calibration'],
    ['maintenance beats in use', { calibrationDueAt: due(30), maintenanceSince: due(-1), inUseByBatchId: 'b' }, 'pass', 'maintenance'],
    ['held by a batch', { calibrationDueAt: due(30), maintenanceSince: null, inUseByBatchId: 'b' }, null, 'in_use'],
  ];
  it.each(cases)('%s', (_name, unit, last, expected) => expect(deriveStatus(unit, last, now)).toBe(expected));
});

describe('equipment register', () => {
  let h: Harness;
  let operator: TestUser;
  let qa: TestUser;
  beforeAll(async () => {
    h = await createHarness();
    operator = await h.createTestUser({ roles: ['operator'] });
    qa = await h.createTestUser({ roles: ['qa'] });
  });
  afterAll(() => h.close());

  let seq = 0;
  const register = async (body: Record<string, unknown> = {}) => {
    seq += 1;
    const res = await h.request(operator, 'POST', '/api/v1/equipment', { code: `BSC-${String(seq).padStart(2, '0')}`, name: 'Class II biosafety cabinet', type: 'biosafety_cabinet', calibrationDueAt: iso(90 * DAY), ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Unit>();
  };
  const post = (id: string, what: 'calibrations' | 'maintenance', body: Record<string, unknown>) => h.request(operator, 'POST', `/api/v1/equipment/${id}/${what}`, body);
  const get = async (id: string) => (await h.request(qa, 'GET', `/api/v1/equipment/${id}`)).json<Unit>();
  const events = async () => (await h.database.query<{ n: number }>('SELECT count(*)::int AS n FROM equipment_events'))[0]!.n;
  const refusal = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as { status: number; code: string; params: Record<string, unknown> });

  it('registers a unit with the contract defaults, available, and lists it by type and status', async () => {
    const unit = await register({ code: 'CEN-01', name: 'Sorvall X4R centrifuge', type: 'centrifuge', maintenanceDueAt: iso(30 * DAY) });
    expect(unit).toMatchObject({ code: 'CEN-01', type: 'centrifuge', location: '—', status: 'available', inUseByBatchId: null, events: [] });
    const lapsed = await register({ code: 'CEN-02', name: 'Old centrifuge', type: 'centrifuge', calibrationDueAt: iso(-DAY) });
    expect(lapsed.status).toBe('out_of_calibration');
    const codes = async (q: string) => (await h.request(qa, 'GET', `/api/v1/equipment${q}`)).json<{ items: Unit[] }>().items.map((u) => u.code);
    expect(await codes('?type=centrifuge')).toEqual(['CEN-01', 'CEN-02']);
    expect(await codes('?type=centrifuge&status=out_of_calibration')).toEqual(['CEN-02']);
    expect(await codes('?status=available')).toContain('CEN-01');
  });

  it('refuses bad input naming each field, a taken code, roles without equipment:write, unknown ids', async () => {
    const before = (await h.database.query<{ n: number }>('SELECT count(*)::int AS n FROM equipment'))[0]!.n;
    const bad = await h.request(operator, 'POST', '/api/v1/equipment', { code: 'bsc 1', name: '', type: 'toaster', calibrationDueAt: '2026-13-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<Problem>().errors!.map((e) => e.path).sort()).toEqual(['body.calibrationDueAt', 'body.code', 'body.name', 'body.type']);
    await register({ code: 'INC-01', type: 'co2_incubator' });
    const taken = await h.request(operator, 'POST', '/api/v1/equipment', { code: 'INC-01', name: 'Again', type: 'co2_incubator', calibrationDueAt: iso(DAY) });
    expect(taken.statusCode).toBe(409);
    expect(taken.json<Problem>()).toMatchObject({ code: 'equipment.code_taken', params: { code: 'INC-01' } });
    expect((await h.request(qa, 'POST', '/api/v1/equipment', { code: 'INC-09', name: 'X', type: 'co2_incubator', calibrationDueAt: iso(DAY) })).statusCode).toBe(403);
    const nurse = await h.createTestUser({ roles: ['nurse'] });
    expect((await h.request(nurse, 'GET', '/api/v1/equipment')).statusCode).toBe(403);
    expect((await h.request(qa, 'GET', `/api/v1/equipment/${UNKNOWN}`)).statusCode).toBe(404);
    expect((await post(UNKNOWN, 'calibrations', { performedAt: iso(0), result: 'pass', nextDueAt: iso(DAY) })).statusCode).toBe(404);
    expect((await post(UNKNOWN, 'maintenance', { action: 'start', performedAt: iso(0) })).statusCode).toBe(404);
    expect((await h.request(operator, 'GET', '/api/v1/equipment?status=broken')).statusCode).toBe(400);
    expect((await h.database.query<{ n: number }>('SELECT count(*)::int AS n FROM equipment'))[0]!.n).toBe(before + 1);
  });

  it('a passed calibration moves the due date; a failed one leaves the unit out of calibration until one passes', async () => {
    const unit = await register({ calibrationDueAt: iso(-DAY) });
    expect(unit.status).toBe('out_of_calibration');
    const nextDue = iso(365 * DAY);
    const pass = await post(unit.id, 'calibrations', { performedAt: iso(-60_000), result: 'pass', nextDueAt: nextDue, notes: 'Airflow and HEPA integrity within limits' });
    expect(pass.statusCode, pass.body).toBe(200);
    expect(pass.json<Unit>()).toMatchObject({ status: 'available', calibrationDueAt: nextDue });
    expect(pass.json<Unit>().events![0]).toMatchObject({ kind: 'calibration', result: 'pass', performedBy: operator.username });
    const fail = await post(unit.id, 'calibrations', { performedAt: iso(0), result: 'fail', nextDueAt: iso(7 * DAY) });
    expect(fail.json<Unit>()).toMatchObject({ status: 'out_of_calibration', calibrationDueAt: nextDue });
    const refused = await refusal(assertEquipmentUsable(h.database.db, unit.id, { batchId: UNKNOWN }));
    expect(refused).toMatchObject({ status: 409, code: 'equipment.not_usable', params: { code: unit.code, status: 'out_of_calibration' } });
  });

  it('refuses a calibration in the future, a next due date not after it, one older than the last; nothing is recorded', async () => {
    const unit = await register();
    const due = iso(100 * DAY);
    await post(unit.id, 'calibrations', { performedAt: iso(-DAY), result: 'pass', nextDueAt: due });
    const before = await events();
    const future = await post(unit.id, 'calibrations', { performedAt: iso(DAY), result: 'pass', nextDueAt: iso(200 * DAY) });
    expect(future.statusCode).toBe(422);
    expect(future.json<Problem>()).toMatchObject({ code: 'equipment.time_in_future', errors: [{ path: 'body.performedAt' }] });
    const backwards = await post(unit.id, 'calibrations', { performedAt: iso(-60_000), result: 'pass', nextDueAt: iso(-2 * DAY) });
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json<Problem>()).toMatchObject({ code: 'equipment.next_due_before_performed', errors: [{ path: 'body.nextDueAt' }] });
    const older = await post(unit.id, 'calibrations', { performedAt: iso(-3 * DAY), result: 'fail', nextDueAt: iso(DAY) });
    expect(older.statusCode).toBe(422);
    expect(older.json<Problem>().code).toBe('equipment.calibration_before_last');
    const bad = await post(unit.id, 'calibrations', { performedAt: 'yesterday', result: 'ok' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<Problem>().errors!.map((e) => e.path).sort()).toEqual(['body.nextDueAt', 'body.performedAt', 'body.result']);
    expect(await events()).toBe(before);
    expect((await get(unit.id)).calibrationDueAt).toBe(due);
  });

  it('opens and closes maintenance; refuses a second start, a finish with none open, a start while a batch holds it', async () => {
    const unit = await register({ type: 'cell_processor', code: 'PRO-01' });
    const start = await post(unit.id, 'maintenance', { action: 'start', performedAt: iso(-3_600_000), notes: 'Annual preventive maintenance' });
    expect(start.json<Unit>().status).toBe('maintenance');
    expect((await refusal(assertEquipmentUsable(h.database.db, unit.id, { batchId: UNKNOWN })))).toMatchObject({ code: 'equipment.not_usable', params: { status: 'maintenance' } });
    const again = await post(unit.id, 'maintenance', { action: 'start', performedAt: iso(0) });
    expect(again.statusCode).toBe(409);
    expect(again.json<Problem>().code).toBe('equipment.maintenance_open');
    const early = await post(unit.id, 'maintenance', { action: 'finish', performedAt: iso(-2 * 3_600_000) });
    expect(early.statusCode).toBe(422);
    const failed = await post(unit.id, 'maintenance', { action: 'finish', performedAt: iso(-60_000), result: 'fail' });
    expect(failed.json<Unit>().status).toBe('maintenance');
    const nextDue = iso(180 * DAY);
    const done = await post(unit.id, 'maintenance', { action: 'finish', performedAt: iso(0), result: 'pass', nextDueAt: nextDue });
    expect(done.json<Unit>()).toMatchObject({ status: 'available', maintenanceDueAt: nextDue });
    expect(done.json<Unit>().events!.map((e) => e.kind)).toEqual(['maintenance_end', 'maintenance_end', 'maintenance_start']);
    const none = await post(unit.id, 'maintenance', { action: 'finish', performedAt: iso(0) });
    expect(none.statusCode).toBe(409);
    expect(none.json<Problem>().code).toBe('equipment.no_open_maintenance');
    await write(h.database.db, (w) => holdEquipment(w, unit.id, '22222222-2222-4222-8222-222222222222'));
    const busy = await post(unit.id, 'maintenance', { action: 'start', performedAt: iso(0) });
    expect(busy.statusCode).toBe(409);
    expect(busy.json<Problem>().code).toBe('equipment.in_use');
  });

  it('a batch holds a unit: usable by that batch, refused to another, released when the batch ends', async () => {
    const [a, b] = ['33333333-3333-4333-8333-333333333333', '44444444-4444-4444-8444-444444444444'];
    const unit = await register({ type: 'co2_incubator', code: 'INC-02' });
    const other = await register({ type: 'co2_incubator', code: 'INC-03' });
    await write(h.database.db, async (w) => {
      await holdEquipment(w, unit.id, a);
      await holdEquipment(w, other.id, a);
    });
    expect((await get(unit.id))).toMatchObject({ status: 'in_use', inUseByBatchId: a });
    expect((await assertEquipmentUsable(h.database.db, unit.id, { type: 'co2_incubator', batchId: a })).code).toBe('INC-02');
    expect(await refusal(assertEquipmentUsable(h.database.db, unit.id, { batchId: b }))).toMatchObject({ status: 409, code: 'equipment.not_usable', params: { code: 'INC-02', status: 'in_use' } });
    expect(await refusal(write(h.database.db, (w) => holdEquipment(w, unit.id, b)))).toMatchObject({ status: 409, params: { status: 'in_use' } });
    expect(await refusal(assertEquipmentUsable(h.database.db, unit.id, { type: 'centrifuge', batchId: a }))).toMatchObject({ status: 422, code: 'equipment.wrong_type' });
    const released = await write(h.database.db, (w) => releaseEquipmentOf(w, a));
    expect(released.map((u) => u.code).sort()).toEqual(['INC-02', 'INC-03']);
    expect((await get(unit.id))).toMatchObject({ status: 'available', inUseByBatchId: null });
    expect((await refusal(assertEquipmentUsable(h.database.db, UNKNOWN, { batchId: a })))!.status).toBe(404);
  });

  it('lets exactly one of two batches take the same unit at once', async () => {
    const unit = await register({ type: 'centrifuge', code: 'CEN-09' });
    const results = await Promise.allSettled(['55555555-5555-4555-8555-555555555555', '66666666-6666-4666-8666-666666666666'].map((batchId) => write(h.database.db, (w) => holdEquipment(w, unit.id, batchId))));
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
  });
});
