/**
 * Demo subjects at the stages a coordinator meets, each taken through the screening, consent and enrollment
 * services as the coordinator and the investigator would: a screen failure in the HCC study's screening log
 * (Child-Pugh C), a patient in screening in the HCC and the Wilson studies whose screening is not complete
 * (a central test pending), and a cirrhosis subject enrolled (randomized) 100 days ago with visits done, labs
 * showing MELD over time, and the month-3 visit overdue. The infused CAR-T subject is clinical-infused.seed.ts.
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
import { DEMO_CONSENT_PARTS } from './clinical-consent.seed';
import { as, iso, signed, siteAt, userId } from './clinical-support.seed';

/** The demo subjects' medical record numbers (the seed test and the screens find them by these). */
export const CLINICAL_MRN = {
  screenFailure: 'BJH2026011',
  hccScreening: 'BJH2026012',
  infused: 'BJH2026013',
  cirrhosis: 'BJH2026014',
  wilsonScreening: 'BJH2026015',
} as const;

export const SCREEN_FAILURE_REASON = 'Child-Pugh class C (12 points): inclusion I03 (Child-Pugh A) not met; referred back to the hepatology team for best supportive care.';

export async function studyIdOf(db: Db, code: string): Promise<string> {
  const [row] = await db.select({ id: studies.id }).from(studies).where(eq(studies.code, code));
  if (!row) throw new Error(`demo study ${code} is missing`);
  return row.id;
}

export interface DemoScreening {
  studyCode: string;
  patient: { sex: 'female' | 'male'; birthDate: string; name: string; mrn: string };
  screenedAt: Date;
  /** A few minutes after the screening was opened, before any screening procedure. */
  consentedAt: Date;
  /** The screening data; checklist answers by criterion code. */
  data: Omit<ScreeningInput, 'checklist'> & { checklist?: Record<string, boolean> };
  screenFailure?: string;
  enrolledAt?: Date;
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

/** A new patient screened, consented, with screening data entered; failed or enrolled when asked. */
export async function screenDemoPatient(db: Db, s: DemoScreening): Promise<{ subjectId: string; patientId: string; studyId: string }> {
  const studyId = await studyIdOf(db, s.studyCode);
  const { patient, subject } = await as(db, 'coordinator', async () => {
    const patient = await createPatient(db, s.patient);
    return { patient, subject: await screenPatient(db, studyId, { patientId: patient.id, screenedAt: iso(s.screenedAt) }) };
  });
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
      signature: signed('Consent recorded'),
    }),
  );
  const checklist = await checklistByCode(db, studyId, s.data.checklist ?? {});
  await as(db, 'coordinator', async () => {
    await putScreeningData(db, subject.id, { ...s.data, checklist });
    if (s.screenFailure) await recordScreenFailure(db, subject.id, s.screenFailure);
    if (s.enrolledAt) await enrollSubject(db, subject.id, { enrolledAt: iso(s.enrolledAt) });
  });
  return { subjectId: subject.id, patientId: patient.id, studyId };
}

const si = (value: number, unit: string) => ({ value, unit });

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

type Lab = [analyte: string, value: number, unit: string];
const results = (labs: Lab[]) => labs.map(([analyte, value, unit]) => ({ analyte, value, unit }));

/** HCC: screened 40 days ago, decompensated (Child-Pugh C): a screen failure with its reason. */
async function seedScreenFailure(db: Db) {
  await screenDemoPatient(db, {
    studyCode: 'HEP-GPC3-CART-01',
    patient: { sex: 'female', birthDate: '1957-04-18', name: '孙秀兰', mrn: CLINICAL_MRN.screenFailure },
    screenedAt: siteAt(40, '09:00'),
    consentedAt: siteAt(40, '09:20'),
    data: {
      ecog: 1,
      ascites: 'moderate',
      encephalopathy: 'none',
      labs: { bilirubin: si(62, 'umol/L'), albumin: si(25, 'g/L'), inr: si(2.0, ''), creatinine: si(88, 'umol/L'), sodium: si(131, 'mmol/L'), platelets: si(74, '10^9/L'), neutrophils: si(2.4, '10^9/L'), alt: si(68, 'U/L'), ast: si(97, 'U/L') },
      tumour: { nodules: 3, largestDiameterMm: 48, macrovascularInvasion: false, extrahepaticSpread: false },
      priorTherapies: ['sorafenib'],
      checklist: { I06: true, E02: false, E03: false },
    },
    screenFailure: SCREEN_FAILURE_REASON,
  });
}

/** HCC: screened 3 days ago, the central GPC3 immunohistochemistry still pending (screening incomplete). */
async function seedHccScreening(db: Db) {
  await screenDemoPatient(db, {
    studyCode: 'HEP-GPC3-CART-01',
    patient: { sex: 'male', birthDate: '1971-11-03', name: '吴海涛', mrn: CLINICAL_MRN.hccScreening },
    screenedAt: siteAt(3, '14:00'),
    consentedAt: siteAt(3, '14:15'),
    data: {
      ecog: 0,
      ascites: 'none',
      encephalopathy: 'none',
      labs: { bilirubin: si(16, 'umol/L'), albumin: si(40, 'g/L'), inr: si(1.05, ''), creatinine: si(81, 'umol/L'), sodium: si(140, 'mmol/L'), platelets: si(168, '10^9/L'), neutrophils: si(3.9, '10^9/L'), alt: si(42, 'U/L'), ast: si(51, 'U/L'), afp: si(2360, 'ng/mL') },
      tumour: { nodules: 3, largestDiameterMm: 45, macrovascularInvasion: false, extrahepaticSpread: false },
      priorTherapies: ['lenvatinib'],
      checklist: { E02: false, E03: false },
    },
  });
}

/** Wilson disease: screened 5 days ago, the AAV8 neutralizing antibody titre still pending. */
async function seedWilsonScreening(db: Db) {
  await screenDemoPatient(db, {
    studyCode: 'HEP-AAV-WD-03',
    patient: { sex: 'female', birthDate: '2001-03-09', name: '何静', mrn: CLINICAL_MRN.wilsonScreening },
    screenedAt: siteAt(5, '10:00'),
    consentedAt: siteAt(5, '10:10'),
    data: {
      ecog: 0,
      ascites: 'none',
      encephalopathy: 'none',
      labs: { bilirubin: si(12, 'umol/L'), albumin: si(43, 'g/L'), inr: si(1.0, ''), creatinine: si(58, 'umol/L'), sodium: si(141, 'mmol/L'), platelets: si(188, '10^9/L'), alt: si(38, 'U/L'), ast: si(31, 'U/L') },
      priorTherapies: ['penicillamine', 'zinc'],
      checklist: { I02: true },
    },
  });
}

const CIRRHOSIS_ENROLLED_DAYS_AGO = 100;

/**
 * Decompensated cirrhosis (Child-Pugh B8, MELD 16): screened 108 days ago, enrolled and randomized 100 days
 * ago (day 0); screening, day 0, week 1 and month 1 done, month 3 (day 91 ± 7) now overdue.
 */
async function seedCirrhosisSubject(db: Db) {
  const d0 = CIRRHOSIS_ENROLLED_DAYS_AGO;
  const { subjectId } = await screenDemoPatient(db, {
    studyCode: 'HEP-UCMSC-02',
    patient: { sex: 'male', birthDate: '1964-07-25', name: '陈国强', mrn: CLINICAL_MRN.cirrhosis },
    screenedAt: siteAt(d0 + 8, '09:00'),
    consentedAt: siteAt(d0 + 8, '09:15'),
    data: {
      ecog: 1,
      ascites: 'slight',
      encephalopathy: 'none',
      labs: { bilirubin: si(45, 'umol/L'), albumin: si(29, 'g/L'), inr: si(1.6, ''), creatinine: si(95, 'umol/L'), sodium: si(133, 'mmol/L'), platelets: si(62, '10^9/L') },
      priorTherapies: ['diuretics', 'non_selective_beta_blocker', 'endoscopic_variceal_ligation'],
      checklist: { I02: true, E04: false },
    },
    enrolledAt: siteAt(d0, '10:00'),
  });
  const panel = (visitCode: string, collectedAt: Date, labs: Lab[], ascites: NewPanel['ascites']): NewPanel => ({ visitCode, collectedAt: iso(collectedAt), results: results(labs), ascites, encephalopathy: 'none' });
  await enterPanels(db, subjectId, [
    panel('SCR', siteAt(d0 + 8, '08:00'), [['bilirubin', 45, 'umol/L'], ['albumin', 29, 'g/L'], ['inr', 1.6, ''], ['creatinine', 95, 'umol/L'], ['sodium', 133, 'mmol/L'], ['platelets', 62, '10^9/L'], ['alt', 48, 'U/L'], ['ast', 71, 'U/L']], 'slight'),
    panel('W1', siteAt(d0 - 7, '08:00'), [['bilirubin', 41, 'umol/L'], ['albumin', 30, 'g/L'], ['inr', 1.5, ''], ['creatinine', 92, 'umol/L'], ['sodium', 134, 'mmol/L'], ['platelets', 65, '10^9/L']], 'slight'),
    panel('M1', siteAt(d0 - 28, '08:00'), [['bilirubin', 2.1, 'mg/dL'], ['albumin', 3.3, 'g/dL'], ['inr', 1.4, ''], ['creatinine', 1.0, 'mg/dL'], ['sodium', 136, 'mmol/L'], ['platelets', 71, '10^9/L'], ['alt', 39, 'U/L'], ['ast', 58, 'U/L']], 'none'),
  ]);
  await visitsDone(db, subjectId, [
    ['SCR', siteAt(d0 + 8, '09:30')],
    ['D0', siteAt(d0, '11:00')],
    ['W1', siteAt(d0 - 7, '09:00')],
    ['M1', siteAt(d0 - 28, '09:00')],
  ]);
}

/** The subjects at every stage but the infused one. */
export async function seedClinicalSubjects(db: Db): Promise<void> {
  await seedScreenFailure(db);
  await seedHccScreening(db);
  await seedWilsonScreening(db);
  await seedCirrhosisSubject(db);
}
