/** Typed builders for the chain-of-identity flow, through the API as a user would. */
import { expect } from 'vitest';
import { consentedSubject } from '../modules/clinical/consent/consent.fixtures';
import { createHarness, type Harness, type TestUser } from './harness';

export interface FlowActors {
  coordinator: TestUser;
  nurse: TestUser;
}

export async function flowActors(h: Harness): Promise<FlowActors> {
  return { coordinator: await h.createTestUser({ roles: ['coordinator'] }), nurse: await h.createTestUser({ roles: ['nurse'] }) };
}

/** A harness with the flow's actors, for a suite's beforeAll: `({ h, a } = await flowHarness())`. */
export async function flowHarness(): Promise<{ h: Harness; a: FlowActors }> {
  const h = await createHarness();
  return { h, a: await flowActors(h) };
}

export async function createStudy(h: Harness, coordinator: TestUser, code = `ST-${Math.random().toString(36).slice(2, 8).toUpperCase()}`) {
  const res = await h.request(coordinator, 'POST', '/api/v1/studies', { code, title: 'GPC3 CAR-T for HCC', indication: 'hcc', phase: '1' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; code: string }>();
}

/**
 * The patient's enrolled subject in the study with a valid informed consent, as every order, collection and
 * infusion needs (consent gate); the coordinator takes and records the consent.
 */
export async function giveConsent(h: Harness, coordinator: TestUser, patientId: string, studyId: string) {
  return consentedSubject(h.database.db, { userId: coordinator.id, password: coordinator.password }, { patientId, studyId });
}

export async function createOrder(h: Harness, coordinator: TestUser) {
  const study = await createStudy(h, coordinator);
  const patient = await h.request(coordinator, 'POST', '/api/v1/patients', { sex: 'male', birthDate: '1960-05-05', name: '测试 患者', mrn: `M${Math.floor(Math.random() * 1e9)}` });
  expect(patient.statusCode, patient.body).toBe(201);
  const patientId = patient.json<{ id: string }>().id;
  await giveConsent(h, coordinator, patientId, study.id);
  const order = await h.request(coordinator, 'POST', '/api/v1/orders', { patientId, studyId: study.id });
  expect(order.statusCode, order.body).toBe(201);
  return order.json<{ id: string; coi: string; coiCheckCharacter: string; status: string; subjectCode: string }>();
}

export async function createCollection(h: Harness, nurse: TestUser, orderId: string) {
  const res = await h.request(nurse, 'POST', `/api/v1/orders/${orderId}/collections`, { type: 'apheresis', collectedAt: new Date().toISOString(), volumeMl: 180 });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; din: string; checkCharacter: string; flags: string; expiresAt: string }>();
}
