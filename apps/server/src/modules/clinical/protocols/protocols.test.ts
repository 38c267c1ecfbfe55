/**
 * Protocol versions, registrations and ethics approvals through the API (docs/clinical/protocols-api.md):
 * draft → signed effective (frozen) → amended v2 superseding v1; registration number formats; an expired
 * ethics approval blocks screening and enrollment; bad rules named at their field; refused roles.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type TestUser } from '../../../test/harness';
import { createStudy } from '../../../test/fixtures';
import { clinicalUsers, screenSubject, setUpStudy, type ClinicalUsers } from '../clinical.fixtures';

type Problem = { code: string; params?: Record<string, unknown>; errors?: { path: string }[] };
type Version = { id: string; version: number; status: string; title: string; signatures: unknown[]; criteria: { code: string }[]; arms: { code: string }[] };
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('clinical protocols', () => {
  let h: Harness;
  let users: ClinicalUsers;
  let researcher: TestUser;
  let nurse: TestUser;
  let operator: TestUser;
  beforeAll(async () => {
    h = await createHarness();
    users = await clinicalUsers(h);
    researcher = await h.createTestUser({ roles: ['researcher'] });
    nurse = await h.createTestUser({ roles: ['nurse'] });
    operator = await h.createTestUser({ roles: ['operator'] });
  });
  afterAll(() => h.close());

  const count = async (table: string) => (await h.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;
  const snapshot = async () => [await count('protocol_versions'), await count('eligibility_criteria'), await count('audit_events')];
  const sign = (u: TestUser) => ({ signature: { password: u.password, meaning: 'Approved as investigator' } });

  it('creates, patches with a reason, approves with a signature (then frozen), amends to v2 which supersedes v1', async () => {
    const study = await createStudy(h, users.coordinator);
    const base = `/api/v1/clinical/studies/${study.id}/protocols`;
    expect((await h.request(researcher, 'POST', base, {})).statusCode).toBe(403);
    expect((await h.request(null, 'POST', base, {})).statusCode).toBe(401);
    const created = await h.request(users.coordinator, 'POST', base, { criteria: [{ code: 'I1', kind: 'inclusion', text: 'Age 18–75', rule: { type: 'age', min: 18, max: 75 } }] });
    expect(created.statusCode, created.body).toBe(201);
    const v1 = created.json<Version>();
    expect(v1).toMatchObject({ version: 1, status: 'draft', arms: [{ code: 'A' }] });
    expect((await h.request(users.coordinator, 'POST', base, {})).json<Problem>().code).toBe('protocol.exists');

    const noReason = await h.request(users.coordinator, 'PATCH', `/api/v1/clinical/protocols/${v1.id}`, { title: 'New title' });
    expect(noReason.statusCode).toBe(400);
    const patched = await h.request(users.coordinator, 'PATCH', `/api/v1/clinical/protocols/${v1.id}`, { reason: 'Sponsor wording', title: 'New title' });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json<Version>().title).toBe('New title');

    expect((await h.request(users.coordinator, 'POST', `/api/v1/clinical/protocols/${v1.id}/approve`, sign(users.coordinator))).statusCode).toBe(403);
    const before = await snapshot();
    const wrong = await h.request(users.physician, 'POST', `/api/v1/clinical/protocols/${v1.id}/approve`, { signature: { password: 'not-the-password', meaning: 'Approved' } });
    expect(wrong.statusCode).toBe(401);
    expect((await h.request(users.coordinator, 'GET', `/api/v1/clinical/protocols/${v1.id}`)).json<Version>().status).toBe('draft');
    expect((await snapshot()).slice(0, 2)).toEqual(before.slice(0, 2));
    const approved = await h.request(users.physician, 'POST', `/api/v1/clinical/protocols/${v1.id}/approve`, sign(users.physician));
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json<Version>().status).toBe('effective');
    expect(approved.json<Version>().signatures).toHaveLength(1);
    const frozen = await h.request(users.coordinator, 'PATCH', `/api/v1/clinical/protocols/${v1.id}`, { reason: 'Late change', title: 'X' });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json<Problem>().code).toBe('protocol.frozen');
    const again = await h.request(users.physician, 'POST', `/api/v1/clinical/protocols/${v1.id}/approve`, sign(users.physician));
    expect(again.statusCode).toBe(409);
    expect(again.json<Problem>().code).toBe('protocol.not_draft');

    const amended = await h.request(users.coordinator, 'POST', `/api/v1/clinical/protocols/${v1.id}/amend`, { reason: 'Amendment 1' });
    expect(amended.statusCode, amended.body).toBe(201);
    const v2 = amended.json<Version>();
    expect(v2).toMatchObject({ version: 2, status: 'draft', criteria: [{ code: 'I1' }] });
    expect((await h.request(users.coordinator, 'POST', `/api/v1/clinical/protocols/${v1.id}/amend`, { reason: 'Again' })).json<Problem>().code).toBe('protocol.draft_exists');
    expect((await h.request(users.physician, 'POST', `/api/v1/clinical/protocols/${v2.id}/approve`, sign(users.physician))).statusCode).toBe(200);
    const list = await h.request(researcher, 'GET', base);
    expect(list.json<{ items: Version[] }>().items.map((v) => [v.version, v.status])).toEqual([
      [2, 'effective'],
      [1, 'superseded'],
    ]);
  });

  it('names an unknown rule type, an unknown lab unit and a multi-arm protocol without randomization; nothing changes', async () => {
    const study = await createStudy(h, users.coordinator);
    const base = `/api/v1/clinical/studies/${study.id}/protocols`;
    const before = await snapshot();
    const unit = await h.request(users.coordinator, 'POST', base, {
      criteria: [
        { code: 'I1', kind: 'inclusion', text: 'Adult', rule: { type: 'age', min: 18 } },
        { code: 'I2', kind: 'inclusion', text: 'Bilirubin ≤ 3', rule: { type: 'lab', analyte: 'bilirubin', comparator: '<=', value: 3, unit: 'furlongs' } },
      ],
    });
    expect(unit.statusCode).toBe(422);
    expect(unit.json<Problem>().errors![0]!.path).toBe('body.criteria.1.rule.unit');
    const type = await h.request(users.coordinator, 'POST', base, { criteria: [{ code: 'I1', kind: 'inclusion', text: 'X', rule: { type: 'horoscope' } }] });
    expect(type.statusCode).toBe(422);
    expect(type.json<Problem>().errors![0]!.path).toBe('body.criteria.0.rule.type');
    expect(await snapshot()).toEqual(before);
    const twoArms = await h.request(users.coordinator, 'POST', base, { arms: [{ code: 'A', name: 'A', ratio: 1 }, { code: 'B', name: 'B', ratio: 1 }] });
    expect(twoArms.statusCode).toBe(201);
    const refused = await h.request(users.physician, 'POST', `/api/v1/clinical/protocols/${twoArms.json<Version>().id}/approve`, sign(users.physician));
    expect(refused.statusCode).toBe(422);
    expect(refused.json<Problem>().code).toBe('protocol.randomization_required');
  });

  it('checks registration numbers per kind and refuses duplicates', async () => {
    const study = await createStudy(h, users.coordinator);
    const url = `/api/v1/clinical/studies/${study.id}/registrations`;
    const before = await count('regulatory_registrations');
    for (const [kind, number] of [['chictr', 'ChiCTR24000812'], ['clinicaltrials_gov', 'NCT0512345'], ['nmpa_ind', 'cx sl']]) {
      const res = await h.request(users.coordinator, 'POST', url, { kind, number });
      expect(res.statusCode, `${kind} ${number}`).toBe(422);
      expect(res.json<Problem>()).toMatchObject({ code: 'registration.bad_number', errors: [{ path: 'body.number' }] });
    }
    expect(await count('regulatory_registrations')).toBe(before);
    const nhc = await h.request(users.coordinator, 'POST', url, { kind: 'nhc_iit_filing', number: 'IIT-2024-001' });
    expect(nhc.json<Problem>().errors![0]!.path).toBe('body.filedOn');
    for (const [kind, number] of [['chictr', 'ChiCTR2400081234'], ['clinicaltrials_gov', 'NCT05123456'], ['nmpa_ind', 'CXSL2400123']]) {
      const res = await h.request(users.coordinator, 'POST', url, { kind, number });
      expect(res.statusCode, res.body).toBe(201);
    }
    expect((await h.request(users.coordinator, 'POST', url, { kind: 'chictr', number: 'ChiCTR2400081234' })).json<Problem>().code).toBe('registration.duplicate');
    expect((await h.request(nurse, 'POST', url, { kind: 'chictr', number: 'ChiCTR2400089999' })).statusCode).toBe(403);
    const list = await h.request(researcher, 'GET', url);
    expect(list.json<{ items: unknown[] }>().items).toHaveLength(3);
  });

  it('files ethics approvals; an expired approval blocks screening and enrollment naming it', async () => {
    const { study, protocol, ethics } = await setUpStudy(h, users);
    const url = `/api/v1/clinical/studies/${study.id}/ethics-approvals`;
    const reversed = await h.request(users.coordinator, 'POST', url, { committee: 'EC', approvalNumber: 'EC-X', approvedOn: day(-1), expiresOn: day(-2), protocolVersionId: protocol.id });
    expect(reversed.json<Problem>()).toMatchObject({ code: 'ethics.expiry_before_approval', errors: [{ path: 'body.expiresOn' }] });
    const other = await setUpStudy(h, users);
    const foreign = await h.request(users.coordinator, 'POST', url, { committee: 'EC', approvalNumber: 'EC-Y', approvedOn: day(-1), expiresOn: day(30), protocolVersionId: other.protocol.id });
    expect(foreign.json<Problem>()).toMatchObject({ code: 'ethics.protocol_other_study', errors: [{ path: 'body.protocolVersionId' }] });
    const list = await h.request(researcher, 'GET', url);
    expect(list.json<{ items: { approvalNumber: string; expired: boolean }[] }>().items).toMatchObject([{ approvalNumber: ethics.approvalNumber, expired: false }]);

    const { subject } = await screenSubject(h, users, study.id);
    const expired = await setUpStudy(h, users, { ethicsExpiresOn: day(-1) });
    const patient = await h.request(users.coordinator, 'POST', '/api/v1/patients', { sex: 'female', birthDate: '1960-01-01', name: '伦理 过期', mrn: `E${Math.floor(Math.random() * 1e9)}` });
    const screening = await h.request(users.coordinator, 'POST', `/api/v1/clinical/studies/${expired.study.id}/screenings`, { patientId: patient.json<{ id: string }>().id });
    expect(screening.statusCode).toBe(409);
    expect(screening.json<Problem>()).toMatchObject({ code: 'ethics.expired', params: { approvalNumber: expired.ethics.approvalNumber } });

    // Retiring the study's approval, then filing an expired one: enrollment of the screened subject is refused.
    const retired = await h.request(users.coordinator, 'POST', `/api/v1/clinical/ethics-approvals/${ethics.id}/retire`, { reason: 'Replaced' });
    expect(retired.statusCode, retired.body).toBe(200);
    const missing = await h.request(users.coordinator, 'POST', `/api/v1/clinical/subjects/${subject.id}/enroll`, {});
    expect(missing.json<Problem>().code).toBe('ethics.missing');
    const old = await h.request(users.coordinator, 'POST', url, { committee: 'EC', approvalNumber: 'EC-OLD', approvedOn: day(-400), expiresOn: day(-1), protocolVersionId: protocol.id });
    expect(old.statusCode, old.body).toBe(201);
    const enroll = await h.request(users.coordinator, 'POST', `/api/v1/clinical/subjects/${subject.id}/enroll`, {});
    expect(enroll.statusCode).toBe(409);
    expect(enroll.json<Problem>()).toMatchObject({ code: 'ethics.expired', params: { approvalNumber: 'EC-OLD' } });
    expect((await h.request(users.coordinator, 'GET', `/api/v1/clinical/subjects/${subject.id}`)).json<{ status: string }>().status).toBe('screening');
    expect((await h.request(operator, 'GET', url)).statusCode).toBe(403);
  });
});
