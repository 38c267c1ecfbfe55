/**
 * The consent gate in the chain-of-identity flows: no treatment order, collection, bedside check or infusion
 * without the patient's enrolled subject holding a valid consent. Each refusal is a 409 naming the gap and
 * changes nothing; an optional-part withdrawal does not stop treatment.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrder, createStudy, giveConsent } from '../../../test/fixtures';
import { createHarness, TEST_PASSWORD, type Harness, type TestUser } from '../../../test/harness';
import { crew, type Crew } from '../../batches/batches.fixtures';
import { cartProcess, product, receive, ship, sign } from '../../shipments/shipments.fixtures';
import { enrolledSubject, effectiveProtocol } from './consent.fixtures';

type Problem = { status: number; code: string; detail: string; params?: Record<string, unknown> };

describe('the consent gate in orders, collections and at the bedside', () => {
  let h: Harness;
  let c: Crew;
  let physician: TestUser;
  let processId: string;
  beforeAll(async () => {
    h = await createHarness();
    c = await crew(h);
    physician = await h.createTestUser({ roles: ['physician'] });
    processId = (await cartProcess(h, c)).id;
  });
  afterAll(() => h.close());

  const count = async (sql: string) => (await h.database.query<{ n: number }>(`SELECT (${sql})::int AS n`))[0]!.n;
  const counts = async () => ({
    orders: await count('SELECT count(*) FROM orders'),
    collections: await count('SELECT count(*) FROM collections'),
    verifications: await count('SELECT count(*) FROM bedside_verifications'),
    infusions: await count('SELECT count(*) FROM infusions'),
    audits: await count('SELECT count(*) FROM audit_events'),
  });
  const newPatient = async () => {
    const res = await h.request(c.coordinator, 'POST', '/api/v1/patients', { sex: 'male', birthDate: '1961-02-03', name: '测试 门控', mrn: `G${Math.floor(Math.random() * 1e9)}` });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string; subjectCode: string }>();
  };
  const order = (patientId: string, studyId: string) => h.request(c.coordinator, 'POST', '/api/v1/orders', { patientId, studyId });
  const subjectOfOrder = async (orderId: string) =>
    (await h.database.query<{ id: string }>(`SELECT s.id FROM study_subjects s JOIN orders o ON o.patient_id = s.patient_id AND o.study_id = s.study_id WHERE o.id = '${orderId}' AND s.status = 'enrolled'`))[0]!.id;
  const withdraw = async (subjectId: string, scope: string, parts?: string[]) => {
    const res = await h.request(c.coordinator, 'POST', `/api/v1/clinical/subjects/${subjectId}/consent-withdrawals`, {
      scope,
      ...(parts ? { parts } : {}),
      withdrawnAt: new Date().toISOString(),
      reason: 'Subject decision',
      signature: { password: TEST_PASSWORD, meaning: 'Withdrawal recorded' },
    });
    expect(res.statusCode, res.body).toBe(201);
  };
  const refused = (res: { statusCode: number; json: <T>() => T; body: string }, code: string) => {
    expect(res.statusCode, res.body).toBe(409);
    const problem = res.json<Problem>();
    expect(problem.code).toBe(code);
    return problem;
  };

  describe('orders', () => {
    it('refuses an order for a patient who is not an enrolled subject of the study', async () => {
      const study = await createStudy(h, c.coordinator);
      const patient = await newPatient();
      const before = await counts();
      const problem = refused(await order(patient.id, study.id), 'consent.not_enrolled');
      expect(problem.params).toEqual({ subjectCode: patient.subjectCode, studyCode: study.code });
      expect(await counts()).toEqual(before);
    });

    it('refuses an order for an enrolled subject without consent, naming the subject', async () => {
      const study = await createStudy(h, c.coordinator);
      const patient = await newPatient();
      const { protocol } = await effectiveProtocol(h.database.db, study.id, new Date(Date.now() - 60 * 86_400_000));
      const subject = await enrolledSubject(h.database.db, patient.id, protocol.id, study.id, study.code, new Date());
      const before = await counts();
      const problem = refused(await order(patient.id, study.id), 'consent.none');
      expect(problem.params).toMatchObject({ subjectNumber: subject.subjectNumber!, purpose: 'treatment' });
      expect(await counts()).toEqual(before);
    });

    it('refuses an order while re-consent is required, naming both document versions; allows it after re-consent', async () => {
      const study = await createStudy(h, c.coordinator);
      const patient = await newPatient();
      const { subjectId, protocolVersionId } = await giveConsent(h, c.coordinator, patient.id, study.id);
      const draft = await h.request(c.coordinator, 'POST', `/api/v1/clinical/protocols/${protocolVersionId}/consent-documents`, { language: 'zh-CN', versionLabel: '2.0', title: '知情同意书 2.0' });
      const approved = await h.request(c.coordinator, 'POST', `/api/v1/clinical/consent-documents/${draft.json<{ id: string }>().id}/approve`, {
        approvedOn: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
        signature: { password: TEST_PASSWORD, meaning: 'Ethics approval recorded' },
      });
      expect(approved.json<{ reconsentMarked: number }>().reconsentMarked).toBe(1);
      const before = await counts();
      const problem = refused(await order(patient.id, study.id), 'consent.reconsent_required');
      expect(problem.params).toMatchObject({ documentVersion: '1.0', requiredVersion: '2.0' });
      expect(await counts()).toEqual(before);
      const again = await h.request(c.coordinator, 'POST', `/api/v1/clinical/subjects/${subjectId}/consents`, {
        documentId: draft.json<{ id: string }>().id,
        consentedAt: new Date().toISOString(),
        consentedBy: 'subject',
        investigatorId: physician.id,
        signature: { password: TEST_PASSWORD, meaning: 'Re-consent recorded' },
      });
      expect(again.statusCode, again.body).toBe(201);
      expect((await order(patient.id, study.id)).statusCode).toBe(201);
    });

    it('refuses an order after a complete withdrawal; an optional-part withdrawal does not stop treatment', async () => {
      const study = await createStudy(h, c.coordinator);
      const patient = await newPatient();
      const { subjectId } = await giveConsent(h, c.coordinator, patient.id, study.id);
      const other = await newPatient();
      await giveConsent(h, c.coordinator, other.id, study.id);
      await withdraw(subjectId, 'complete');
      const before = await counts();
      expect(refused(await order(patient.id, study.id), 'consent.withdrawn').params).toMatchObject({ scope: 'complete' });
      expect(await counts()).toEqual(before);
      expect((await order(other.id, study.id)).statusCode).toBe(201);
    });
  });

  it('refuses a collection once the subject withdrew from treatment; the order is unchanged', async () => {
    const o = await createOrder(h, c.coordinator);
    await withdraw(await subjectOfOrder(o.id), 'treatment');
    const before = await counts();
    const res = await h.request(c.nurse, 'POST', `/api/v1/orders/${o.id}/collections`, { type: 'apheresis', collectedAt: new Date().toISOString(), volumeMl: 180 });
    expect(refused(res, 'consent.withdrawn').params).toMatchObject({ scope: 'treatment', documentVersion: '1.0' });
    expect(await counts()).toEqual(before);
    expect((await h.request(c.coordinator, 'GET', `/api/v1/orders/${o.id}`)).json<{ status: string }>().status).toBe('open');
  });

  describe('at the bedside', () => {
    const atSite = async () => {
      const p = await product(h, c, processId);
      const s = await ship(h, c.operator, p);
      await receive(h, c.nurse, p, s.id);
      return { p, s };
    };
    const verify = (shipmentId: string, p: Awaited<ReturnType<typeof product>>) =>
      h.request(c.nurse, 'POST', `/api/v1/shipments/${shipmentId}/verifications`, {
        wristbandScan: p.wristband,
        productScan: p.label,
        signature: sign,
        secondPerson: { username: physician.username, password: TEST_PASSWORD },
      });

    it('refuses the bedside check after a withdrawal from treatment, writing nothing', async () => {
      const { p, s } = await atSite();
      await withdraw(await subjectOfOrder(p.order.id), 'treatment');
      const before = await counts();
      refused(await verify(s.id, p), 'consent.withdrawn');
      expect(await counts()).toEqual(before);
    });

    it('refuses the infusion when consent was withdrawn after the bedside check; the product stays received', async () => {
      const { p, s } = await atSite();
      const v = await verify(s.id, p);
      expect(v.statusCode, v.body).toBe(201);
      await withdraw(await subjectOfOrder(p.order.id), 'complete');
      const before = await counts();
      const res = await h.request(c.nurse, 'POST', `/api/v1/shipments/${s.id}/infusion`, {
        verificationId: v.json<{ id: string }>().id,
        startedAt: new Date().toISOString(),
        endedAt: new Date().toISOString(),
        dose: { carPositiveCells: 1.4e8, weightKg: 70 },
        signature: sign,
      });
      expect(refused(res, 'consent.withdrawn').params).toMatchObject({ scope: 'complete' });
      expect(await counts()).toEqual(before);
      expect((await h.request(c.nurse, 'GET', `/api/v1/shipments/${s.id}`)).json<{ status: string }>().status).toBe('received');
    });
  });
});
