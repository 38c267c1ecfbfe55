import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../test/harness';
import { createCollection, createOrder, flowHarness, type FlowActors } from '../../test/fixtures';

const otherDin = (din: string) => din.slice(0, 12) + (din[12] === '9' ? '8' : '9');

describe('custody with scan-to-verify', () => {
  let h: Harness;
  let a: FlowActors;
  let bag: { id: string; din: string; checkCharacter: string };
  beforeAll(async () => {
    ({ h, a } = await flowHarness());
    bag = await createCollection(h, a.nurse, (await createOrder(h, a.coordinator)).id);
  });
  afterAll(() => h.close());

  const post = (body: Record<string, unknown>, user = a.nurse) =>
    h.request(user, 'POST', '/api/v1/custody-events', { din: bag.din, type: 'handover', occurredAt: new Date().toISOString(), ...body });
  const counts = async () => {
    const [row] = await h.database.query<{ events: number; exceptions: number; audit: number }>(
      'SELECT (SELECT count(*)::int FROM custody_events) AS events, (SELECT count(*)::int FROM custody_exceptions) AS exceptions, (SELECT count(*)::int FROM audit_events) AS audit',
    );
    return row!;
  };

  it.each([
    ['the Code 128 data structure', (din: string) => `=${din}00`],
    ['the eye-readable DIN with check character', (din: string, cc: string) => `${din}${cc}`],
    ['the DataMatrix compound message', (din: string) => `=+02000=${din}00&>0263592359`],
  ])('accepts %s as the scan', async (_label, scanned) => {
    const res = await post({ scannedDin: scanned(bag.din, bag.checkCharacter), location: 'Ward 5', toParty: 'Courier', temperatureC: 4.5 });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ din: bag.din, type: 'handover', temperatureC: 4.5, recordedBy: a.nurse.username });
  });

  it('refuses a mismatched scan with 409, logs the exception, and records no custody event', async () => {
    const before = await counts();
    const res = await post({ scannedDin: `=${otherDin(bag.din)}00` });
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.json<{ detail: string }>().detail).toContain(bag.din);
    // A code and its parameters let the web app say it in the reader's language.
    expect(res.json()).toMatchObject({ code: 'custody.scan_mismatch', params: { din: bag.din, scannedDin: otherDin(bag.din) } });
    const after = await counts();
    expect(after.events).toBe(before.events);
    expect(after.exceptions).toBe(before.exceptions + 1);
    expect(after.audit).toBe(before.audit + 1);
    const listed = await h.request(a.nurse, 'GET', `/api/v1/custody-exceptions?din=${bag.din}`);
    expect(listed.json<{ items: unknown[] }>().items[0]).toMatchObject({
      scannedDin: `=${otherDin(bag.din)}00`,
      code: 'custody.scan_mismatch',
      params: { din: bag.din, scannedDin: otherDin(bag.din) },
    });
  });

  it('refuses a misread check character and malformed scans with 422, recording nothing', async () => {
    const before = await counts();
    const wrongCc = bag.checkCharacter === 'A' ? 'B' : 'A';
    // A typed DIN needs its check character: it is what catches a mistyped digit.
    for (const scannedDin of [`${bag.din}${wrongCc}`, bag.din, 'not a barcode', '=<E0001V00']) {
      const res = await post({ scannedDin });
      expect(res.statusCode, scannedDin).toBe(422);
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses an unknown DIN (404), a bad type, a time before collection and an impossible temperature', async () => {
    expect((await post({ din: 'A999926999990', scannedDin: '=A99992699999000' })).statusCode).toBe(404);
    expect((await post({ scannedDin: `=${bag.din}00`, type: 'teleport' })).statusCode).toBe(400);
    expect((await post({ scannedDin: `=${bag.din}00`, occurredAt: '2020-01-01T00:00:00+08:00' })).statusCode).toBe(422);
    const hot = await post({ scannedDin: `=${bag.din}00`, temperatureC: 500 });
    expect(hot.statusCode).toBe(400);
    expect(hot.json<{ errors: { path: string }[] }>().errors[0]!.path).toBe('body.temperatureC');
  });

  it('is refused to roles that do not handle bags', async () => {
    const coordinator = await h.createTestUser({ roles: ['coordinator'] });
    expect((await post({ scannedDin: `=${bag.din}00` }, coordinator)).statusCode).toBe(403);
  });

  it('lists the custody of a bag oldest first, and nothing follows an infusion', async () => {
    expect((await post({ type: 'infusion', scannedDin: `=${bag.din}00`, location: 'Ward 5 bed 12' })).statusCode).toBe(201);
    const after = await post({ type: 'storage', scannedDin: `=${bag.din}00` });
    expect(after.statusCode).toBe(409);
    const list = await h.request(a.nurse, 'GET', `/api/v1/custody-events?din=${bag.din}`);
    const items = list.json<{ items: { occurredAt: string; type: string }[] }>().items;
    expect(items.at(-1)!.type).toBe('infusion');
    expect(items.map((i) => i.occurredAt)).toEqual([...items.map((i) => i.occurredAt)].sort());
  });
});
