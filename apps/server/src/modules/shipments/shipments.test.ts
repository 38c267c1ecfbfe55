/**
 * Shipping a released product, its data logger and its receipt and storage at the clinical site.
 * Storage limits: cryopreserved CAR-T ≤ −150 °C (Yescarta/Breyanzi USPI §16.2, see core storage.ts).
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness';
import { batchReleases } from '../release/release.tables';
import { crew, done, effectiveProcess, room, UNKNOWN, type BatchJson, type Crew } from '../batches/batches.fixtures';
import {
  cartProcess,
  certify,
  hoursAgo,
  product,
  receive,
  setCertifiedExpiry,
  ship,
  shipmentBody,
  type Problem,
  type Product,
} from './shipments.fixtures';

type Detail = {
  id: string;
  number: string;
  status: string;
  range: { minC: number | null; maxC: number; basis: string };
  excursion: boolean;
  custody: { type: string; temperatureC: number | null; location: string | null }[];
  custodyExceptions: { type: string; scannedDin: string }[];
  deviations: { number: string; source: string; batchIds: string[]; title: string }[];
  logger: null | {
    loggerId: string;
    readings: { at: string; temperatureC: number }[];
    summary: {
      excursions: unknown[];
      firstOutAt: string | null;
      lastOutAt: string | null;
      durationMinutes: number;
      extremeC: number | null;
    };
  };
};

describe('shipments', () => {
  let h: Harness;
  let c: Crew;
  let processId: string;
  beforeAll(async () => {
    h = await createHarness();
    c = await crew(h);
    processId = (await cartProcess(h, c)).id;
  });
  afterAll(() => h.close());

  const post = (p: Product, more: Record<string, unknown> = {}, user = c.operator) =>
    h.request(user, 'POST', '/api/v1/shipments', shipmentBody(p, more));
  const get = async (id: string) => (await h.request(c.nurse, 'GET', `/api/v1/shipments/${id}`)).json<Detail>();
  const count = async (table: string) =>
    (await h.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;

  describe('creation', () => {
    it('ships a released product: shipment in transit, CAR-T range −150 °C, a shipment custody event on the DIN', async () => {
      const p = await product(h, c, processId);
      const res = await post(p);
      expect(res.statusCode, res.body).toBe(201);
      const s = res.json<Detail & { din: string; coi: string; subjectCode: string; batchNumber: string }>();
      expect(s).toMatchObject({
        status: 'in_transit',
        din: p.din,
        coi: p.order.coi,
        subjectCode: p.order.subjectCode,
        batchNumber: p.batch.batchNumber,
        excursion: false,
        logger: null,
      });
      expect(s.number).toMatch(/^SHP-\d{4}-\d{4}$/);
      expect(s.range).toMatchObject({ minC: null, maxC: -150 });
      expect(s.range.basis).toMatch(/Yescarta/);
      expect(s.custody).toEqual([
        expect.objectContaining({ type: 'shipment', location: 'GMP facility, Hepatica CGT Center' }),
      ]);
      const chain = (await h.request(c.nurse, 'GET', `/api/v1/custody-events?din=${p.din}`)).json<{
        items: { type: string }[];
      }>().items;
      expect(chain.map((e) => e.type)).toEqual(['receipt', 'shipment']);
      const listed = (await h.request(c.qa, 'GET', `/api/v1/shipments?orderId=${p.order.id}`)).json<{
        items: { id: string }[];
      }>().items;
      expect(listed.map((i) => i.id)).toEqual([s.id]);
    });

    it('ships a conditionally released product', async () => {
      const p = await product(h, c, processId, 'conditionally_released');
      expect((await post(p)).statusCode).toBe(201);
    });

    it.each(['completed', 'rejected'] as const)(
      'refuses a %s batch with a problem naming the status, writing nothing',
      async (status) => {
        const p = await product(h, c, processId, null);
        if (status === 'rejected') await certify(h, p.batch.id, 'rejected');
        const before = await count('shipments');
        const res = await post(p);
        expect(res.statusCode).toBe(409);
        expect(res.json<Problem>()).toMatchObject({
          code: 'shipment.not_released',
          params: { status, batchNumber: p.batch.batchNumber },
        });
        expect(res.json<Problem>().detail).toContain(status);
        expect(await count('shipments')).toBe(before);
      },
    );

    it('refuses a scan of another DIN (409, logged as a custody exception) and a second shipment of one product', async () => {
      const p = await product(h, c, processId);
      const other = await product(h, c, processId);
      const before = await count('custody_exceptions');
      const wrong = await post(p, { scannedDin: other.dinScan });
      expect(wrong.statusCode).toBe(409);
      expect(wrong.json<Problem>()).toMatchObject({
        code: 'custody.scan_mismatch',
        params: { din: p.din, scannedDin: other.din },
      });
      expect(await count('custody_exceptions')).toBe(before + 1);
      expect(await count(`shipments WHERE batch_id = '${p.batch.id}'`)).toBe(0);
      expect((await post(p)).statusCode).toBe(201);
      const again = await post(p);
      expect(again.statusCode).toBe(409);
      expect(again.json<Problem>().code).toBe('shipment.already_shipped');
    });

    it("refuses an allogeneic product: a bank batch is not one patient's product", async () => {
      const msc = await effectiveProcess(h, c, { productType: 'allogeneic', steps: [{ title: 'Fill', fields: [] }] });
      const started = await h.request(c.operator, 'POST', '/api/v1/batches', {
        processId: msc.id,
        roomId: (await room(h, c)).id,
      });
      expect(started.statusCode, started.body).toBe(201);
      const batch = await done(h, c.operator, started.json<BatchJson>().id, 0, { values: {} });
      await certify(h, batch.id, 'released');
      const res = await h.request(c.operator, 'POST', '/api/v1/shipments', {
        ...shipmentBody({ batch, dinScan: `=${batch.din}00` } as Product),
      });
      expect(res.statusCode).toBe(409);
      expect(res.json<Problem>()).toMatchObject({
        code: 'shipment.not_patient_specific',
        params: { productType: 'allogeneic' },
      });
    });

    it('refuses bad input with 400 naming the field', async () => {
      const p = await product(h, c, processId);
      for (const [more, path] of [
        [{ courier: '' }, 'body.courier'],
        [{ batchId: 'nope' }, 'body.batchId'],
        [{ departedAt: '2026-05-01 08:00' }, 'body.departedAt'],
        [{ scannedDin: undefined }, 'body.scannedDin'],
      ] as const) {
        const res = await post(p, more);
        expect(res.statusCode, JSON.stringify(more)).toBe(400);
        expect(res.json<Problem>().errors!.map((e) => e.path)).toContain(path);
      }
      expect(await count(`shipments WHERE batch_id = '${p.batch.id}'`)).toBe(0);
    });

    it('labels the shipment with the expiry the QP certified, and refuses an expired product or a release without one', async () => {
      const p = await product(h, c, processId);
      const [release] = await h.database.db.select().from(batchReleases).where(eq(batchReleases.batchId, p.batch.id));
      // The operator sees it on the batch before packing (list and detail).
      const certified = release!.productExpiresAt!.toISOString();
      expect((await h.request(c.operator, 'GET', `/api/v1/batches/${p.batch.id}`)).json<{ productExpiresAt: string }>().productExpiresAt).toBe(certified);
      const listed = (await h.request(c.operator, 'GET', '/api/v1/batches?status=released')).json<{ items: { id: string; productExpiresAt: string | null }[] }>();
      expect(listed.items.find((b) => b.id === p.batch.id)?.productExpiresAt).toBe(certified);
      // An expiry typed by the client is not a field any more: the certified one wins.
      const s = await ship(h, c.operator, p, { expiresAt: hoursAgo(-1) });
      const detail = (await h.request(c.nurse, 'GET', `/api/v1/shipments/${s.id}`)).json<{ expiresAt: string }>();
      expect(detail.expiresAt).toBe(certified);

      const expired = await product(h, c, processId);
      await setCertifiedExpiry(h, expired.batch.id, new Date(Date.now() - 3_600_000));
      const refused = await post(expired);
      expect(refused.statusCode).toBe(409);
      expect(refused.json<Problem>()).toMatchObject({ code: 'shipment.expired' });

      const legacy = await product(h, c, processId);
      await setCertifiedExpiry(h, legacy.batch.id, null);
      expect((await post(legacy)).json<Problem>()).toMatchObject({ code: 'shipment.no_certified_expiry', params: { batchNumber: legacy.batch.batchNumber } });
      for (const b of [expired, legacy]) expect(await count(`shipments WHERE batch_id = '${b.batch.id}'`)).toBe(0);
    });

    it('refuses times in the future or before manufacturing, a wrong scan and an unknown batch', async () => {
      const p = await product(h, c, processId);
      expect((await post(p, { departedAt: new Date(Date.now() + 3_600_000).toISOString() })).json<Problem>().code).toBe(
        'shipment.time_in_future',
      );
      expect((await post(p, { departedAt: '2020-01-01T00:00:00+08:00' })).json<Problem>().code).toBe(
        'shipment.before_manufacture',
      );
      expect((await post(p, { scannedDin: 'not a barcode' })).statusCode).toBe(422);
      expect((await post(p, { batchId: UNKNOWN })).statusCode).toBe(404);
      expect(await count(`shipments WHERE batch_id = '${p.batch.id}'`)).toBe(0);
    });

    it('is refused to roles that do not ship, and hidden from roles that do not follow products', async () => {
      const p = await product(h, c, processId);
      expect((await post(p, {}, c.qa)).statusCode).toBe(403);
      expect((await post(p, {}, c.coordinator)).statusCode).toBe(403);
      const trainee = await h.createTestUser({ roles: ['trainee'] });
      expect((await h.request(trainee, 'GET', '/api/v1/shipments')).statusCode).toBe(403);
      expect((await h.request(c.nurse, 'GET', '/api/v1/shipments?status=lost')).statusCode).toBe(400);
      expect((await h.request(c.nurse, 'GET', `/api/v1/shipments/${UNKNOWN}`)).statusCode).toBe(404);
    });
  });

  describe('data logger', () => {
    const start = Date.now() - 3 * 3_600_000;
    const at = (minute: number) => new Date(start + minute * 60_000).toISOString();
    const upload = (id: string, body: Record<string, unknown>, user = c.operator) =>
      h.request(user, 'POST', `/api/v1/shipments/${id}/logger`, { loggerId: 'LOG-1', ...body });

    it('finds no excursion when every reading is at or below −150 °C, and opens no deviation', async () => {
      const s = await ship(h, c.operator, await product(h, c, processId));
      const before = await count('deviations');
      const res = await upload(s.id, {
        readings: [
          { at: at(10), temperatureC: -150 },
          { at: at(0), temperatureC: -185.2 },
          { at: at(5), temperatureC: -150 },
        ],
      });
      expect(res.statusCode, res.body).toBe(200);
      const d = res.json<Detail>();
      expect(d.logger!.readings.map((r) => r.at)).toEqual([at(0), at(5), at(10)]);
      expect(d.logger!.summary).toMatchObject({ excursions: [], firstOutAt: null, durationMinutes: 0, extremeC: null });
      expect(d).toMatchObject({ excursion: false, deviations: [] });
      expect(await count('deviations')).toBe(before);
    });

    it('flags −149.9 °C as an excursion with first/last time, duration and extreme, and opens a deviation on the batch', async () => {
      const p = await product(h, c, processId);
      const s = await ship(h, c.operator, p);
      const csv = [
        'at,temperatureC',
        `${at(0)},-180`,
        `${at(5)},-149.9`,
        `${at(10)},-120.5`,
        `${at(15)},-150`,
        `${at(20)},-181`,
      ].join('\n');
      const res = await upload(s.id, { csv });
      expect(res.statusCode, res.body).toBe(200);
      const d = res.json<Detail>();
      expect(d.logger!.summary).toMatchObject({
        firstOutAt: at(5),
        lastOutAt: at(10),
        durationMinutes: 10,
        extremeC: -120.5,
      });
      expect(d.excursion).toBe(true);
      expect(d.deviations).toEqual([
        expect.objectContaining({ source: 'shipment_temperature', batchIds: [p.batch.id] }),
      ]);
      expect(d.deviations[0]!.title).toContain(s.number);
      const again = await upload(s.id, { csv });
      expect(again.statusCode).toBe(409);
      expect(again.json<Problem>().code).toBe('shipment.logger_uploaded');
    });

    it('refuses unreadable files naming each bad line, and both or neither of readings and csv; nothing is stored', async () => {
      const s = await ship(h, c.operator, await product(h, c, processId));
      const bad = await upload(s.id, { csv: `at,temperatureC\n${at(0)},-180\nyesterday,-180\n${at(5)},warm` });
      expect(bad.statusCode).toBe(422);
      expect(bad.json<Problem>()).toMatchObject({ code: 'shipment.logger_invalid', params: { count: 2 } });
      expect(bad.json<Problem>().errors!.map((e) => e.path)).toEqual(['body.csv.line3', 'body.csv.line4']);
      const dup = await upload(s.id, {
        readings: [
          { at: at(0), temperatureC: -180 },
          { at: at(0), temperatureC: -181 },
        ],
      });
      expect(dup.json<Problem>().errors!.map((e) => e.path)).toEqual(['body.readings.item2']);
      expect((await upload(s.id, { readings: [] })).statusCode).toBe(422);
      expect((await upload(s.id, {})).statusCode).toBe(400);
      expect((await upload(s.id, { csv: 'at,temperatureC', readings: [] })).statusCode).toBe(400);
      expect((await upload(s.id, { loggerId: '', csv: 'x' })).statusCode).toBe(400);
      expect((await upload(UNKNOWN, { readings: [{ at: at(0), temperatureC: -180 }] })).statusCode).toBe(404);
      expect((await upload(s.id, { readings: [{ at: at(0), temperatureC: -180 }] }, c.qa)).statusCode).toBe(403);
      expect((await get(s.id)).logger).toBeNull();
    });
  });

  describe('receipt and storage at the site', () => {
    const receipt = (id: string, body: Record<string, unknown>, user = c.nurse) =>
      h.request(user, 'POST', `/api/v1/shipments/${id}/receipt`, body);
    const storage = (id: string, body: Record<string, unknown>, user = c.nurse) =>
      h.request(user, 'POST', `/api/v1/shipments/${id}/storage`, body);

    it('receives the product after scanning its DIN, then stores it; both are custody events on the same chain', async () => {
      const p = await product(h, c, processId);
      const s = await ship(h, c.operator, p);
      const early = await storage(s.id, { scannedDin: p.dinScan, storedAt: hoursAgo(0.5), location: 'LN2 dewar 2' });
      expect(early.statusCode).toBe(409);
      expect(early.json<Problem>().code).toBe('shipment.not_received');
      const received = await receipt(s.id, { scannedDin: p.dinScan, receivedAt: hoursAgo(1), temperatureC: -186 });
      expect(received.statusCode, received.body).toBe(200);
      expect(received.json<Detail>()).toMatchObject({ status: 'received', excursion: false, deviations: [] });
      const stored = await storage(s.id, {
        scannedDin: p.dinScan,
        storedAt: hoursAgo(0.5),
        location: 'LN2 dewar 2',
        temperatureC: -190,
      });
      expect(stored.statusCode, stored.body).toBe(200);
      expect(stored.json<Detail>().status).toBe('stored');
      const chain = (await h.request(c.nurse, 'GET', `/api/v1/custody-events?din=${p.din}`)).json<{
        items: { type: string; temperatureC: number | null }[];
      }>().items;
      expect(chain.map((e) => [e.type, e.temperatureC])).toEqual([
        ['receipt', null],
        ['shipment', null],
        ['receipt', -186],
        ['storage', -190],
      ]);
      const twice = await receipt(s.id, { scannedDin: p.dinScan, receivedAt: hoursAgo(1), temperatureC: -186 });
      expect(twice.json<Problem>().code).toBe('shipment.already_received');
    });

    it('refuses a wrong DIN (logged) and a time before departure; an arrival at −140 °C is recorded and opens a deviation', async () => {
      const p = await product(h, c, processId);
      const other = await product(h, c, processId);
      const s = await ship(h, c.operator, p);
      const before = await count(`custody_exceptions WHERE din = '${p.din}' AND type = 'receipt'`);
      const wrong = await receipt(s.id, { scannedDin: other.dinScan, receivedAt: hoursAgo(1), temperatureC: -186 });
      expect(wrong.statusCode).toBe(409);
      expect(wrong.json<Problem>().code).toBe('custody.scan_mismatch');
      expect(await count(`custody_exceptions WHERE din = '${p.din}' AND type = 'receipt'`)).toBe(before + 1);
      const early = await receipt(s.id, { scannedDin: p.dinScan, receivedAt: hoursAgo(5), temperatureC: -186 });
      expect(early.json<Problem>().code).toBe('shipment.before_departure');
      expect((await get(s.id)).status).toBe('in_transit');
      const warm = await receipt(s.id, { scannedDin: p.dinScan, receivedAt: hoursAgo(1), temperatureC: -140 });
      expect(warm.statusCode).toBe(200);
      expect(warm.json<Detail>()).toMatchObject({ status: 'received', excursion: true });
      expect(warm.json<Detail>().deviations).toEqual([
        expect.objectContaining({ source: 'shipment_temperature', batchIds: [p.batch.id] }),
      ]);
      expect(warm.json<Detail>().custodyExceptions.map((x) => x.type)).toContain('receipt');
    });

    it('refuses bad input and roles that do not receive products', async () => {
      const p = await product(h, c, processId);
      const s = await ship(h, c.operator, p);
      expect((await receipt(s.id, { scannedDin: p.dinScan, receivedAt: hoursAgo(1) })).statusCode).toBe(400);
      expect(
        (await receipt(s.id, { scannedDin: p.dinScan, receivedAt: hoursAgo(1), temperatureC: -500 })).statusCode,
      ).toBe(400);
      expect(
        (await receipt('x', { scannedDin: p.dinScan, receivedAt: hoursAgo(1), temperatureC: -180 })).statusCode,
      ).toBe(400);
      expect(
        (await receipt(s.id, { scannedDin: p.dinScan, receivedAt: hoursAgo(1), temperatureC: -180 }, c.coordinator))
          .statusCode,
      ).toBe(403);
      expect((await storage(s.id, { scannedDin: p.dinScan, storedAt: hoursAgo(1) })).statusCode).toBe(400);
      expect(
        (await storage(s.id, { scannedDin: p.dinScan, storedAt: hoursAgo(1), location: 'Dewar' }, c.qp)).statusCode,
      ).toBe(403);
      await receive(h, c.nurse, p, s.id);
    });
  });
});
