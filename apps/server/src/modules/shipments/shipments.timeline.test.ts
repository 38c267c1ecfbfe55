/**
 * Vein-to-vein on the order timeline: each leg's duration and the total, from records whose times are
 * set here (the batch's and the collection's through write() in test fixtures, the rest through the API).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { write } from '../../platform/write';
import { createHarness, TEST_PASSWORD, type Harness } from '../../test/harness';
import { crew, type Crew } from '../batches/batches.fixtures';
import { collections } from '../collections/collections.tables';
import { backdateBatch, cartProcess, certify, product, receive, ship, sign } from './shipments.fixtures';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('order timeline: vein to vein', () => {
  let h: Harness;
  let c: Crew;
  beforeAll(async () => {
    h = await createHarness();
    c = await crew(h);
  });
  afterAll(() => h.close());

  it('shows collection, manufacturing, release, shipment, receipt, verification and infusion with the duration of each leg', async () => {
    const physician = await h.createTestUser({ roles: ['physician'] });
    const p = await product(h, c, (await cartProcess(h, c)).id, null);
    const base = Date.now();
    const at = (ms: number) => new Date(base - ms);
    await write(h.database.db, (w) =>
      w.update(collections, 'collection', p.bag.id, { collectedAt: at(20 * DAY) }, 'Test fixture: collected earlier'),
    );
    await backdateBatch(h, p.batch.id, { startedAt: at(20 * DAY - 6 * HOUR), completedAt: at(10 * DAY) });
    await certify(h, p.batch.id, 'released', at(3 * DAY));
    const s = await ship(h, c.operator, p, { departedAt: at(DAY).toISOString() });
    await receive(h, c.nurse, p, s.id, { receivedAt: at(19 * HOUR).toISOString() });
    const v = await h.request(c.nurse, 'POST', `/api/v1/shipments/${s.id}/verifications`, {
      wristbandScan: p.wristband,
      productScan: p.label,
      signature: sign,
      secondPerson: { username: physician.username, password: TEST_PASSWORD },
    });
    expect(v.statusCode, v.body).toBe(201);
    const infusion = await h.request(c.nurse, 'POST', `/api/v1/shipments/${s.id}/infusion`, {
      verificationId: v.json<{ id: string }>().id,
      // The infusion starts after the bedside check, which the server stamps "now" (a few ms after `base`).
      startedAt: new Date().toISOString(),
      endedAt: new Date().toISOString(),
      dose: { carPositiveCells: 1e8, weightKg: 50 },
      signature: sign,
    });
    expect(infusion.statusCode, infusion.body).toBe(201);

    const res = await h.request(c.coordinator, 'GET', `/api/v1/orders/${p.order.id}/timeline`);
    expect(res.statusCode, res.body).toBe(200);
    const { items, veinToVein } = res.json<{
      items: { at: string; kind: string; details: Record<string, unknown> }[];
      veinToVein: { legs: { key: string; durationMinutes: number | null }[]; totalMinutes: number | null };
    }>();
    // 6 h; 9 d 18 h; 7 d; 2 d; 5 h; 19 h; total 20 d (the few ms since `base` do not make a minute).
    expect(veinToVein.legs.map((l) => [l.key, l.durationMinutes])).toEqual([
      ['to_manufacturing', 360],
      ['manufacturing', 14_040],
      ['qc_release', 10_080],
      ['awaiting_shipment', 2_880],
      ['transport', 300],
      ['at_site', 1_140],
    ]);
    expect(veinToVein.totalMinutes).toBe(28_800);
    const kinds = items.map((i) => (i.kind === 'custody' ? `custody:${String(i.details.type)}` : i.kind));
    for (const kind of [
      'collection',
      'manufacturing_started',
      'manufacturing_completed',
      'release',
      'custody:shipment',
      'custody:receipt',
      'bedside_verification',
      'infusion',
      'order_created',
    ])
      expect(kinds).toContain(kind);
    // The infusion record stands for its custody event: shown once.
    expect(kinds).not.toContain('custody:infusion');
    expect(items.find((i) => i.kind === 'infusion')!.details).toMatchObject({ carPositiveCells: 1e8, cellsPerKg: 2e6 });
    const times = items.map((i) => i.at);
    expect([...times].sort()).toEqual(times);
  });

  it('leaves the legs that have not happened yet without a duration', async () => {
    const p = await product(h, c, (await cartProcess(h, c)).id, null);
    const { veinToVein } = (await h.request(c.coordinator, 'GET', `/api/v1/orders/${p.order.id}/timeline`)).json<{
      veinToVein: { legs: { durationMinutes: number | null }[]; totalMinutes: number | null };
    }>();
    expect(veinToVein.legs.map((l) => l.durationMinutes !== null)).toEqual([true, true, false, false, false, false]);
    expect(veinToVein.totalMinutes).toBeNull();
  });
});
