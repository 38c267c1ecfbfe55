import { computeCheckCharacter, parseScan } from '@hepatica/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decode, loadZXingFromNodeModules, renderPage } from '../../test/barcodes';
import { createHarness, TEST_PASSWORD, type Harness } from '../../test/harness';
import { createCollection, createOrder, flowHarness, type FlowActors } from '../../test/fixtures';

describe('collections', () => {
  let h: Harness;
  let a: FlowActors;
  beforeAll(async () => ({ h, a } = await flowHarness()));
  afterAll(() => h.close());

  it('allocates a valid ISBT 128 DIN with its check character and sets the expiry', async () => {
    const order = await createOrder(h, a.coordinator);
    const collectedAt = new Date();
    const res = await h.request(a.nurse, 'POST', `/api/v1/orders/${order.id}/collections`, { type: 'apheresis', collectedAt: collectedAt.toISOString() });
    expect(res.statusCode, res.body).toBe(201);
    const bag = res.json<{ din: string; checkCharacter: string; flags: string; expiresAt: string; subjectCode: string; coi: string }>();
    expect(bag.din).toMatch(/^A9999\d{8}$/);
    expect(bag.checkCharacter).toBe(computeCheckCharacter(bag.din));
    expect(bag.flags).toBe('00');
    expect(new Date(bag.expiresAt).getTime() - collectedAt.getTime()).toBe(72 * 3_600_000);
    expect(bag).toMatchObject({ subjectCode: order.subjectCode, coi: order.coi });
  });

  it('gives 50 parallel collections 50 distinct DINs', async () => {
    const order = await createOrder(h, a.coordinator);
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        h.request(a.nurse, 'POST', `/api/v1/orders/${order.id}/collections`, { type: 'apheresis', collectedAt: new Date().toISOString() }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(50).fill(201));
    const dins = new Set(results.map((r) => r.json<{ din: string }>().din));
    expect(dins.size).toBe(50);
  });

  it('refuses a future collection time, an unknown order and a coordinator recording it', async () => {
    const order = await createOrder(h, a.coordinator);
    const future = await h.request(a.nurse, 'POST', `/api/v1/orders/${order.id}/collections`, { type: 'apheresis', collectedAt: new Date(Date.now() + 3_600_000).toISOString() });
    expect(future.statusCode).toBe(422);
    expect(future.json<{ errors: { path: string }[] }>().errors[0]!.path).toBe('body.collectedAt');
    const noOffset = await h.request(a.nurse, 'POST', `/api/v1/orders/${order.id}/collections`, { type: 'apheresis', collectedAt: '2026-11-25 10:00' });
    expect(noOffset.statusCode).toBe(400);
    const unknown = await h.request(a.nurse, 'POST', '/api/v1/orders/00000000-0000-4000-8000-000000000000/collections', { type: 'cord', collectedAt: new Date().toISOString() });
    expect(unknown.statusCode).toBe(404);
    const refused = await h.request(a.coordinator, 'POST', `/api/v1/orders/${order.id}/collections`, { type: 'apheresis', collectedAt: new Date().toISOString() });
    expect(refused.statusCode).toBe(403);
    const rows = await h.database.query(`SELECT count(*)::int AS n FROM collections WHERE order_id = '${order.id}'`);
    expect(rows[0]!.n).toBe(0);
  });

  it('serves a label whose barcodes scan back to this bag, its COI and its expiry', async () => {
    const order = await createOrder(h, a.coordinator);
    const bag = await createCollection(h, a.nurse, order.id);
    const res = await h.request(a.nurse, 'GET', `/api/v1/collections/${bag.id}/label.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    loadZXingFromNodeModules();
    const page = renderPage(res.rawPayload);
    const symbols = await decode(page.image);
    expect(symbols.filter((s) => s.format === 'Code128').map((s) => s.text)).toEqual([`=${bag.din}00`]);
    const matrix = symbols.find((s) => s.format === 'DataMatrix');
    const compound = parseScan(matrix!.text, { timeZone: 'Asia/Shanghai' });
    expect(compound.structure).toBe('compound');
    const parts = compound.structure === 'compound' ? compound.messages : [];
    expect(parts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ structure: 'donation_identification_number', din: bag.din }),
        expect.objectContaining({ structure: 'chain_of_identity', coi: order.coi, checkCharacter: order.coiCheckCharacter }),
        expect.objectContaining({ structure: 'expiration_date_and_time' }),
      ]),
    );
    const expiry = parts.find((p) => p.structure === 'expiration_date_and_time') as { expiresAt?: string };
    // The label carries minutes only: the expiry read back is the stored one, truncated to the minute.
    expect(expiry.expiresAt).toBe(new Date(Math.floor(Date.parse(bag.expiresAt) / 60_000) * 60_000).toISOString());
    expect(page.text).toContain(order.subjectCode);
    expect(page.text).toContain('Asia/Shanghai');
    expect(page.text).not.toContain('测试');
    const missing = await h.request(a.nurse, 'GET', '/api/v1/collections/00000000-0000-4000-8000-000000000000/label.pdf');
    expect(missing.statusCode).toBe(404);
  });

  it('records an electronic signature bound to the record; a wrong password signs nothing', async () => {
    const order = await createOrder(h, a.coordinator);
    const bag = await createCollection(h, a.nurse, order.id);
    const url = `/api/v1/collections/${bag.id}/signatures`;
    const wrong = await h.request(a.nurse, 'POST', url, { signature: { password: 'not-my-password', meaning: 'Collected and labelled' } });
    expect(wrong.statusCode).toBe(401);
    expect((await h.request(a.nurse, 'GET', `/api/v1/collections/${bag.id}`)).json<{ signatures: unknown[] }>().signatures).toEqual([]);
    const signed = await h.request(a.nurse, 'POST', url, { signature: { password: TEST_PASSWORD, meaning: 'Collected and labelled' } });
    expect(signed.statusCode).toBe(201);
    const [sig] = signed.json<{ signatures: { signer: string; printedName: string; meaning: string; at: string; valid: boolean }[] }>().signatures;
    expect(sig).toMatchObject({ signer: a.nurse.username, printedName: `Test ${a.nurse.username}`, meaning: 'Collected and labelled', valid: true });
    expect(sig!.at).toMatch(/Z$/);
    // A change to the signed record afterwards invalidates the signature.
    await h.database.query(`UPDATE collections SET volume_ml = 999 WHERE id = '${bag.id}'`);
    const after = (await h.request(a.nurse, 'GET', `/api/v1/collections/${bag.id}`)).json<{ signatures: { valid: boolean }[] }>();
    expect(after.signatures[0]!.valid).toBe(false);
  });
});

describe('ISBT 128 parse route', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  it('reads a scanned DIN (ICCBBA ST-001 example G123417654321 → check character A)', async () => {
    const u = await h.createTestUser({ roles: ['operator'] });
    const res = await h.request(u, 'POST', '/api/v1/isbt128/parse', { data: '=G12341765432100' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(parseScan('=G12341765432100'));
    expect(res.json()).toMatchObject({ structure: 'donation_identification_number', din: 'G123417654321', fin: 'G1234', year: '17', sequence: '654321', flags: '00', checkCharacter: 'A' });
  });

  // Type 3 flags are 60 + the check value (ST-001); G123417654321's check character A is 10, so 71 disagrees.
  it('refuses malformed data and a Type 3 flag that disagrees with the check character (422)', async () => {
    const u = await h.createTestUser({ roles: ['nurse'] });
    for (const data of ['=G1234176543', 'hello', '=G12341765432171', '&/CHA99992600000']) {
      const res = await h.request(u, 'POST', '/api/v1/isbt128/parse', { data });
      expect(res.statusCode, data).toBe(422);
      expect(res.json<{ detail: string }>().detail.length).toBeGreaterThan(10);
    }
  });
});
