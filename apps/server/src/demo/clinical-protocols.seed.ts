/**
 * The three demo studies' protocols, as the center would have them before its first patient: version 1 of
 * each drafted by the coordinator (title, summary, arms, structured eligibility criteria, visit schedule),
 * approved with the investigator's signature, its ethics committee approval, its regulatory registrations
 * and its informed consent documents in Chinese and English approved by the committee. Runs before the
 * consent seed (clinical-consent.seed.ts), which then finds each study's effective protocol, ethics approval
 * and documents and only adds the subjects and their consents.
 *
 * The registration numbers are DEMO VALUES in the formats of the registers (NMPA CDE acceptance numbers
 * CXSL + year + 5 digits; NHC medical research registration MR-<province 11 = Beijing>-<year>-<6 digits>;
 * ChiCTR + year + 8 digits, checked by regulatory.service.ts): they identify no real trial. Dates are relative to the day the seed runs,
 * so the demo always shows a current ethics approval; the protocols are approved "before go-live" (the
 * approval time is given; the signature is stamped when the seed signs).
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { approveConsentDocument, createConsentDocument } from '../modules/clinical/consent/consent.documents';
import { approveProtocol, createProtocol, type CriterionInput, type ProtocolContentInput } from '../modules/clinical/protocols/protocols.service';
import { createEthics, createRegistration } from '../modules/clinical/protocols/regulatory.service';
import type { VisitScheduleBody } from '../modules/clinical/visits/visits.schema';
import { putSchedule } from '../modules/clinical/visits/visits.schedule';
import { studies } from '../modules/studies/studies.tables';
import { DEMO_CONSENT_PARTS } from './clinical-screening.seed';
import { as, DAY, signed, siteDayAgo } from './clinical-support.seed';
import { SCHEDULES } from './clinical-schedules.seed';

/** How long before the seed each study's paperwork was done (days). */
const TIMELINE = { protocol: 205, ethics: 200, consentDocuments: 195, registration: 185 } as const;

const lab = (code: string, kind: 'inclusion' | 'exclusion', text: string, analyte: string, comparator: '<' | '<=' | '>' | '>=', value: number, unit: string): CriterionInput => ({
  code,
  kind,
  text,
  rule: { type: 'lab', analyte, comparator, value, unit },
});
const checklist = (code: string, kind: 'inclusion' | 'exclusion', text: string): CriterionInput => ({ code, kind, text, rule: { type: 'checklist' } });

/** First-line and later systemic therapies of advanced HCC (CSCO/NHC 2024 guidelines), as the screening form codes them. */
export const HCC_SYSTEMIC_THERAPIES = ['sorafenib', 'lenvatinib', 'donafenib', 'atezolizumab_bevacizumab', 'sintilimab_ibi305', 'camrelizumab_rivoceranib', 'regorafenib', 'apatinib'];

const HCC: ProtocolContentInput = {
  title: 'Phase 1 study of GPC3-targeted autologous CAR-T cells (GPC3-CAR-T) in advanced hepatocellular carcinoma',
  summary:
    'Open-label, single-arm 3+3 dose escalation of GPC3-CAR-T (1, 3 and 10 × 10^6 CAR+ cells/kg) after fludarabine/cyclophosphamide lymphodepletion ' +
    'in adults with GPC3-positive BCLC B/C hepatocellular carcinoma progressing after at least one systemic therapy. Primary endpoints: dose-limiting ' +
    'toxicity to day 28 and CRS/ICANS (ASTCT 2019). Secondary: objective response by mRECIST, progression-free and overall survival. ' +
    'Lentiviral (integrating) vector: long-term follow-up for 15 years.',
  arms: [{ code: 'A', name: 'GPC3-CAR-T after Flu/Cy lymphodepletion (dose escalation)', ratio: 1 }],
  criteria: [
    { code: 'I01', kind: 'inclusion', text: 'Age 18 to 75 years', rule: { type: 'age', min: 18, max: 75 } },
    { code: 'I02', kind: 'inclusion', text: 'ECOG performance status 0 or 1', rule: { type: 'ecog', max: 1 } },
    { code: 'I03', kind: 'inclusion', text: 'Child-Pugh class A liver function', rule: { type: 'child_pugh', classes: ['A'] } },
    { code: 'I04', kind: 'inclusion', text: 'BCLC stage B (not amenable to TACE) or C', rule: { type: 'bclc', stages: ['B', 'C'] } },
    { code: 'I05', kind: 'inclusion', text: 'MELD score 6 to 15', rule: { type: 'meld', score: 'meld', min: 6, max: 15 } },
    checklist('I06', 'inclusion', 'GPC3 positive by central immunohistochemistry (≥ 20 % of tumour cells at 2+ or more)'),
    { code: 'I07', kind: 'inclusion', text: 'Progressed on or intolerant of at least one systemic therapy for HCC', rule: { type: 'prior_therapy', mode: 'must_have', therapies: HCC_SYSTEMIC_THERAPIES } },
    lab('I08', 'inclusion', 'Absolute neutrophil count ≥ 1.5 × 10^9/L', 'neutrophils', '>=', 1.5, '10^9/L'),
    lab('I09', 'inclusion', 'Platelets ≥ 60 × 10^9/L', 'platelets', '>=', 60, '10^9/L'),
    lab('I10', 'inclusion', 'Total bilirubin ≤ 2 mg/dL (34.2 µmol/L)', 'bilirubin', '<=', 2, 'mg/dL'),
    lab('I11', 'inclusion', 'ALT ≤ 5 × ULN (≤ 200 U/L)', 'alt', '<=', 200, 'U/L'),
    lab('I12', 'inclusion', 'Creatinine ≤ 1.5 mg/dL (133 µmol/L)', 'creatinine', '<=', 133, 'umol/L'),
    { code: 'E01', kind: 'exclusion', text: 'Prior CAR-T or other genetically modified cell therapy, or liver transplantation', rule: { type: 'prior_therapy', mode: 'must_have', therapies: ['car_t', 'liver_transplant'] } },
    checklist('E02', 'exclusion', 'Main portal vein tumour thrombus (Vp4) or tumour occupying more than 50 % of the liver'),
    checklist('E03', 'exclusion', 'Uncontrolled hepatitis B (HBV DNA > 2000 IU/mL without antiviral therapy) or detectable HCV RNA'),
  ],
};

const MSC: ProtocolContentInput = {
  title: 'Randomized phase 2 study of allogeneic umbilical cord mesenchymal stromal cells (UC-MSC) in decompensated liver cirrhosis',
  summary:
    'Open-label, randomized 1:1 (permuted blocks of 2 and 4, stratified by Child-Pugh class) comparison of UC-MSC 1.0 × 10^6 cells/kg ' +
    'by peripheral infusion on days 0, 7 and 28 plus standard medical therapy against standard medical therapy alone in adults with ' +
    'decompensated cirrhosis. Primary endpoint: change in MELD score at month 6. Secondary: Child-Pugh score, albumin, decompensation events, ' +
    'transplant-free survival at month 12. Non-genetically modified cells: follow-up ends at month 12.',
  arms: [
    { code: 'A', name: 'UC-MSC + standard medical therapy', ratio: 1 },
    { code: 'B', name: 'Standard medical therapy', ratio: 1 },
  ],
  randomization: { blockSizes: [2, 4], factors: [{ name: 'childPughClass', levels: ['B', 'C'] }] },
  criteria: [
    { code: 'I01', kind: 'inclusion', text: 'Age 18 to 70 years', rule: { type: 'age', min: 18, max: 70 } },
    checklist('I02', 'inclusion', 'Decompensated cirrhosis: ascites, variceal bleeding or hepatic encephalopathy on record'),
    { code: 'I03', kind: 'inclusion', text: 'Child-Pugh class B or C', rule: { type: 'child_pugh', classes: ['B', 'C'] } },
    { code: 'I04', kind: 'inclusion', text: 'MELD score 10 to 22', rule: { type: 'meld', score: 'meld', min: 10, max: 22 } },
    { code: 'I05', kind: 'inclusion', text: 'ECOG performance status 0 to 2', rule: { type: 'ecog', max: 2 } },
    lab('I06', 'inclusion', 'Platelets ≥ 30 × 10^9/L', 'platelets', '>=', 30, '10^9/L'),
    lab('E01', 'exclusion', 'Creatinine > 2.0 mg/dL (176.8 µmol/L)', 'creatinine', '>', 2, 'mg/dL'),
    lab('E02', 'exclusion', 'Total bilirubin > 171 µmol/L (10 mg/dL)', 'bilirubin', '>', 171, 'umol/L'),
    { code: 'E03', kind: 'exclusion', text: 'Prior liver transplantation or stem cell therapy', rule: { type: 'prior_therapy', mode: 'must_have', therapies: ['liver_transplant', 'stem_cell_therapy'] } },
    checklist('E04', 'exclusion', 'Hepatocellular carcinoma or another malignancy in the past 5 years'),
  ],
};

const AAV: ProtocolContentInput = {
  title: 'Phase 1/2 study of AAV8-ATP7B liver-directed gene therapy in adults with Wilson disease',
  summary:
    'Open-label, single-arm dose escalation (1 × 10^12 and 3 × 10^12 vg/kg) of a single intravenous infusion of AAV8-ATP7B in adults with ' +
    'Wilson disease stable on chelation or zinc, with prophylactic corticosteroids for capsid immune responses and weekly liver tests for 12 weeks. ' +
    'Primary endpoints: safety and 24-hour urinary copper excretion at week 52 off standard of care. Non-integrating AAV vector: long-term ' +
    'follow-up for 5 years.',
  arms: [{ code: 'A', name: 'AAV8-ATP7B single IV infusion (dose escalation)', ratio: 1 }],
  criteria: [
    { code: 'I01', kind: 'inclusion', text: 'Age 18 to 65 years', rule: { type: 'age', min: 18, max: 65 } },
    checklist('I02', 'inclusion', 'Wilson disease confirmed: Leipzig score ≥ 4 and biallelic pathogenic ATP7B variants'),
    { code: 'I03', kind: 'inclusion', text: 'Child-Pugh class A', rule: { type: 'child_pugh', classes: ['A'] } },
    { code: 'I04', kind: 'inclusion', text: 'MELD score 6 to 12', rule: { type: 'meld', score: 'meld', min: 6, max: 12 } },
    { code: 'I05', kind: 'inclusion', text: 'On penicillamine, trientine or zinc for at least 12 months', rule: { type: 'prior_therapy', mode: 'must_have', therapies: ['penicillamine', 'trientine', 'zinc'] } },
    { code: 'I06', kind: 'inclusion', text: 'ECOG performance status 0 or 1', rule: { type: 'ecog', max: 1 } },
    checklist('E01', 'exclusion', 'Neutralizing antibodies to AAV8 at a titre of 1:5 or more'),
    lab('E02', 'exclusion', 'ALT > 2 × ULN (> 100 U/L)', 'alt', '>', 100, 'U/L'),
    lab('E03', 'exclusion', 'Platelets < 100 × 10^9/L', 'platelets', '<', 100, '10^9/L'),
    { code: 'E04', kind: 'exclusion', text: 'Prior liver transplantation or gene therapy', rule: { type: 'prior_therapy', mode: 'must_have', therapies: ['liver_transplant', 'gene_therapy'] } },
  ],
};

interface StudyPaperwork {
  code: string;
  protocol: ProtocolContentInput;
  schedule: VisitScheduleBody;
  ethicsNumber: string;
  /** Sequence parts of the demo registration numbers. */
  ind: string;
  nhc: string;
  chictr: string;
}

const yy = (day: string) => day.slice(2, 4);
const ethicsDay = siteDayAgo(TIMELINE.ethics);

export const DEMO_STUDIES: StudyPaperwork[] = [
  { code: 'HEP-GPC3-CART-01', protocol: HCC, schedule: SCHEDULES.cart, ethicsNumber: '031', ind: '00217', nhc: '004512', chictr: '83561' },
  { code: 'HEP-UCMSC-02', protocol: MSC, schedule: SCHEDULES.msc, ethicsNumber: '047', ind: '00388', nhc: '006877', chictr: '87912' },
  { code: 'HEP-AAV-WD-03', protocol: AAV, schedule: SCHEDULES.aav, ethicsNumber: '058', ind: '00402', nhc: '007203', chictr: '96418' },
];

/** The demo registration numbers of a study (demo values in the registers' formats). */
export function demoRegistrations(s: Pick<StudyPaperwork, 'ind' | 'nhc' | 'chictr'>) {
  const y = yy(ethicsDay);
  return {
    nmpa_ind: `CXSL${y}${s.ind}`,
    nhc_iit_filing: `MR-11-${y}-${s.nhc}`,
    chictr: `ChiCTR${y}000${s.chictr}`,
  };
}

const TITLES = { 'zh-CN': '受试者知情同意书', en: 'Subject informed consent form' } as const;

async function studyIdOf(db: Db, code: string): Promise<string> {
  const [row] = await db.select({ id: studies.id }).from(studies).where(eq(studies.code, code));
  if (!row) throw new Error(`demo study ${code} is missing`);
  return row.id;
}

async function seedStudyPaperwork(db: Db, s: StudyPaperwork): Promise<void> {
  const studyId = await studyIdOf(db, s.code);
  const draft = await as(db, 'coordinator', async () => {
    const created = await createProtocol(db, studyId, s.protocol);
    await putSchedule(db, created.version.id, s.schedule);
    return created;
  });
  const approvedAt = new Date(Date.now() - TIMELINE.protocol * DAY);
  await as(db, 'physician', () => approveProtocol(db, draft.version.id, signed('Protocol approved by the principal investigator'), approvedAt));
  await as(db, 'coordinator', async () => {
    await createEthics(db, studyId, {
      committee: 'Medical Ethics Committee, Beijing Liver CGT Center',
      approvalNumber: `EC-${ethicsDay.slice(0, 4)}-${s.ethicsNumber}`,
      approvedOn: ethicsDay,
      expiresOn: siteDayAgo(TIMELINE.ethics - 365),
      protocolVersionId: draft.version.id,
    });
    const numbers = demoRegistrations(s);
    const filedOn = siteDayAgo(TIMELINE.registration);
    await createRegistration(db, studyId, { kind: 'nmpa_ind', number: numbers.nmpa_ind, filedOn: siteDayAgo(TIMELINE.ethics + 60) });
    await createRegistration(db, studyId, { kind: 'nhc_iit_filing', number: numbers.nhc_iit_filing, filedOn });
    await createRegistration(db, studyId, { kind: 'chictr', number: numbers.chictr, filedOn });
    for (const language of ['zh-CN', 'en'] as const) {
      const doc = await createConsentDocument(db, draft.version.id, { language, versionLabel: '1.0', title: TITLES[language], optionalParts: DEMO_CONSENT_PARTS });
      await approveConsentDocument(db, doc.id, { approvedOn: siteDayAgo(TIMELINE.consentDocuments), signature: signed('Ethics committee approval recorded') });
    }
  });
}

/** Protocol version 1 (effective), ethics approval, registrations and consent documents of each demo study. */
export async function seedClinicalProtocols(db: Db): Promise<void> {
  for (const s of DEMO_STUDIES) await seedStudyPaperwork(db, s);
}
