import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWithContext, SYSTEM_ACTOR } from '../../platform/context';
import { write } from '../../platform/write';
import { createHarness, type Harness, type TestUser } from '../../test/harness';
import { insertBatch, newRoom, UNKNOWN, type Problem } from '../facility/facility.fixtures';
import { deviationNumber, openDeviation, type NewDeviation } from './deviations.service';

type Deviation = { id: string; number: string; severity: string; status: string; source: string; roomId: string | null; roomCode: string | null; batchId: string | null; batchIds: string[]; openedAt: string; openedBy: string };
type Detail = Deviation & { batches: { id: string; batchNumber: string; status: string; startedAt: string; completedAt: string | null }[] };

describe('deviations', () => {
  let h: Harness;
  let qa: TestUser;
  let operator: TestUser;
  beforeAll(async () => {
    h = await createHarness();
    qa = await h.createTestUser({ roles: ['qa'] });
    operator = await h.createTestUser({ roles: ['operator'] });
  });
  afterAll(() => h.close());

  const actor = { id: null, username: 'qa.lead', displayName: 'QA lead', roles: ['qa'] };
  const open = (input: Partial<NewDeviation> = {}) =>
    runWithContext({ requestId: 'test', actor }, () =>
      write(h.database.db, (w) => openDeviation(w, { title: 'Out-of-range value', description: 'Viability 62 % (min 70 %)', severity: 'major', source: 'batch_value', ...input })),
    );
  const list = async (query = '', user = qa) => (await h.request(user, 'GET', `/api/v1/deviations${query}`)).json<{ items: Deviation[] }>().items;

  it('numbers deviations DEV-YYYY-NNNN per year in the site time zone', async () => {
    expect(deviationNumber(2026, 7)).toBe('DEV-2026-0007');
    expect(deviationNumber(2026, 12345)).toBe('DEV-2026-12345');
    // 16:30 UTC on 31 December is already 1 January in Beijing (UTC+8); 15:59 UTC is not.
    const newYear = await open({ openedAt: new Date('2030-12-31T16:30:00Z') });
    const oldYear = await open({ openedAt: new Date('2030-12-31T15:59:00Z') });
    const oldYear2 = await open({ openedAt: new Date('2030-06-01T00:00:00Z') });
    expect([newYear.number, oldYear.number, oldYear2.number]).toEqual(['DEV-2031-0001', 'DEV-2030-0001', 'DEV-2030-0002']);
    expect(newYear).toMatchObject({ status: 'open', openedBy: 'qa.lead', batchIds: [] });
  });

  it('links the batch and the further affected batches once each, audited with the deviation', async () => {
    const room = await newRoom(h, operator);
    const [b1, b2] = [await insertBatch(h, room.id, new Date()), await insertBatch(h, room.id, new Date())];
    const dev = await open({ batchId: b1.id, batchIds: [b1.id, b2.id], roomId: room.id });
    expect(dev.batchIds.sort()).toEqual([b1.id, b2.id].sort());
    const events = await h.database.query<{ action: string; actor: string }>(
      `SELECT action, actor FROM audit_events WHERE entity_type = 'deviation' AND entity_id = '${dev.id}' ORDER BY seq`,
    );
    expect(events).toEqual([
      { action: 'create', actor: 'qa.lead' },
      { action: 'link_batches', actor: 'qa.lead' },
    ]);
    const detail = await h.request(operator, 'GET', `/api/v1/deviations/${dev.id}`);
    expect(detail.statusCode, detail.body).toBe(200);
    const body = detail.json<Detail>();
    expect(body).toMatchObject({ number: dev.number, severity: 'major', source: 'batch_value', roomId: room.id, roomCode: room.code, batchId: b1.id });
    expect(body.batches.map((b) => b.batchNumber).sort()).toEqual([b1.batchNumber, b2.batchNumber].sort());
    expect(body.batches[0]).toMatchObject({ status: 'in_progress', completedAt: null });
  });

  it('filters by status, source, room and affected batch, newest first', async () => {
    const room = await newRoom(h, operator);
    const batch = await insertBatch(h, room.id, new Date());
    const byBatch = await open({ batchId: batch.id, openedAt: new Date(Date.now() - 60_000) });
    const byList = await runWithContext({ requestId: 'test', actor: SYSTEM_ACTOR }, () =>
      write(h.database.db, (w) => openDeviation(w, { title: 'EM excursion', description: 'Settle plate 7 cfu', severity: 'critical', source: 'em_excursion', roomId: room.id, batchIds: [batch.id] })),
    );
    expect((await list(`?batchId=${batch.id}`)).map((d) => d.id)).toEqual([byList.id, byBatch.id]);
    expect((await list(`?roomId=${room.id}`)).map((d) => d.id)).toEqual([byList.id]);
    expect((await list('?source=em_excursion')).map((d) => d.id)).toContain(byList.id);
    expect((await list('?source=em_excursion')).every((d) => d.source === 'em_excursion')).toBe(true);
    expect((await list('?status=open')).length).toBeGreaterThanOrEqual(2);
    expect(await list('?status=closed')).toEqual([]);
    expect(await list(`?batchId=${UNKNOWN}`)).toEqual([]);
    const all = await list();
    expect(all.map((d) => d.openedAt)).toEqual([...all.map((d) => d.openedAt)].sort().reverse());
  });

  it('refuses bad filters, bad and unknown ids, and roles without deviations:read', async () => {
    const get = (url: string, user: TestUser = qa) => h.request(user, 'GET', `/api/v1${url}`);
    for (const [query, path] of [
      ['?status=pending', 'querystring.status'],
      ['?source=rumour', 'querystring.source'],
      ['?batchId=B-2026-0001', 'querystring.batchId'],
    ] as const) {
      const res = await get(`/deviations${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json<Problem>().errors!.map((e) => e.path)).toEqual([path]);
    }
    expect((await get('/deviations/not-a-uuid')).statusCode).toBe(400);
    expect((await get(`/deviations/${UNKNOWN}`)).statusCode).toBe(404);
    for (const role of ['nurse', 'trainer', 'coordinator'] as const) {
      const user = await h.createTestUser({ roles: [role] });
      expect((await get('/deviations', user)).statusCode, role).toBe(403);
      expect((await get(`/deviations/${UNKNOWN}`, user)).statusCode, role).toBe(403);
    }
  });
});
