/**
 * Bedside verification and infusion: two different people scan the wristband and the product label;
 * every mismatch is refused (409), logged as a custody exception, and changes nothing else.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, TEST_PASSWORD, type Harness, type TestUser } from '../../test/harness';
import { crew, UNKNOWN, type Crew } from '../batches/batches.fixtures';
import {
  cartProcess,
  certify,
  expireShipment,
  product,
  receive,
  ship,
  sign,
  type Problem,
  type Product,
} from './shipments.fixtures';

describe('bedside verification and infusion', () => {
  let h: Harness;
  let c: Crew;
  let processId: string;
  let nurse2: TestUser;
  let physician: TestUser;
  beforeAll(async () => {
    h = await createHarness();
    c = await crew(h);
    processId = (await cartProcess(h, c)).id;
    nurse2 = await h.createTestUser({ roles: ['nurse'] });
    physician = await h.createTestUser({ roles: ['physician'] });
  });
  afterAll(() => h.close());

  /** A product shipped and received at the ward. */
  const atSite = async () => {
    const p = await product(h, c, processId);
    const s = await ship(h, c.operator, p);
    await receive(h, c.nurse, p, s.id);
    return { p, s };
  };
  const verify = (shipmentId: string, p: Product, more: Record<string, unknown> = {}, user = c.nurse) =>
    h.request(user, 'POST', `/api/v1/shipments/${shipmentId}/verifications`, {
      wristbandScan: p.wristband,
      productScan: p.label,
      signature: sign,
      secondPerson: { username: physician.username, password: TEST_PASSWORD },
      ...more,
    });
  const infuse = (shipmentId: string, verificationId: string, more: Record<string, unknown> = {}, user = c.nurse) =>
    h.request(user, 'POST', `/api/v1/shipments/${shipmentId}/infusion`, {
      verificationId,
      // After the bedside check (which the server stamps "now"), never before it.
      startedAt: new Date().toISOString(),
      endedAt: new Date().toISOString(),
      dose: { carPositiveCells: 1.4e8, weightKg: 70, volumeMl: 68 },
      signature: sign,
      ...more,
    });
  const counts = async (din: string) => {
    const [row] = await h.database.query<{
      exceptions: number;
      verifications: number;
      infusions: number;
      events: number;
    }>(
      `SELECT (SELECT count(*)::int FROM custody_exceptions WHERE din = '${din}') AS exceptions, (SELECT count(*)::int FROM bedside_verifications) AS verifications, (SELECT count(*)::int FROM infusions) AS infusions, (SELECT count(*)::int FROM custody_events WHERE din = '${din}') AS events`,
    );
    return row!;
  };

  it('verifies with two people and records the infusion as the last custody event; the order is infused', async () => {
    const { p, s } = await atSite();
    const v = await verify(s.id, p);
    expect(v.statusCode, v.body).toBe(201);
    const verification = v.json<{
      id: string;
      subjectCode: string;
      din: string;
      coi: string;
      verifiedBy: string;
      secondVerifier: string;
      signatures: { signer: string; meaning: string; valid: boolean }[];
    }>();
    expect(verification).toMatchObject({
      subjectCode: p.order.subjectCode,
      din: p.din,
      coi: p.order.coi,
      verifiedBy: c.nurse.username,
      secondVerifier: physician.username,
    });
    expect(verification.signatures.map((x) => [x.signer, x.meaning, x.valid])).toEqual([
      [c.nurse.username, 'Verified at the bedside', true],
      [physician.username, 'Second verifier at the bedside', true],
    ]);
    const bystander = await infuse(s.id, verification.id, {}, nurse2);
    expect(bystander.statusCode).toBe(409);
    expect(bystander.json<Problem>().code).toBe('infusion.not_verifier');
    const res = await infuse(s.id, verification.id);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      din: p.din,
      recordedBy: c.nurse.username,
      dose: { carPositiveCells: 1.4e8, weightKg: 70, cellsPerKg: 2e6, volumeMl: 68 },
      signatures: [{ meaning: 'Administered', valid: true }],
    });
    const chain = (await h.request(c.nurse, 'GET', `/api/v1/custody-events?din=${p.din}`)).json<{
      items: { type: string }[];
    }>().items;
    expect(chain.map((e) => e.type)).toEqual(['receipt', 'shipment', 'receipt', 'infusion']);
    expect((await h.request(c.coordinator, 'GET', `/api/v1/orders/${p.order.id}`)).json()).toMatchObject({
      status: 'infused',
    });
    const detail = (await h.request(physician, 'GET', `/api/v1/shipments/${s.id}`)).json<{
      status: string;
      infusion: { id: string } | null;
      verifications: unknown[];
    }>();
    expect(detail).toMatchObject({ status: 'infused', infusion: { id: res.json<{ id: string }>().id } });
    expect(detail.verifications).toHaveLength(1);
    const again = await infuse(s.id, verification.id, {}, physician);
    expect(again.statusCode).toBe(409);
    expect((await verify(s.id, p)).json<Problem>().code).toBe('custody.already_infused');
  });

  it('accepts the label as a DIN barcode plus a separate COI barcode, and a nurse as second person', async () => {
    const { p, s } = await atSite();
    const res = await verify(s.id, p, {
      productScan: p.dinScan,
      coiScan: `&/${p.order.coi}`,
      secondPerson: { username: nurse2.username, password: TEST_PASSWORD },
    });
    expect(res.statusCode, res.body).toBe(201);
    const noCoi = await verify(s.id, p, { productScan: p.dinScan });
    expect(noCoi.statusCode).toBe(422);
    expect(noCoi.json<Problem>().code).toBe('bedside.product_coi_missing');
  });

  describe('refusals: 409, logged, nothing else changes', () => {
    let other: Product;
    beforeAll(async () => {
      other = await product(h, c, processId);
    });

    it.each([
      ['wrong subject code', 'bedside.wrong_patient', () => ({ wristbandScan: other.wristband })],
      [
        'wrong DIN',
        'bedside.wrong_product',
        (p: Product) => ({ productScan: other.dinScan, coiScan: `&/${p.order.coi}` }),
      ],
      ['wrong COI', 'bedside.wrong_coi', (p: Product) => ({ productScan: p.dinScan, coiScan: `&/${other.order.coi}` })],
      ["another patient's whole label", 'bedside.wrong_product', () => ({ productScan: other.label })],
    ])('%s', async (_label, code, scans: (p: Product) => Record<string, unknown>) => {
      const { p, s } = await atSite();
      const before = await counts(p.din);
      const res = await verify(s.id, p, scans(p));
      expect(res.statusCode).toBe(409);
      const problem = res.json<Problem>();
      expect(problem.code).toBe(code);
      expect(problem.detail).toMatch(/^STOP/);
      const after = await counts(p.din);
      expect(after).toEqual({ ...before, exceptions: before.exceptions + 1 });
      const logged = (await h.request(c.nurse, 'GET', `/api/v1/custody-exceptions?din=${p.din}`)).json<{
        items: { type: string; detail: string; code: string; params: Record<string, string> }[];
      }>().items[0]!;
      // The code and params are kept with the exception, so screens word it in the reader's language.
      expect(logged).toMatchObject({ type: 'infusion', detail: problem.detail, code, params: problem.params });
    });

    it('the same person twice (409), a second person who may not infuse (409) or with a wrong password (401)', async () => {
      const { p, s } = await atSite();
      const before = await counts(p.din);
      const same = await verify(s.id, p, { secondPerson: { username: c.nurse.username, password: TEST_PASSWORD } });
      expect(same.statusCode).toBe(409);
      expect(same.json<Problem>().code).toBe('bedside.same_person');
      const operator = await verify(s.id, p, {
        secondPerson: { username: c.operator.username, password: TEST_PASSWORD },
      });
      expect(operator.json<Problem>().code).toBe('bedside.second_not_permitted');
      const wrong = await verify(s.id, p, { secondPerson: { username: physician.username, password: 'not-it' } });
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json<Problem>().code).toBe('bedside.second_wrong_password');
      const mine = await verify(s.id, p, { signature: { password: 'not-it' } });
      expect(mine.statusCode).toBe(401);
      expect(await counts(p.din)).toEqual(before);
    });

    it('a product not yet received at the site', async () => {
      const p = await product(h, c, processId);
      const s = await ship(h, c.operator, p);
      const res = await verify(s.id, p);
      expect(res.statusCode).toBe(409);
      expect(res.json<Problem>().code).toBe('bedside.not_received');
    });

    it('an expired product, at verification and at infusion', async () => {
      const { p, s } = await atSite();
      const v = await verify(s.id, p);
      expect(v.statusCode).toBe(201);
      await expireShipment(h, s.id);
      const res = await verify(s.id, p);
      expect(res.statusCode).toBe(409);
      expect(res.json<Problem>()).toMatchObject({ code: 'bedside.expired' });
      const late = await infuse(s.id, v.json<{ id: string }>().id);
      expect(late.json<Problem>().code).toBe('bedside.expired');
    });

    it('a product no longer released (the QP rejected it after shipment)', async () => {
      const { p, s } = await atSite();
      await certify(h, p.batch.id, 'rejected');
      const res = await verify(s.id, p);
      expect(res.statusCode).toBe(409);
      expect(res.json<Problem>()).toMatchObject({ code: 'bedside.not_released', params: { status: 'rejected' } });
    });

    it('a verification that is too old, or of another shipment', async () => {
      const { p, s } = await atSite();
      const v = (await verify(s.id, p)).json<{ id: string; verifiedAt: string }>();
      // Typed to the minute, a start may fall in the verification's own minute, but not in the minute before.
      const minuteBefore = new Date(Math.floor(Date.parse(v.verifiedAt) / 60_000) * 60_000 - 1).toISOString();
      expect((await infuse(s.id, v.id, { startedAt: minuteBefore })).json<Problem>().code).toBe('infusion.verification_stale');
      const stale = await infuse(s.id, v.id, {
        startedAt: new Date(Date.now() + 61 * 60_000).toISOString(),
        endedAt: new Date(Date.now() + 62 * 60_000).toISOString(),
      });
      // A start an hour ahead is in the future before it is stale.
      expect(stale.json<Problem>().code).toBe('shipment.time_in_future');
      const before = await infuse(s.id, v.id, { startedAt: new Date(Date.now() - 30 * 60_000).toISOString() });
      expect(before.json<Problem>().code).toBe('infusion.verification_stale');
      const second = await atSite();
      expect((await infuse(second.s.id, v.id)).statusCode).toBe(404);
    });
  });

  it('refuses unreadable scans (422) and bad input (400), and roles that do not infuse (403)', async () => {
    const { p, s } = await atSite();
    const asProduct = await verify(s.id, p, { wristbandScan: p.dinScan });
    expect(asProduct.statusCode).toBe(422);
    expect(asProduct.json<Problem>()).toMatchObject({
      code: 'bedside.wristband_is_product',
      errors: [{ path: 'body.wristbandScan' }],
    });
    expect((await verify(s.id, p, { wristbandScan: 'M12345' })).json<Problem>().code).toBe(
      'bedside.wristband_unreadable',
    );
    expect((await verify(s.id, p, { productScan: p.wristband })).statusCode).toBe(422);
    expect((await verify(s.id, p, { productScan: '' })).statusCode).toBe(400);
    expect((await verify(s.id, p, { secondPerson: undefined })).statusCode).toBe(400);
    expect((await verify(UNKNOWN, p)).statusCode).toBe(404);
    expect((await verify(s.id, p, {}, c.operator)).statusCode).toBe(403);
    const v = (await verify(s.id, p)).json<{ id: string }>();
    const now = Date.now();
    const bad = [
      { endedAt: new Date(now - 120_000).toISOString() },
      { dose: { carPositiveCells: -1, weightKg: 70 } },
      { dose: { carPositiveCells: 1e8, weightKg: 0 } },
      { verificationId: 'x' },
      { startedAt: 'today' },
    ];
    for (const more of bad) expect((await infuse(s.id, v.id, more)).statusCode, JSON.stringify(more)).toBe(400);
    expect((await infuse(s.id, v.id, {}, c.coordinator)).statusCode).toBe(403);
    expect((await h.request(c.nurse, 'GET', `/api/v1/shipments/${s.id}`)).json()).toMatchObject({
      status: 'received',
      infusion: null,
    });
  });

  it('prints a wristband whose barcode holds the subject code, for roles that see identity', async () => {
    const { p } = await atSite();
    const patientId = (await h.request(c.coordinator, 'GET', `/api/v1/orders/${p.order.id}`)).json<{
      patientId: string;
    }>().patientId;
    const res = await h.request(c.nurse, 'GET', `/api/v1/patients/${patientId}/wristband.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await h.request(c.operator, 'GET', `/api/v1/patients/${patientId}/wristband.pdf`)).statusCode).toBe(403);
  });
});
