/**
 * The casebook: one document with the subject, study, protocol, adverse events, SAE clocks, CRS/ICANS by
 * day, response and the product (COI, DIN, batch, shipment, infusion); name and MRN only for identity roles.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, TEST_PASSWORD, type Harness, type TestUser } from '../../../test/harness';
import { subjectWith, type SubjectWorld } from '../safety/safety.fixtures';

const DAY = 86_400_000;

type Casebook = {
  subject: { subjectCode: string; name?: string | null; mrn?: string | null };
  study: { code: string };
  protocol: { version: number };
  adverseEvents: { ctcaeTerm: string; grade: number }[];
  saeClocks: { kind: string; status: string }[];
  crsIcans: { days: { day: number; crs: { grade: number | null } }[] };
  response: { timepoints: unknown[] };
  product: { orders: { coi: string; collections: { din: string }[]; batches: { din: string | null }[]; shipments: { din: string }[]; infusions: { din: string; cellsPerKg: number; startedAt: string }[] }[] };
  sections: Record<string, string>;
  consent: { status: string };
};

describe('subject casebook', () => {
  let h: Harness;
  let coordinator: TestUser;
  let physician: TestUser;
  let researcher: TestUser;
  let s: SubjectWorld;
  beforeAll(async () => {
    h = await createHarness();
    coordinator = await h.createTestUser({ roles: ['coordinator'] });
    physician = await h.createTestUser({ roles: ['physician'] });
    researcher = await h.createTestUser({ roles: ['researcher'] });
    s = await subjectWith(h, { infusedAt: new Date(Date.now() - 10 * DAY), name: '李 雷', mrn: 'MRN-CASEBOOK-1' });
    const crs = await h.request(coordinator, 'POST', `/api/v1/clinical/subjects/${s.subjectId}/crs-assessments`, {
      assessedAt: new Date(Date.now() - 8 * DAY).toISOString(),
      temperatureC: 39.1,
      hypotension: 'fluids',
      hypoxia: 'none',
      treatments: [{ kind: 'tocilizumab', dose: 560, unit: 'mg' }],
    });
    expect(crs.statusCode, crs.body).toBe(201);
    const aeId = crs.json<{ adverseEvent: { id: string } }>().adverseEvent.id;
    const assessed = await h.request(physician, 'POST', `/api/v1/clinical/adverse-events/${aeId}/assessment`, {
      seriousness: ['hospitalization'],
      relatedness: { product: 'definite' },
      expectedness: 'expected',
      signature: { password: TEST_PASSWORD, meaning: 'Investigator assessment' },
    });
    expect(assessed.statusCode, assessed.body).toBe(200);
    const tumour = await h.request(coordinator, 'POST', `/api/v1/clinical/subjects/${s.subjectId}/tumour-assessments`, {
      assessedAt: new Date(Date.now() - 12 * DAY).toISOString(),
      modality: 'ct',
      targetLesions: [{ lesionId: 'T1', organ: 'liver', viableDiameterMm: 42 }],
      nonTargetLesions: [],
      newLesions: false,
    });
    expect(tumour.statusCode, tumour.body).toBe(201);
  });
  afterAll(() => h.close());

  const get = (user: TestUser | null, id = s.subjectId) => h.request(user, 'GET', `/api/v1/clinical/subjects/${id}/casebook`);

  it('shows the product the subject received, the AE with its grade, CRS by day, clocks and response', async () => {
    const res = await get(coordinator);
    expect(res.statusCode, res.body).toBe(200);
    const book = res.json<Casebook>();
    expect(book.subject).toMatchObject({ subjectCode: s.subjectCode, name: '李 雷', mrn: 'MRN-CASEBOOK-1' });
    expect(book.protocol.version).toBe(1);
    expect(book.product.orders).toHaveLength(1);
    const order = book.product.orders[0]!;
    expect(order.coi).toBe(s.coi);
    expect([order.collections[0]?.din, order.batches[0]?.din, order.shipments[0]?.din, order.infusions[0]?.din]).toEqual([s.din, s.din, s.din, s.din]);
    expect(order.infusions[0]).toMatchObject({ cellsPerKg: 2e6, startedAt: s.infusedAt!.toISOString() });
    expect(book.adverseEvents.map((a) => [a.ctcaeTerm, a.grade])).toEqual([['cytokine_release_syndrome', 2]]);
    expect(book.saeClocks.map((c) => [c.kind, c.status])).toEqual([['sponsor_initial', 'running']]);
    expect(book.crsIcans.days.map((d) => [d.day, d.crs.grade])).toEqual([[2, 2]]);
    expect(book.response.timepoints).toHaveLength(1);
    expect(book.sections).toMatchObject({ product: 'ready', adverseEvents: 'ready', consent: 'ready', visits: 'ready' });
    expect(book.consent.status).toBe('none');
  });

  it('hides name and MRN from a researcher, who still reads the pseudonymous record', async () => {
    const res = await get(researcher);
    expect(res.statusCode).toBe(200);
    const book = res.json<Casebook>();
    expect(book.subject.subjectCode).toBe(s.subjectCode);
    expect(book.subject).not.toHaveProperty('name');
    expect(book.subject).not.toHaveProperty('mrn');
    expect(res.body).not.toContain('李 雷');
    expect(res.body).not.toContain('MRN-CASEBOOK-1');
  });

  it('refuses roles without clinical access and anonymous callers; 404 for an unknown subject', async () => {
    for (const role of ['partner', 'operator', 'qa', 'trainee'] as const) {
      expect((await get(await h.createTestUser({ roles: [role] }))).statusCode).toBe(403);
    }
    expect((await get(null)).statusCode).toBe(401);
    expect((await get(coordinator, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});
