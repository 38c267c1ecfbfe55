/**
 * The demo patients who have an order get what the consent gate asks for before any treatment: an enrolled
 * study subject with a valid consent. Each is taken through screening as the center does it, under the study's
 * effective protocol (clinical-protocols.seed.ts: version 1 with its ethics approval and consent documents in
 * Chinese and English): screened, consented by the demo physician on the Chinese document (every optional part:
 * future use of samples, genetic research, long-term follow-up contact), screening data that meet every
 * criterion entered, enrolled two days after the consent (randomized in the MSC study), and the screening visit
 * recorded as done. The clinical demo's other subjects (clinical.seed.ts) are screened the same way.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { subjectVisitsView } from '../modules/clinical/visits/visits.service';
import { studies } from '../modules/studies/studies.tables';
import { screenExistingPatient, si, visitsDone, type DemoScreeningData } from './clinical-screening.seed';
import { DAY } from './clinical-support.seed';

/** Screening data that meet every criterion of each demo study's protocol. */
const ELIGIBLE: Record<string, DemoScreeningData> = {
  'HEP-GPC3-CART-01': {
    ecog: 1,
    ascites: 'none',
    encephalopathy: 'none',
    labs: { bilirubin: si(19, 'umol/L'), albumin: si(37, 'g/L'), inr: si(1.1, ''), creatinine: si(82, 'umol/L'), sodium: si(138, 'mmol/L'), platelets: si(126, '10^9/L'), neutrophils: si(2.9, '10^9/L'), alt: si(51, 'U/L'), ast: si(63, 'U/L'), afp: si(980, 'ng/mL') },
    tumour: { nodules: 2, largestDiameterMm: 61, macrovascularInvasion: false, extrahepaticSpread: false },
    priorTherapies: ['lenvatinib'],
    checklist: { I06: true, E02: false, E03: false },
  },
  'HEP-UCMSC-02': {
    ecog: 1,
    ascites: 'slight',
    encephalopathy: 'none',
    labs: { bilirubin: si(39, 'umol/L'), albumin: si(30, 'g/L'), inr: si(1.5, ''), creatinine: si(88, 'umol/L'), sodium: si(134, 'mmol/L'), platelets: si(58, '10^9/L') },
    priorTherapies: ['diuretics', 'non_selective_beta_blocker'],
    checklist: { I02: true, E04: false },
  },
  'HEP-AAV-WD-03': {
    ecog: 0,
    ascites: 'none',
    encephalopathy: 'none',
    labs: { bilirubin: si(14, 'umol/L'), albumin: si(42, 'g/L'), inr: si(1.0, ''), creatinine: si(61, 'umol/L'), sodium: si(140, 'mmol/L'), platelets: si(176, '10^9/L'), alt: si(44, 'U/L'), ast: si(36, 'U/L') },
    priorTherapies: ['trientine', 'zinc'],
    checklist: { I02: true, E01: false },
  },
};

/** The patient's enrolled subject with a valid consent given `daysAgo` days ago, taken by the demo physician. */
export async function consentDemoPatient(db: Db, patientId: string, studyId: string, password: string, daysAgo = 21): Promise<string> {
  const [study] = await db.select({ code: studies.code }).from(studies).where(eq(studies.id, studyId));
  const data = study && ELIGIBLE[study.code];
  if (!data) throw new Error(`no demo screening data for study ${study?.code ?? studyId}`);
  const consentedAt = new Date(Date.now() - daysAgo * DAY);
  const subjectId = await screenExistingPatient(db, patientId, studyId, {
    screenedAt: new Date(consentedAt.getTime() - 15 * 60_000),
    consentedAt,
    data,
    enrolledAt: new Date(consentedAt.getTime() + 2 * DAY),
    password,
  });
  await visitsDone(db, subjectId, [['SCR', new Date(consentedAt.getTime() + 30 * 60_000)], ...(await visitsPast(db, subjectId))]);
  return subjectId;
}

/** The visits whose window has closed since the enrollment, done on their target day (the demo subjects are on schedule). */
async function visitsPast(db: Db, subjectId: string): Promise<[string, Date][]> {
  const { items } = await subjectVisitsView(db, subjectId);
  return items.filter((v) => v.code !== 'SCR' && v.status === 'overdue').map((v) => [v.code, new Date(`${v.targetDate}T10:00:00+08:00`)]);
}

/** Each demo patient with an order, enrolled and consented, before the orders are opened. */
export async function seedClinicalConsent(db: Db, patients: { patientId: string; studyId: string }[], password: string): Promise<void> {
  let daysAgo = 28;
  for (const p of patients) {
    await consentDemoPatient(db, p.patientId, p.studyId, password, daysAgo);
    daysAgo -= 3;
  }
}
