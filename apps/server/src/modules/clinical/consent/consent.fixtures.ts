/**
 * Set-up of a patient who may be treated: an enrolled study subject with a valid informed consent. Used by
 * the shared order fixtures (hundreds of tests) and the demo seed, so it is fast: the protocol version, ethics
 * approval and subject rows are written straight through write() (each with its audit event; the protocols
 * and enrollment routes have their own tests), the consent documents and the consent record through the
 * consent service, signed by the given investigator. Reuses what the study already has.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { runWithContext } from '../../../platform/context';
import { write } from '../../../platform/write';
import { getUserById } from '../../identity/identity.service';
import { actorOf } from '../../identity/sessions';
import { getStudy } from '../../studies/studies.service';
import { ethicsApprovals, protocolVersions } from '../protocols/protocols.tables';
import { studySubjects } from '../subjects/subjects.tables';
import { approveConsentDocument, createConsentDocument } from './consent.documents';
import { recordConsent } from './consent.service';
import { consentState, type ConsentDocument } from './consent.status';
import { consentDocuments, type ConsentOptionalPart } from './consent.tables';

const DAY = 86_400_000;
const dayOf = (at: Date) => at.toISOString().slice(0, 10);

/** A physician or coordinator who takes and records the consent (and approves the documents), with their password. */
export interface Investigator {
  userId: string;
  password: string;
}

export interface ConsentedSubjectInput {
  patientId: string;
  studyId: string;
  /** Default: 30 days ago. Documents are approved (and the protocol effective) 30 days before it. */
  consentedAt?: Date;
  languages?: ('zh-CN' | 'en')[];
  /** The optional parts of new documents; every part is consented to. */
  optionalParts?: ConsentOptionalPart[];
  /** The version label of new documents, e.g. "1.0". */
  versionLabel?: string;
  titles?: Partial<Record<'zh-CN' | 'en', string>>;
}

export interface ConsentedSubject {
  subjectId: string;
  protocolVersionId: string;
  documents: ConsentDocument[];
}

let sequence = 0;

/** The study's effective protocol version (version 1 approved at `approvedAt` if it has none) with an active ethics approval. */
export async function effectiveProtocol(db: Db, studyId: string, approvedAt: Date) {
  const [found] = await db.select().from(protocolVersions).where(and(eq(protocolVersions.studyId, studyId), eq(protocolVersions.status, 'effective'))).orderBy(desc(protocolVersions.version)).limit(1);
  const study = await getStudy(db, studyId);
  return write(db, async (w) => {
    const protocol = found ?? (await w.insert(protocolVersions, 'protocol_version', { studyId, version: 1, status: 'effective', title: study.title, approvedAt }));
    const [ethics] = await w.tx.select({ id: ethicsApprovals.id }).from(ethicsApprovals).where(and(eq(ethicsApprovals.protocolVersionId, protocol.id), eq(ethicsApprovals.status, 'active')));
    if (!ethics) {
      await w.insert(ethicsApprovals, 'ethics_approval', {
        studyId,
        committee: 'Hospital Ethics Committee',
        approvalNumber: `EC-${study.code}-${protocol.version}`,
        approvedOn: dayOf(approvedAt),
        expiresOn: dayOf(new Date(Date.now() + 365 * DAY)),
        protocolVersionId: protocol.id,
        status: 'active',
      });
    }
    return { protocol, study };
  });
}

async function approvedDocuments(db: Db, investigator: Investigator, protocolVersionId: string, studyId: string, approvedOn: Date, input: ConsentedSubjectInput) {
  const documents: ConsentDocument[] = [];
  for (const language of input.languages ?? ['zh-CN']) {
    const [found] = await db.select().from(consentDocuments).where(and(eq(consentDocuments.studyId, studyId), eq(consentDocuments.language, language), eq(consentDocuments.status, 'approved')));
    if (found) {
      documents.push(found);
      continue;
    }
    const draft = await createConsentDocument(db, protocolVersionId, {
      language,
      versionLabel: input.versionLabel ?? '1.0',
      title: input.titles?.[language] ?? (language === 'en' ? 'Informed consent form' : '知情同意书'),
      optionalParts: input.optionalParts ?? [],
    });
    const { document } = await approveConsentDocument(db, draft.id, { approvedOn: dayOf(approvedOn), signature: { password: investigator.password, meaning: 'Ethics committee approval recorded' } });
    documents.push(document);
  }
  return documents;
}

/** The patient's enrolled subject in the study (created without consent if there is none). */
export async function enrolledSubject(db: Db, patientId: string, protocolVersionId: string, studyId: string, studyCode: string, enrolledAt: Date) {
  const [found] = await db.select().from(studySubjects).where(and(eq(studySubjects.patientId, patientId), eq(studySubjects.studyId, studyId), eq(studySubjects.status, 'enrolled')));
  if (found) return found;
  const n = `${Date.now().toString(36).toUpperCase()}${++sequence}`;
  return write(db, (w) =>
    w.insert(studySubjects, 'study_subject', {
      studyId,
      patientId,
      protocolVersionId,
      screeningNumber: `${studyCode}-S${n}`,
      subjectNumber: `${studyCode}-${n}`,
      status: 'enrolled',
      screenedAt: new Date(enrolledAt.getTime() - 60_000),
      enrolledAt,
    }),
  );
}

/** The patient's enrolled subject in the study with a valid consent, creating what is missing. */
export async function consentedSubject(db: Db, investigator: Investigator, input: ConsentedSubjectInput): Promise<ConsentedSubject> {
  const actor = actorOf(await getUserById(db, investigator.userId));
  return runWithContext({ requestId: 'consent-fixture', actor }, async () => {
    const consentedAt = input.consentedAt ?? new Date(Date.now() - 30 * DAY);
    const approvedAt = new Date(consentedAt.getTime() - 30 * DAY);
    const { protocol, study } = await effectiveProtocol(db, input.studyId, approvedAt);
    const documents = await approvedDocuments(db, investigator, protocol.id, input.studyId, approvedAt, input);
    const subject = await enrolledSubject(db, input.patientId, protocol.id, input.studyId, study.code, new Date(consentedAt.getTime() + 60_000));
    if ((await consentState(db, subject.id)).status !== 'valid') {
      const document = documents[0]!;
      await recordConsent(db, subject.id, {
        documentId: document.id,
        consentedAt: consentedAt.toISOString(),
        consentedBy: 'subject',
        subjectCanRead: true,
        investigatorId: investigator.userId,
        optionalParts: Object.fromEntries(document.optionalParts.map((p) => [p.code, true])),
        signature: { password: investigator.password, meaning: 'Consent recorded' },
      });
    }
    return { subjectId: subject.id, protocolVersionId: protocol.id, documents };
  });
}
