/**
 * Typed builders for clinical tests, through the API as a user would: a study with an effective protocol and
 * a current ethics approval, and a patient screened for it. Used by every clinical module's tests.
 */
import { expect } from 'vitest';
import type { Harness, TestUser } from '../../test/harness';

export interface ClinicalUsers {
  coordinator: TestUser;
  physician: TestUser;
}

export async function clinicalUsers(h: Harness): Promise<ClinicalUsers> {
  return { coordinator: await h.createTestUser({ roles: ['coordinator'] }), physician: await h.createTestUser({ roles: ['physician'] }) };
}

/** Loose shapes of the API's views (docs/clinical/protocols-api.md) for tests. */
export interface ProtocolVersionFixture {
  id: string;
  studyId: string;
  version: number;
  status: string;
  arms: { id: string; code: string; name: string; ratio: number }[];
  criteria: { id: string; code: string; kind: string; text: string; rule: Record<string, unknown> }[];
}
export interface EthicsFixture {
  id: string;
  approvalNumber: string;
  expiresOn: string;
}
export interface SubjectFixture {
  id: string;
  studyId: string;
  patientId: string;
  protocolVersionId: string;
  screeningNumber: string;
  subjectNumber: string | null;
  status: string;
  armCode: string | null;
}

export interface StudySetUp {
  arms?: unknown[];
  criteria?: unknown[];
  randomization?: unknown;
  code?: string;
  /** Calendar day (YYYY-MM-DD); default a year from today. */
  ethicsExpiresOn?: string;
}

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
const randomCode = () => `CL-${Math.random().toString(36).slice(2, 8).toUpperCase()}`;

/** A study with protocol version 1 approved (effective) by the physician and an ethics approval covering it. */
export async function setUpStudy(h: Harness, users: ClinicalUsers, options: StudySetUp = {}) {
  const studyRes = await h.request(users.coordinator, 'POST', '/api/v1/studies', {
    code: options.code ?? randomCode(),
    title: 'GPC3 CAR-T for HCC',
    indication: 'hcc',
    phase: '1',
  });
  expect(studyRes.statusCode, studyRes.body).toBe(201);
  const study = studyRes.json<{ id: string; code: string; title: string }>();
  const draft = await h.request(users.coordinator, 'POST', `/api/v1/clinical/studies/${study.id}/protocols`, {
    ...(options.arms ? { arms: options.arms } : {}),
    ...(options.criteria ? { criteria: options.criteria } : {}),
    ...(options.randomization ? { randomization: options.randomization } : {}),
  });
  expect(draft.statusCode, draft.body).toBe(201);
  const approved = await h.request(users.physician, 'POST', `/api/v1/clinical/protocols/${draft.json<{ id: string }>().id}/approve`, {
    signature: { password: users.physician.password, meaning: 'Approved as investigator' },
  });
  expect(approved.statusCode, approved.body).toBe(200);
  const protocol = approved.json<ProtocolVersionFixture>();
  const ethicsRes = await h.request(users.coordinator, 'POST', `/api/v1/clinical/studies/${study.id}/ethics-approvals`, {
    committee: 'Hospital Ethics Committee',
    approvalNumber: `EC-${study.code}`,
    approvedOn: day(-30),
    expiresOn: options.ethicsExpiresOn ?? day(365),
    protocolVersionId: protocol.id,
  });
  expect(ethicsRes.statusCode, ethicsRes.body).toBe(201);
  return { study, protocol, ethics: ethicsRes.json<EthicsFixture>() };
}

/** A new patient screened for the study (status `screening`). */
export async function screenSubject(
  h: Harness,
  users: ClinicalUsers,
  studyId: string,
  options: { sex?: 'female' | 'male'; birthDate?: string; screenedAt?: string } = {},
) {
  const patient = await h.request(users.coordinator, 'POST', '/api/v1/patients', {
    sex: options.sex ?? 'male',
    birthDate: options.birthDate ?? '1965-03-14',
    name: '测试 受试者',
    mrn: `M${Math.floor(Math.random() * 1e9)}`,
  });
  expect(patient.statusCode, patient.body).toBe(201);
  const patientId = patient.json<{ id: string }>().id;
  const res = await h.request(users.coordinator, 'POST', `/api/v1/clinical/studies/${studyId}/screenings`, {
    patientId,
    ...(options.screenedAt ? { screenedAt: options.screenedAt } : {}),
  });
  expect(res.statusCode, res.body).toBe(201);
  return { subject: res.json<SubjectFixture>(), patientId };
}

/** Enters screening data (PUT screening-data) and expects it accepted. */
export async function enterScreeningData(h: Harness, users: ClinicalUsers, subjectId: string, body: Record<string, unknown>) {
  const res = await h.request(users.coordinator, 'PUT', `/api/v1/clinical/subjects/${subjectId}/screening-data`, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Record<string, unknown>>();
}
