/**
 * Screening, eligibility, waivers, screen failure and enrollment through the API (docs/clinical/protocols-api.md):
 * the deciding criterion, waivers signed as protocol deviations, the consent gate, the screening log and
 * concealed, reproducible stratified randomization. Bad input changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allocationAt, allocationBlock } from '@hepatica/core';
import { createHarness, type Harness, type TestUser } from '../../../test/harness';
import { clinicalUsers, enterScreeningData, screenSubject, setUpStudy, type ClinicalUsers } from '../clinical.fixtures';
import { protocolVersions } from '../protocols/protocols.tables';

type Problem = { code: string; params?: Record<string, unknown>; errors?: { path: string }[] };
const CHILD_PUGH_AB = { code: 'I1', kind: 'inclusion', text: 'Child-Pugh A or B', rule: { type: 'child_pugh', classes: ['A', 'B'] } };
/** Child-Pugh C: bilirubin > 3 mg/dL, albumin < 2.8 g/dL, INR > 2.3, moderate ascites, grade 3–4 encephalopathy = 15 points (Pugh 1973). */
const CLASS_C = { labs: { bilirubin: { value: 4, unit: 'mg/dL' }, albumin: { value: 2.5, unit: 'g/dL' }, inr: { value: 2.5 } }, ascites: 'moderate', encephalopathy: 'grade_3_4' };
const CLASS_A = { labs: { bilirubin: { value: 1, unit: 'mg/dL' }, albumin: { value: 4, unit: 'g/dL' }, inr: { value: 1 } }, ascites: 'none', encephalopathy: 'none' };

describe('screening and enrollment', () => {
  let h: Harness;
  let users: ClinicalUsers;
  let researcher: TestUser;
  let operator: TestUser;
  let partner: TestUser;
  beforeAll(async () => {
    h = await createHarness();
    users = await clinicalUsers(h);
    researcher = await h.createTestUser({ roles: ['researcher'] });
    operator = await h.createTestUser({ roles: ['operator'] });
    partner = await h.createTestUser({ roles: ['partner'] });
  });
  afterAll(() => h.close());

  const count = async (table: string) => (await h.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;
  const sig = (u: TestUser, meaning = 'Waived as investigator') => ({ password: u.password, meaning });

  /** Gives the subject a valid consent on an approved document of the protocol, as the consent tests do. */
  const documents = new Map<string, string>();
  const consent = async (protocolId: string, subjectId: string) => {
    if (!documents.has(protocolId)) {
      const doc = await h.request(users.coordinator, 'POST', `/api/v1/clinical/protocols/${protocolId}/consent-documents`, { language: 'zh-CN', versionLabel: '1.0', title: '知情同意书' });
      expect(doc.statusCode, doc.body).toBe(201);
      const approved = await h.request(users.coordinator, 'POST', `/api/v1/clinical/consent-documents/${doc.json<{ id: string }>().id}/approve`, {
        approvedOn: new Date().toISOString().slice(0, 10),
        signature: sig(users.coordinator, 'Ethics approval recorded'),
      });
      expect(approved.statusCode, approved.body).toBe(200);
      documents.set(protocolId, doc.json<{ id: string }>().id);
    }
    const documentId = documents.get(protocolId)!;
    const res = await h.request(users.coordinator, 'POST', `/api/v1/clinical/subjects/${subjectId}/consents`, {
      documentId,
      consentedAt: new Date(Date.now() - 60_000).toISOString(),
      consentedBy: 'subject',
      investigatorId: users.physician.id,
      signature: sig(users.coordinator, 'Consent recorded'),
    });
    expect(res.statusCode, res.body).toBe(201);
  };

  it('numbers screenings, shows identity only to identity:read and refuses operator, partner and anonymous', async () => {
    const { study } = await setUpStudy(h, users);
    const a = await screenSubject(h, users, study.id);
    const b = await screenSubject(h, users, study.id);
    expect(a.subject.screeningNumber).toBe(`${study.code}-S001`);
    expect(b.subject.screeningNumber).toBe(`${study.code}-S002`);
    const asCoordinator = await h.request(users.coordinator, 'GET', `/api/v1/clinical/subjects/${a.subject.id}`);
    expect(asCoordinator.json<{ patientName?: string }>().patientName).toBe('测试 受试者');
    const asResearcher = await h.request(researcher, 'GET', `/api/v1/clinical/subjects/${a.subject.id}`);
    expect(asResearcher.statusCode).toBe(200);
    expect(asResearcher.body).not.toContain('测试');
    expect(asResearcher.json()).not.toHaveProperty('mrn');
    const log = await h.request(researcher, 'GET', `/api/v1/clinical/studies/${study.id}/screening-log`);
    expect(log.body).not.toContain('测试');
    for (const u of [operator, partner]) expect((await h.request(u, 'GET', `/api/v1/clinical/subjects/${a.subject.id}`)).statusCode).toBe(403);
    expect((await h.request(null, 'GET', `/api/v1/clinical/subjects/${a.subject.id}`)).statusCode).toBe(401);
    expect((await h.request(researcher, 'POST', `/api/v1/clinical/studies/${study.id}/screenings`, { patientId: a.patientId })).statusCode).toBe(403);
    const again = await h.request(users.coordinator, 'POST', `/api/v1/clinical/studies/${study.id}/screenings`, { patientId: a.patientId });
    expect(again.statusCode).toBe(409);
    expect(again.json<Problem>().code).toBe('subject.already_in_study');
  });

  it('decides eligibility by the failing criterion; a signed waiver is a deviation and then enrollment needs consent', async () => {
    const { study, protocol } = await setUpStudy(h, users, { criteria: [CHILD_PUGH_AB] });
    const { subject } = await screenSubject(h, users, study.id);
    const incomplete = await h.request(users.coordinator, 'GET', `/api/v1/clinical/subjects/${subject.id}/eligibility`);
    expect(incomplete.json<{ status: string }>().status).toBe('incomplete');
    await enterScreeningData(h, users, subject.id, CLASS_C);
    const el = await h.request(researcher, 'GET', `/api/v1/clinical/subjects/${subject.id}/eligibility`);
    expect(el.statusCode, el.body).toBe(200);
    const e = el.json<{ status: string; decidedBy: { code: string; kind: string; text: string }; criteria: { value: unknown; passes: boolean }[] }>();
    expect(e.status).toBe('ineligible');
    expect(e.decidedBy).toMatchObject({ code: 'I1', kind: 'inclusion', text: 'Child-Pugh A or B', outcome: 'not_met' });
    expect(e.criteria[0]).toMatchObject({ value: 'C', passes: false });

    const refused = await h.request(users.coordinator, 'POST', `/api/v1/clinical/subjects/${subject.id}/enroll`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json<Problem>()).toMatchObject({ code: 'enrollment.ineligible', params: { criterionCode: 'I1' } });

    const criterionId = protocol.criteria[0]!.id;
    const deviationAudits = async () => (await h.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events WHERE entity_type = 'protocol_deviation'`))[0]!.n;
    const before = [await count('protocol_deviations'), await deviationAudits()];
    const unsigned = await h.request(users.physician, 'POST', `/api/v1/clinical/subjects/${subject.id}/waivers`, { criterionId, reason: 'Investigator judgement' });
    expect(unsigned.statusCode).toBe(422);
    expect(unsigned.json<Problem>().errors![0]!.path).toBe('body.signature');
    const wrong = await h.request(users.physician, 'POST', `/api/v1/clinical/subjects/${subject.id}/waivers`, { criterionId, reason: 'Investigator judgement', signature: { password: 'wrong-password', meaning: 'Waived' } });
    expect(wrong.statusCode).toBe(401);
    expect((await h.request(users.coordinator, 'POST', `/api/v1/clinical/subjects/${subject.id}/waivers`, { criterionId, reason: 'x', signature: sig(users.coordinator) })).statusCode).toBe(403);
    expect([await count('protocol_deviations'), await deviationAudits()]).toEqual(before);

    const waiver = await h.request(users.physician, 'POST', `/api/v1/clinical/subjects/${subject.id}/waivers`, { criterionId, reason: 'Investigator judgement', signature: sig(users.physician) });
    expect(waiver.statusCode, waiver.body).toBe(201);
    expect(waiver.json()).toMatchObject({ kind: 'eligibility_waiver', criterionCode: 'I1' });
    const deviations = await h.request(researcher, 'GET', `/api/v1/clinical/subjects/${subject.id}/deviations`);
    expect(deviations.json<{ items: unknown[] }>().items).toHaveLength(1);
    const detail = (await h.request(users.coordinator, 'GET', `/api/v1/clinical/subjects/${subject.id}`)).json<{ screeningData: Record<string, unknown>; waivers: { criterionCode: string; signedBy: string }[] }>();
    expect(detail.screeningData).toMatchObject({ childPughClass: 'C', ascites: 'moderate' });
    expect(detail.waivers).toMatchObject([{ criterionCode: 'I1', signedBy: expect.any(String) }]);

    const noConsent = await h.request(users.coordinator, 'POST', `/api/v1/clinical/subjects/${subject.id}/enroll`, {});
    expect(noConsent.statusCode, noConsent.body).toBe(409);
    expect(noConsent.json<Problem>().code).toMatch(/^consent\./);
    await consent(protocol.id, subject.id);
    const enrolled = await h.request(users.coordinator, 'POST', `/api/v1/clinical/subjects/${subject.id}/enroll`, {});
    expect(enrolled.statusCode, enrolled.body).toBe(200);
    expect(enrolled.json()).toMatchObject({ status: 'enrolled', subjectNumber: `${study.code}-001`, armCode: 'A' });
  });

  it('refuses bad screening data at its field and a change without a reason; nothing changes', async () => {
    const { study } = await setUpStudy(h, users, { criteria: [CHILD_PUGH_AB] });
    const { subject } = await screenSubject(h, users, study.id);
    const url = `/api/v1/clinical/subjects/${subject.id}/screening-data`;
    const before = [await count('screening_data'), await count('audit_events')];
    const unit = await h.request(users.coordinator, 'PUT', url, { labs: { bilirubin: { value: 1, unit: 'furlongs' } } });
    expect(unit.statusCode).toBe(422);
    expect(unit.json<Problem>().errors![0]!.path).toMatch(/^body\.labs\.bilirubin/);
    const ecog = await h.request(users.coordinator, 'PUT', url, { ecog: 7 });
    expect(ecog.statusCode).toBe(400);
    expect((await h.request(researcher, 'PUT', url, { ecog: 1 })).statusCode).toBe(403);
    expect((await h.request(null, 'PUT', url, { ecog: 1 })).statusCode).toBe(401);
    expect([await count('screening_data'), await count('audit_events')]).toEqual(before);
    await enterScreeningData(h, users, subject.id, CLASS_A);
    const noReason = await h.request(users.coordinator, 'PUT', url, CLASS_C);
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json<Problem>().errors![0]!.path).toBe('body.reason');
    await enterScreeningData(h, users, subject.id, { ...CLASS_C, reason: 'Labs repeated' });
    const el = await h.request(users.coordinator, 'GET', `/api/v1/clinical/subjects/${subject.id}/eligibility`);
    expect(el.json<{ status: string }>().status).toBe('ineligible');
  });

  it('records a screen failure with its reason in the screening log with the counts', async () => {
    const { study } = await setUpStudy(h, users, { criteria: [CHILD_PUGH_AB] });
    const failed = await screenSubject(h, users, study.id);
    const eligible = await screenSubject(h, users, study.id);
    await enterScreeningData(h, users, eligible.subject.id, CLASS_A);
    const bad = await h.request(users.coordinator, 'POST', `/api/v1/clinical/subjects/${failed.subject.id}/screen-failure`, {});
    expect(bad.statusCode).toBe(400);
    const res = await h.request(users.coordinator, 'POST', `/api/v1/clinical/subjects/${failed.subject.id}/screen-failure`, { reason: 'Withdrew before screening completed' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'screen_failed', screenFailureReason: 'Withdrew before screening completed' });
    const twice = await h.request(users.coordinator, 'POST', `/api/v1/clinical/subjects/${failed.subject.id}/screen-failure`, { reason: 'again' });
    expect(twice.json<Problem>().code).toBe('subject.not_screening');
    const log = await h.request(users.coordinator, 'GET', `/api/v1/clinical/studies/${study.id}/screening-log`);
    expect(log.statusCode, log.body).toBe(200);
    const body = log.json<{ counts: Record<string, number>; items: { id: string; screenFailureReason: string | null; eligibility: string; decidedBy: unknown }[] }>();
    expect(body.items.find((i) => i.id === eligible.subject.id)).toMatchObject({ eligibility: 'eligible', decidedBy: null });
    expect(body.counts).toEqual({ screened: 2, screening: 1, eligible: 1, failed: 1, enrolled: 0 });
    expect(body.items.find((i) => i.id === failed.subject.id)!.screenFailureReason).toBe('Withdrew before screening completed');
  });

  it('randomizes 1:1 in permuted blocks per stratum, audited and reproducible from the stored seed, concurrent enrollments distinct', async () => {
    const { study, protocol } = await setUpStudy(h, users, {
      arms: [{ code: 'A', name: 'CAR-T', ratio: 1 }, { code: 'B', name: 'Control', ratio: 1 }],
      randomization: { blockSizes: [2, 4], factors: [{ name: 'region', levels: ['north', 'south'] }] },
    });
    const subjects: string[] = [];
    for (let i = 0; i < 6; i++) {
      const { subject } = await screenSubject(h, users, study.id);
      await enterScreeningData(h, users, subject.id, { strata: { region: 'north' } });
      await consent(protocol.id, subject.id);
      subjects.push(subject.id);
    }
    const missing = await screenSubject(h, users, study.id);
    await consent(protocol.id, missing.subject.id);
    const noStratum = await h.request(users.coordinator, 'POST', `/api/v1/clinical/subjects/${missing.subject.id}/enroll`, {});
    expect(noStratum.statusCode).toBe(422);
    expect(noStratum.json<Problem>()).toMatchObject({ code: 'randomization.stratum_missing', params: { factor: 'region' } });

    const first = await Promise.all(subjects.slice(0, 2).map((id) => h.request(users.coordinator, 'POST', `/api/v1/clinical/subjects/${id}/enroll`, {})));
    const rest = [];
    for (const id of subjects.slice(2)) rest.push(await h.request(users.coordinator, 'POST', `/api/v1/clinical/subjects/${id}/enroll`, {}));
    const all = [...first, ...rest].map((r) => {
      expect(r.statusCode, r.body).toBe(200);
      return r.json<{ id: string; armCode: string; subjectNumber: string; randomization: { stratum: string; blockNumber: number; position: number } }>();
    });
    expect(new Set(all.map((a) => a.subjectNumber)).size).toBe(6);

    const [row] = await h.database.db.select().from(protocolVersions).where((await import('drizzle-orm')).eq(protocolVersions.id, protocol.id));
    const seed = row!.randomizationSeed!;
    const events = await h.database.query<{ entity_id: string; after: Record<string, unknown> }>(`SELECT entity_id, "after" FROM audit_events WHERE entity_type = 'randomization_assignment' AND action = 'assign'`);
    const mine = events.filter((e) => subjects.includes(e.entity_id));
    expect(mine).toHaveLength(6);
    const sequences = mine.map((e) => e.after.sequence as number).sort((a, b) => a - b);
    expect(sequences).toEqual([1, 2, 3, 4, 5, 6]);
    const scheme = { arms: [{ code: 'A', ratio: 1 }, { code: 'B', ratio: 1 }], blockSizes: [2, 4] };
    for (const e of mine) {
      expect(e.after).toMatchObject({ stratum: expect.any(String), seedRef: expect.stringMatching(/^[0-9a-f]{16}$/) });
      const replay = allocationAt(seed, scheme, e.after.stratum as string, e.after.sequence as number);
      expect({ armCode: replay.armCode, blockNumber: replay.blockNumber, position: replay.position }).toEqual({ armCode: e.after.armCode, blockNumber: e.after.blockNumber, position: e.after.position });
      expect(all.find((a) => a.id === e.entity_id)!.armCode).toBe(e.after.armCode);
    }
    // The assignments follow the permuted blocks in order, and a complete block holds both arms equally (1:1).
    const ordered = [...mine].sort((x, y) => (x.after.sequence as number) - (y.after.sequence as number));
    const stratum = ordered[0]!.after.stratum as string;
    const blocks = [1, 2, 3].map((n) => allocationBlock(seed, scheme, stratum, n)).flat();
    expect(ordered.map((e) => e.after.armCode)).toEqual(blocks.slice(0, 6));
    const firstBlock = allocationBlock(seed, scheme, stratum, 1);
    expect(firstBlock.filter((c) => c === 'A').length * 2).toBe(firstBlock.length);
    // Concealment: no route shows the seed or the allocation list.
    const views = await Promise.all([`/api/v1/clinical/protocols/${protocol.id}`, `/api/v1/clinical/studies/${study.id}/screening-log`, `/api/v1/clinical/subjects/${missing.subject.id}`].map((p) => h.request(users.coordinator, 'GET', p)));
    for (const v of views) {
      expect(v.body).not.toContain(seed);
      expect(v.body).not.toContain('randomizationSeed');
    }
  });
});
