/**
 * Informed consent through the API: documents and re-consent marking, the rules of a consent record, the
 * scopes of a withdrawal and what continues after each, refused roles; bad input changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type TestUser } from '../../../test/harness';
import { createStudy } from '../../../test/fixtures';
import { enrolledSubject, effectiveProtocol } from './consent.fixtures';

type Problem = { code: string; detail: string; params?: Record<string, unknown>; errors?: { path: string; message: string }[] };
type Doc = { id: string; status: string; versionLabel: string; approvedOn: string | null; effectiveFrom: string | null; signatures: { meaning: string; valid: boolean }[]; reconsentMarked?: number; supersededById: string | null };
type Status = {
  status: string;
  current: { id: string; document: { versionLabel: string }; investigator: { name: string }; lar: unknown; witness: unknown; optionalParts: Record<string, boolean>; signatures: { valid: boolean }[] } | null;
  reconsent: { reason: string; versionLabel: string } | null;
  continues: { treatment: boolean; visits: boolean; safetyFollowUp: boolean; collectedDataKept: boolean; optionalParts: Record<string, boolean> };
  records: unknown[];
  withdrawals: { scope: string }[];
  history: { kind: string }[];
};

const DAY = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
const at = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString();
const PARTS = [
  { code: 'future_use_of_samples', label: 'Future use of samples' },
  { code: 'genetic_research', label: 'Genetic research' },
];

describe('informed consent', () => {
  let h: Harness;
  let coordinator: TestUser;
  let physician: TestUser;
  let nurse: TestUser;
  let researcher: TestUser;
  let studyId: string;
  let studyCode: string;
  let protocolId: string;
  beforeAll(async () => {
    h = await createHarness();
    coordinator = await h.createTestUser({ roles: ['coordinator'] });
    physician = await h.createTestUser({ roles: ['physician'] });
    nurse = await h.createTestUser({ roles: ['nurse'] });
    researcher = await h.createTestUser({ roles: ['researcher'] });
    const study = await createStudy(h, coordinator);
    studyId = study.id;
    studyCode = study.code;
    protocolId = (await effectiveProtocol(h.database.db, studyId, new Date(Date.now() - 90 * DAY))).protocol.id;
  });
  afterAll(() => h.close());

  const count = async (table: string) => (await h.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;
  const audits = () => count('audit_events');
  const sig = (u: TestUser, meaning = 'Recorded') => ({ password: u.password, meaning });

  const draft = async (versionLabel: string, language = 'zh-CN', optionalParts = PARTS) => {
    const res = await h.request(coordinator, 'POST', `/api/v1/clinical/protocols/${protocolId}/consent-documents`, { language, versionLabel, title: '知情同意书', optionalParts });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Doc>();
  };
  const approve = async (id: string, approvedOn = day(-60)) => {
    const res = await h.request(coordinator, 'POST', `/api/v1/clinical/consent-documents/${id}/approve`, { approvedOn, signature: sig(coordinator, 'Ethics approval recorded') });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Doc>();
  };
  const subject = async () => {
    const patient = await h.request(coordinator, 'POST', '/api/v1/patients', { sex: 'female', birthDate: '1970-01-02', name: '测试 同意', mrn: `C${Math.floor(Math.random() * 1e9)}` });
    expect(patient.statusCode, patient.body).toBe(201);
    return enrolledSubject(h.database.db, patient.json<{ id: string }>().id, protocolId, studyId, studyCode, new Date(Date.now() - 10 * DAY));
  };
  const consentBody = (documentId: string, more: Record<string, unknown> = {}) => ({
    documentId,
    consentedAt: at(-20),
    consentedBy: 'subject',
    investigatorId: physician.id,
    optionalParts: { future_use_of_samples: true, genetic_research: true },
    signature: sig(coordinator, 'Consent recorded'),
    ...more,
  });
  const consent = (subjectId: string, body: unknown, user: TestUser | null = coordinator) => h.request(user, 'POST', `/api/v1/clinical/subjects/${subjectId}/consents`, body);
  const status = async (subjectId: string) => {
    const res = await h.request(researcher, 'GET', `/api/v1/clinical/subjects/${subjectId}/consent`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Status>();
  };
  const withdraw = (subjectId: string, body: Record<string, unknown>) =>
    h.request(physician, 'POST', `/api/v1/clinical/subjects/${subjectId}/consent-withdrawals`, { withdrawnAt: at(-1), reason: 'Subject decision', signature: sig(physician, 'Withdrawal recorded'), ...body });

  describe('documents', () => {
    it('drafts a document per protocol version and language and approves it with a signature', async () => {
      const doc = await draft('D-1.0', 'en');
      expect(doc).toMatchObject({ status: 'draft', versionLabel: 'D-1.0', approvedOn: null });
      const approved = await approve(doc.id, day(-45));
      expect(approved).toMatchObject({ status: 'approved', approvedOn: day(-45), effectiveFrom: day(-45), reconsentMarked: 0 });
      expect(approved.signatures).toEqual([expect.objectContaining({ meaning: 'Ethics approval recorded', valid: true })]);
      const list = await h.request(researcher, 'GET', `/api/v1/clinical/studies/${studyId}/consent-documents`);
      expect(list.json<{ items: Doc[] }>().items.map((d) => d.id)).toContain(doc.id);
      const again = await h.request(coordinator, 'POST', `/api/v1/clinical/consent-documents/${doc.id}/approve`, { approvedOn: day(-1), signature: sig(coordinator) });
      expect(again.statusCode).toBe(409);
      expect(again.json<Problem>().code).toBe('consent_document.not_draft');
    });

    it('refuses bad documents and approvals, changing nothing', async () => {
      const before = await audits();
      const dup = await h.request(coordinator, 'POST', `/api/v1/clinical/protocols/${protocolId}/consent-documents`, { language: 'en', versionLabel: 'X', title: 'T', optionalParts: [PARTS[0], PARTS[0]] });
      expect(dup.statusCode).toBe(422);
      expect(dup.json<Problem>().errors?.[0]?.path).toBe('body.optionalParts.1.code');
      const lang = await h.request(coordinator, 'POST', `/api/v1/clinical/protocols/${protocolId}/consent-documents`, { language: 'fr', versionLabel: 'X', title: 'T' });
      expect(lang.statusCode).toBe(400);
      expect(JSON.stringify(lang.json())).toContain('body.language');
      const unknownProtocol = await h.request(coordinator, 'POST', '/api/v1/clinical/protocols/00000000-0000-4000-8000-000000000000/consent-documents', { language: 'en', versionLabel: 'X', title: 'T' });
      expect(unknownProtocol.statusCode).toBe(404);
      const sameLabel = await h.request(coordinator, 'POST', `/api/v1/clinical/protocols/${protocolId}/consent-documents`, { language: 'en', versionLabel: 'D-1.0', title: 'T' });
      expect(sameLabel.statusCode).toBe(409);
      expect(sameLabel.json<Problem>().code).toBe('consent_document.version_exists');
      expect(await audits()).toBe(before);

      const doc = await draft('D-future', 'en');
      const afterDraft = await audits();
      const future = await h.request(coordinator, 'POST', `/api/v1/clinical/consent-documents/${doc.id}/approve`, { approvedOn: day(3), signature: sig(coordinator) });
      expect(future.statusCode).toBe(422);
      expect(future.json<Problem>()).toMatchObject({ code: 'consent_document.approved_in_future', errors: [{ path: 'body.approvedOn' }] });
      const early = await h.request(coordinator, 'POST', `/api/v1/clinical/consent-documents/${doc.id}/approve`, { approvedOn: day(-3), effectiveFrom: day(-5), signature: sig(coordinator) });
      expect(early.json<Problem>()).toMatchObject({ code: 'consent_document.effective_before_approval', errors: [{ path: 'body.effectiveFrom' }] });
      const wrongPassword = await h.request(coordinator, 'POST', `/api/v1/clinical/consent-documents/${doc.id}/approve`, { approvedOn: day(-3), signature: { password: 'not-it', meaning: 'x' } });
      expect(wrongPassword.statusCode).toBe(401);
      const stillDraft = await h.request(coordinator, 'GET', `/api/v1/clinical/consent-documents/${doc.id}`);
      expect(stillDraft.json<Doc>().status).toBe('draft');
      // The wrong password leaves its trace (the failure count), nothing else.
      expect(await audits()).toBeLessThanOrEqual(afterDraft + 1);
    });

    it('refuses roles without protocols:write or clinical:read', async () => {
      for (const user of [nurse, physician, researcher]) {
        const res = await h.request(user, 'POST', `/api/v1/clinical/protocols/${protocolId}/consent-documents`, { language: 'en', versionLabel: 'R', title: 'T' });
        expect(res.statusCode, user.username).toBe(403);
      }
      const qa = await h.createTestUser({ roles: ['qa'] });
      expect((await h.request(qa, 'GET', `/api/v1/clinical/studies/${studyId}/consent-documents`)).statusCode).toBe(403);
      expect((await h.request(null, 'GET', `/api/v1/clinical/studies/${studyId}/consent-documents`)).statusCode).toBe(401);
    });
  });

  describe('consent records and re-consent', () => {
    let v1: Doc;
    beforeAll(async () => {
      v1 = await approve((await draft('1.0')).id, day(-60));
    });

    it('shows none before any consent, then records a valid consent taken by the investigator', async () => {
      const s = await subject();
      expect((await status(s.id)).status).toBe('none');
      const res = await consent(s.id, consentBody(v1.id, { optionalParts: { future_use_of_samples: true, genetic_research: false } }));
      expect(res.statusCode, res.body).toBe(201);
      const st = await status(s.id);
      expect(st.status).toBe('valid');
      expect(st.continues).toEqual({ treatment: true, visits: true, safetyFollowUp: true, collectedDataKept: true, optionalParts: { future_use_of_samples: true, genetic_research: false } });
      expect(st.current).toMatchObject({ document: { versionLabel: '1.0' }, lar: null, witness: null });
      expect(st.current?.investigator.name).toContain(physician.username);
      expect(st.current?.signatures).toEqual([expect.objectContaining({ valid: true })]);
    });

    it('records a consent by a legally authorized representative with an impartial witness', async () => {
      const s = await subject();
      const res = await consent(s.id, consentBody(v1.id, { consentedBy: 'lar', lar: { name: '王 丽', relationship: 'spouse' }, subjectCanRead: false, witness: { name: '李 见证' } }));
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ consentedBy: 'lar', lar: { name: '王 丽', relationship: 'spouse' }, witness: { name: '李 见证' }, subjectCanRead: false });
    });

    it('refuses bad consent records with the field named, changing nothing', async () => {
      const s = await subject();
      const draftDoc = await draft('1.9-draft');
      const before = { records: await count('consent_records'), audits: await audits() };
      const cases: [Record<string, unknown>, number, string, string][] = [
        [{ consentedAt: at(-61) }, 422, 'consent.before_approval', 'body.consentedAt'],
        [{ consentedAt: at(2) }, 422, 'consent.in_future', 'body.consentedAt'],
        [{ consentedAt: '2026-01-01 10:00' }, 400, '', 'body.consentedAt'],
        [{ consentedBy: 'lar', witness: { name: 'W' }, lar: { relationship: 'son' } }, 422, 'consent.lar_required', 'body.lar.name'],
        [{ consentedBy: 'lar', lar: { name: 'A', relationship: 'son' } }, 422, 'consent.witness_required', 'body.witness.name'],
        [{ subjectCanRead: false }, 422, 'consent.witness_required', 'body.witness.name'],
        [{ documentId: '00000000-0000-4000-8000-000000000000' }, 422, 'consent.unknown_document', 'body.documentId'],
        [{ documentId: draftDoc.id }, 422, 'consent.document_not_approved', 'body.documentId'],
        [{ investigatorId: nurse.id }, 422, 'consent.investigator_not_permitted', 'body.investigatorId'],
        [{ investigatorId: researcher.id }, 422, 'consent.investigator_not_permitted', 'body.investigatorId'],
        [{ optionalParts: { future_use_of_samples: true } }, 422, 'consent.optional_part_unanswered', 'body.optionalParts.genetic_research'],
        [{ optionalParts: { future_use_of_samples: true, genetic_research: true, cloning: true } }, 422, 'consent.optional_part_unknown', 'body.optionalParts.cloning'],
        [{ signature: undefined }, 400, '', 'body.signature'],
        [{ signature: { password: 'wrong-password', meaning: 'x' } }, 401, 'signature.wrong_password', ''],
      ];
      for (const [more, code, problem, path] of cases) {
        const res = await consent(s.id, consentBody(v1.id, more));
        expect(res.statusCode, `${JSON.stringify(more)}: ${res.body}`).toBe(code);
        if (problem) expect(res.json<Problem>().code).toBe(problem);
        if (path) expect(JSON.stringify(res.json<Problem>().errors)).toContain(path);
      }
      expect(await count('consent_records')).toBe(before.records);
      // Only the wrong signature password leaves a trace: the signer's failure count.
      expect(await audits()).toBe(before.audits + 1);
      const unknownSubject = await consent('00000000-0000-4000-8000-000000000000', consentBody(v1.id));
      expect(unknownSubject.statusCode).toBe(404);
      expect((await status(s.id)).status).toBe('none');
    });

    it('refuses roles without consent:write', async () => {
      const s = await subject();
      for (const user of [nurse, researcher]) expect((await consent(s.id, consentBody(v1.id), user)).statusCode).toBe(403);
      expect((await consent(s.id, consentBody(v1.id), null)).statusCode).toBe(401);
      const partner = await h.createTestUser({ roles: ['partner'] });
      expect((await h.request(partner, 'GET', `/api/v1/clinical/subjects/${s.id}/consent`)).statusCode).toBe(403);
    });

    it('marks subjects consented on an earlier version for re-consent when a new version is approved', async () => {
      const consented = await subject();
      expect((await consent(consented.id, consentBody(v1.id))).statusCode).toBe(201);
      const withdrawn = await subject();
      expect((await consent(withdrawn.id, consentBody(v1.id))).statusCode).toBe(201);
      expect((await withdraw(withdrawn.id, { scope: 'complete' })).statusCode).toBe(201);
      const englishOnly = await subject();
      const en = (await h.request(coordinator, 'GET', `/api/v1/clinical/studies/${studyId}/consent-documents`)).json<{ items: (Doc & { language: string })[] }>().items.find((d) => d.language === 'en' && d.status === 'approved')!;
      expect((await consent(englishOnly.id, consentBody(en.id))).statusCode).toBe(201);
      const valid = async () => {
        const rows = await h.database.query<{ id: string }>(`SELECT DISTINCT subject_id AS id FROM consent_records r JOIN consent_documents d ON d.id = r.document_id WHERE d.language = 'zh-CN'`);
        return rows.length;
      };
      const zhSubjects = await valid();

      const v2 = await approve((await draft('2.0')).id, day(-5));
      // Every zh-CN subject but the one who withdrew completely; the English document is not superseded.
      expect(v2.reconsentMarked).toBe(zhSubjects - 1);
      expect((await h.request(coordinator, 'GET', `/api/v1/clinical/consent-documents/${v1.id}`)).json<Doc>()).toMatchObject({ status: 'superseded', supersededById: v2.id });
      const st = await status(consented.id);
      expect(st.status).toBe('reconsent_required');
      expect(st.reconsent?.versionLabel).toBe('2.0');
      expect(st.reconsent?.reason).toContain('version 1.0');
      expect(st.continues).toMatchObject({ treatment: false, visits: true });
      expect((await status(withdrawn.id)).status).toBe('withdrawn');
      expect((await status(englishOnly.id)).status).toBe('valid');

      const onOld = await consent(consented.id, consentBody(v1.id, { consentedAt: at(-1) }));
      expect(onOld.json<Problem>()).toMatchObject({ code: 'consent.document_superseded', params: { versionLabel: '1.0', currentVersion: '2.0' } });
      const backdated = await consent(consented.id, consentBody(v2.id, { consentedAt: at(-6) }));
      expect(backdated.json<Problem>().code).toBe('consent.before_approval');
      const again = await consent(consented.id, consentBody(v2.id, { consentedAt: new Date().toISOString() }));
      expect(again.statusCode, again.body).toBe(201);
      const after = await status(consented.id);
      expect(after.status).toBe('valid');
      expect(after.records).toHaveLength(2);
      expect(after.history.map((e) => e.kind)).toEqual(['consented', 'reconsent_required', 'consented', 'reconsent_resolved']);
    });
  });

  describe('withdrawals', () => {
    let subjectId: string;
    let docId: string;
    beforeAll(async () => {
      const docs = (await h.request(coordinator, 'GET', `/api/v1/clinical/studies/${studyId}/consent-documents`)).json<{ items: (Doc & { language: string })[] }>().items;
      docId = docs.find((d) => d.language === 'zh-CN' && d.status === 'approved')?.id ?? (await approve((await draft('W-1.0')).id)).id;
      subjectId = (await subject()).id;
      const res = await consent(subjectId, consentBody(docId, { consentedAt: at(-2) }));
      expect(res.statusCode, res.body).toBe(201);
    });

    it('refuses a withdrawal without consent or with bad input, changing nothing', async () => {
      const none = await subject();
      const empty = await withdraw(none.id, { scope: 'treatment' });
      expect(empty.statusCode).toBe(409);
      expect(empty.json<Problem>().code).toBe('consent.none');
      const before = { rows: await count('consent_withdrawals'), audits: await audits() };
      const cases: [Record<string, unknown>, number, string, string][] = [
        [{ scope: 'optional_parts' }, 422, 'consent.parts_required', 'body.parts'],
        [{ scope: 'optional_parts', parts: ['genetic_research', 'cloning'] }, 422, 'consent.optional_part_unknown', 'body.parts.1'],
        [{ scope: 'treatment', withdrawnAt: at(-3) }, 422, 'consent.withdrawal_before_consent', 'body.withdrawnAt'],
        [{ scope: 'treatment', withdrawnAt: at(1) }, 422, 'consent.in_future', 'body.withdrawnAt'],
        [{ scope: 'partial' }, 400, '', 'body.scope'],
        [{ scope: 'treatment', reason: '' }, 400, '', 'body.reason'],
      ];
      for (const [more, code, problem, path] of cases) {
        const res = await withdraw(subjectId, more);
        expect(res.statusCode, `${JSON.stringify(more)}: ${res.body}`).toBe(code);
        if (problem) expect(res.json<Problem>().code).toBe(problem);
        expect(JSON.stringify(res.json<Problem>().errors)).toContain(path);
      }
      for (const user of [nurse, researcher]) {
        const res = await h.request(user, 'POST', `/api/v1/clinical/subjects/${subjectId}/consent-withdrawals`, { scope: 'treatment', withdrawnAt: at(-1), reason: 'x', signature: sig(user) });
        expect(res.statusCode).toBe(403);
      }
      expect(await count('consent_withdrawals')).toBe(before.rows);
      expect(await audits()).toBe(before.audits);
    });

    it('withdraws from optional parts, then from treatment, then completely: each records what continues, nothing is deleted', async () => {
      const records = (await status(subjectId)).records.length;
      const parts = await withdraw(subjectId, { scope: 'optional_parts', parts: ['genetic_research'] });
      expect(parts.statusCode, parts.body).toBe(201);
      expect(parts.json()).toMatchObject({ status: 'valid', continues: { treatment: true, optionalParts: { genetic_research: false, future_use_of_samples: true } } });
      const twice = await withdraw(subjectId, { scope: 'optional_parts', parts: ['genetic_research'] });
      expect(twice.json<Problem>()).toMatchObject({ code: 'consent.part_not_consented', errors: [{ path: 'body.parts.0' }] });

      const treatment = await withdraw(subjectId, { scope: 'treatment' });
      expect(treatment.statusCode, treatment.body).toBe(201);
      expect(treatment.json()).toMatchObject({ status: 'withdrawn_from_treatment', continues: { treatment: false, visits: true, safetyFollowUp: true, collectedDataKept: true } });
      const treatmentAgain = await withdraw(subjectId, { scope: 'treatment' });
      expect(treatmentAgain.statusCode).toBe(409);
      expect(treatmentAgain.json<Problem>().code).toBe('consent.already_withdrawn');

      const complete = await withdraw(subjectId, { scope: 'complete', safetyFollowUp: true });
      expect(complete.statusCode, complete.body).toBe(201);
      expect(complete.json()).toMatchObject({
        status: 'withdrawn',
        withdrawal: { scope: 'complete', safetyFollowUp: true, signatures: [expect.objectContaining({ valid: true })] },
        continues: { treatment: false, visits: false, safetyFollowUp: true, collectedDataKept: true, optionalParts: { genetic_research: false, future_use_of_samples: false } },
      });
      const completeAgain = await withdraw(subjectId, { scope: 'complete' });
      expect(completeAgain.json<Problem>()).toMatchObject({ code: 'consent.already_withdrawn', params: { scope: 'complete' } });
      const st = await status(subjectId);
      expect(st.records).toHaveLength(records);
      expect(st.withdrawals.map((w) => w.scope)).toEqual(['optional_parts', 'treatment', 'complete']);
      expect(st.history.filter((e) => e.kind === 'withdrawn')).toHaveLength(3);
    });

    it('without agreement to safety follow-up, a complete withdrawal stops it too', async () => {
      const s = await subject();
      expect((await consent(s.id, consentBody(docId, { consentedAt: at(-2) }))).statusCode).toBe(201);
      const res = await withdraw(s.id, { scope: 'complete' });
      expect(res.json()).toMatchObject({ status: 'withdrawn', continues: { safetyFollowUp: false, visits: false, collectedDataKept: true } });
    });
  });
});
