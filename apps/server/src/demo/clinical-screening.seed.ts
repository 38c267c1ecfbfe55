/**
 * Taking a demo patient through screening as the center does: screened under the study's effective protocol,
 * consented (Chinese document, every optional part) by the investigator, screening data entered, then failed
 * or enrolled (randomized where the protocol has arms) — each step through its service, as the demo user who
 * does it. Also what the clinical seeds share for after enrollment: lab panels and visits done.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { recordConsent } from '../modules/clinical/consent/consent.service';
import { consentDocuments } from '../modules/clinical/consent/consent.tables';
import { enterPanel } from '../modules/clinical/labs/labs.entry';
import type { NewPanel } from '../modules/clinical/labs/labs.schema';
import { effectiveProtocol, loadProtocol } from '../modules/clinical/protocols/protocols.service';
import { enrollSubject } from '../modules/clinical/subjects/enrollment.service';
import { putScreeningData, recordScreenFailure, screenPatient, type ScreeningInput } from '../modules/clinical/subjects/screening.service';
import { recordVisit } from '../modules/clinical/visits/visits.service';
import { createPatient } from '../modules/patients/patients.service';
import { studies } from '../modules/studies/studies.tables';
import { as, iso, userId } from './clinical-support.seed';
import { DEMO_PASSWORD } from './demo-password';

/** The optional parts of the demo consent documents (every demo subject consents to each). */
export const DEMO_CONSENT_PARTS = [
  { code: 'future_use_of_samples', label: 'Storage of my leftover samples for future research on liver disease' },
  { code: 'genetic_research', label: 'Genetic research on my samples' },
  { code: 'long_term_follow_up_contact', label: 'Being contacted for long-term follow-up after the study' },
];

export async function studyIdOf(db: Db, code: string): Promise<string> {
  const [row] = await db.select({ id: studies.id }).from(studies).where(eq(studies.code, code));
  if (!row) throw new Error(`demo study ${code} is missing`);
  return row.id;
}

/** The screening data as the demo writes them: checklist answers by criterion code. */
export type DemoScreeningData = Omit<ScreeningInput, 'checklist'> & { checklist?: Record<string, boolean> };

export interface DemoScreeningSteps {
  screenedAt: Date;
  /** A few minutes after the screening was opened, before any screening procedure. */
  consentedAt: Date;
  data: DemoScreeningData;
  screenFailure?: string;
  enrolledAt?: Date;
  /** The investigator's signature password (default: the demo password). */
  password?: string;
}

export interface DemoScreening extends DemoScreeningSteps {
  studyCode: string;
  patient: { sex: 'female' | 'male'; birthDate: string; name: string; mrn: string };
}

async function checklistByCode(db: Db, studyId: string, answers: Record<string, boolean>) {
  const protocol = await effectiveProtocol(db, studyId);
  const { criteria } = await loadProtocol(db, protocol!);
  return Object.fromEntries(
    Object.entries(answers).map(([code, answer]) => {
      const c = criteria.find((x) => x.code === code);
      if (!c) throw new Error(`demo criterion ${code} is missing`);
      return [c.id, answer];
    }),
  );
}

async function consentDocumentId(db: Db, studyId: string): Promise<string> {
  const [doc] = await db
    .select({ id: consentDocuments.id })
    .from(consentDocuments)
    .where(and(eq(consentDocuments.studyId, studyId), eq(consentDocuments.language, 'zh-CN'), eq(consentDocuments.status, 'approved')));
  if (!doc) throw new Error('the demo study has no approved Chinese consent document');
  return doc.id;
}

/** An existing patient screened in the study, consented, with screening data entered; failed or enrolled when asked. */
export async function screenExistingPatient(db: Db, patientId: string, studyId: string, s: DemoScreeningSteps): Promise<string> {
  const subject = await as(db, 'coordinator', () => screenPatient(db, studyId, { patientId, screenedAt: iso(s.screenedAt) }));
  const physician = await userId(db, 'physician');
  const documentId = await consentDocumentId(db, studyId);
  await as(db, 'physician', () =>
    recordConsent(db, subject.id, {
      documentId,
      consentedAt: iso(s.consentedAt),
      consentedBy: 'subject',
      subjectCanRead: true,
      investigatorId: physician,
      optionalParts: Object.fromEntries(DEMO_CONSENT_PARTS.map((p) => [p.code, true])),
      signature: { password: s.password ?? DEMO_PASSWORD, meaning: 'Consent recorded' },
    }),
  );
  const checklist = await checklistByCode(db, studyId, s.data.checklist ?? {});
  await as(db, 'coordinator', async () => {
    await putScreeningData(db, subject.id, { ...s.data, checklist });
    if (s.screenFailure) await recordScreenFailure(db, subject.id, s.screenFailure);
    if (s.enrolledAt) await enrollSubject(db, subject.id, { enrolledAt: iso(s.enrolledAt) });
  });
  return subject.id;
}

/** A new patient, registered by the coordinator, then screened as screenExistingPatient does. */
export async function screenDemoPatient(db: Db, s: DemoScreening): Promise<{ subjectId: string; patientId: string; studyId: string }> {
  const studyId = await studyIdOf(db, s.studyCode);
  const patient = await as(db, 'coordinator', () => createPatient(db, s.patient));
  return { subjectId: await screenExistingPatient(db, patient.id, studyId, s), patientId: patient.id, studyId };
}

export const si = (value: number, unit: string) => ({ value, unit });

export async function enterPanels(db: Db, subjectId: string, panels: NewPanel[]): Promise<void> {
  await as(db, 'nurse', async () => {
    for (const p of panels) await enterPanel(db, subjectId, p);
  });
}

export async function visitsDone(db: Db, subjectId: string, done: [code: string, at: Date][]): Promise<void> {
  await as(db, 'coordinator', async () => {
    for (const [code, at] of done) await recordVisit(db, subjectId, code, { status: 'done', occurredAt: iso(at) });
  });
}

