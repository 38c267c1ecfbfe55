/**
 * Demo subjects at the stages a coordinator meets, each taken through the screening, consent and enrollment
 * services as the coordinator and the investigator would: a screen failure in the HCC study's screening log
 * (Child-Pugh C), a patient in screening in the HCC and the Wilson studies whose screening is not complete
 * (a central test pending), and a cirrhosis subject enrolled (randomized) 100 days ago with visits done, labs
 * showing MELD over time, and the month-3 visit overdue. The infused CAR-T subject is clinical-infused.seed.ts.
 */
import type { Db } from '../db/client';
import type { NewPanel } from '../modules/clinical/labs/labs.schema';
import { enterPanels, screenDemoPatient, si, visitsDone } from './clinical-screening.seed';
import { iso, siteAt } from './clinical-support.seed';

/** The demo subjects' medical record numbers (the seed test and the screens find them by these). */
export const CLINICAL_MRN = {
  screenFailure: 'BJH2026011',
  hccScreening: 'BJH2026012',
  infused: 'BJH2026013',
  cirrhosis: 'BJH2026014',
  wilsonScreening: 'BJH2026015',
} as const;

export const SCREEN_FAILURE_REASON = 'Child-Pugh class C (12 points): inclusion I03 (Child-Pugh A) not met; referred back to the hepatology team for best supportive care.';

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
