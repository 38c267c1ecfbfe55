import { computeCheckCharacter } from '@hepatica/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../test/harness';
import { createCollection, createOrder, flowHarness, type FlowActors } from '../../test/fixtures';

/** A DIN differing from `din` in its last digit: another bag of the same facility and year. */
const otherDin = (din: string) => din.slice(0, 12) + (din[12] === '9' ? '8' : '9');

describe('patients, studies and orders', () => {
  let h: Harness;
  let a: FlowActors;
  beforeAll(async () => ({ h, a } = await flowHarness()));
  afterAll(() => h.close());

  it('gives each patient a pseudonymous subject code; name and MRN only to roles that may see identity', async () => {
    const res = await h.request(a.coordinator, 'POST', '/api/v1/patients', { sex: 'female', birthDate: '1980-02-29', name: '王芳', mrn: 'BJH-77' });
    expect(res.statusCode).toBe(201);
    const p = res.json<{ id: string; subjectCode: string; name: string }>();
    expect(p.subjectCode).toMatch(/^A9999-\d{6}$/);
    expect(p.subjectCode).not.toContain('王');
    expect(p.name).toBe('王芳');
    const operator = await h.createTestUser({ roles: ['qa'] });
    const seen = await h.request(operator, 'GET', `/api/v1/patients/${p.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).not.toHaveProperty('name');
    expect(seen.json()).not.toHaveProperty('mrn');
    // Nor may a search by name reveal the patient to them.
    const search = await h.request(operator, 'GET', `/api/v1/patients?search=${encodeURIComponent('王芳')}`);
    expect(search.json<{ items: unknown[] }>().items).toHaveLength(0);
    const nurseSearch = await h.request(a.nurse, 'GET', `/api/v1/patients?search=${encodeURIComponent('王芳')}`);
    expect(nurseSearch.json<{ items: unknown[] }>().items).toHaveLength(1);
  });

  it('issues a chain-of-identity identifier CH + FIN + year + sequence with its MOD 37-2 check character', async () => {
    const first = await createOrder(h, a.coordinator);
    const second = await createOrder(h, a.coordinator);
    const year = new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: '2-digit' }).format(new Date());
    expect(first.coi).toMatch(new RegExp(`^CHA9999${year}\\d{6}$`));
    expect(Number(second.coi.slice(-6))).toBe(Number(first.coi.slice(-6)) + 1);
    expect(first.coiCheckCharacter).toBe(computeCheckCharacter(first.coi));
    expect(first.status).toBe('open');
  });

  it('refuses bad input with problems naming each field, and changes nothing', async () => {
    const count = async () => (await h.database.query('SELECT count(*)::int AS n FROM patients'))[0]!.n;
    const before = await count();
    const res = await h.request(a.coordinator, 'POST', '/api/v1/patients', { sex: 'other', birthDate: '2999-01-01', mrn: "1'; DROP TABLE patients;--" });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    const paths = res.json<{ errors: { path: string }[] }>().errors.map((e) => e.path).sort();
    expect(paths).toEqual(['body.birthDate', 'body.mrn', 'body.sex']);
    expect(await count()).toBe(before);
    const wrongType = await h.request(a.coordinator, 'POST', '/api/v1/orders', { patientId: 42, studyId: 'nope' });
    expect(wrongType.statusCode).toBe(400);
    const unknown = await h.request(a.coordinator, 'POST', '/api/v1/orders', { patientId: '00000000-0000-4000-8000-000000000000', studyId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json<{ detail: string }>().detail).toBe('Patient was not found.');
  });

  it('stores HTML and SQL in text fields as plain text', async () => {
    const res = await h.request(a.coordinator, 'POST', '/api/v1/studies', { code: 'XSS-1', title: `<script>alert(1)</script> ' OR 1=1 --`, indication: 'hcc', phase: '1' });
    expect(res.statusCode).toBe(201);
    expect(res.json<{ title: string }>().title).toBe(`<script>alert(1)</script> ' OR 1=1 --`);
    expect((await h.request(a.coordinator, 'GET', '/api/v1/studies')).json<{ items: unknown[] }>().items.length).toBeGreaterThan(0);
  });

  it('refuses an oversized body with 413 and no stack trace', async () => {
    const res = await h.request(a.coordinator, 'POST', '/api/v1/studies', { code: 'BIG-1', title: 'x'.repeat(300_000), indication: 'hcc', phase: '1' });
    expect(res.statusCode).toBe(413);
    expect(res.body).not.toMatch(/at .*\.ts:\d+/);
  });

  it('the timeline shows order, collection, custody and refused scans oldest first', async () => {
    const order = await createOrder(h, a.coordinator);
    const bag = await createCollection(h, a.nurse, order.id);
    const ok = await h.request(a.nurse, 'POST', '/api/v1/custody-events', { din: bag.din, type: 'handover', scannedDin: `=${bag.din}00`, occurredAt: new Date().toISOString(), toParty: 'Courier' });
    expect(ok.statusCode, ok.body).toBe(201);
    await h.request(a.nurse, 'POST', '/api/v1/custody-events', { din: bag.din, type: 'receipt', scannedDin: `=${otherDin(bag.din)}00`, occurredAt: new Date().toISOString() });
    const res = await h.request(a.coordinator, 'GET', `/api/v1/orders/${order.id}/timeline`);
    const items = res.json<{ items: { at: string; kind: string }[] }>().items;
    expect(items.map((i) => i.kind)).toEqual(['order_created', 'collection', 'custody', 'custody_exception']);
    const times = items.map((i) => i.at);
    expect([...times].sort()).toEqual(times);
    expect((await h.request(a.coordinator, 'GET', `/api/v1/orders/${order.id}`)).json()).toMatchObject({ status: 'collected' });
  });
});
