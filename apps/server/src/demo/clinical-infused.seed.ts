/**
 * The HCC CAR-T subject infused six weeks ago (周建华), from screening to today: screened, consented and
 * enrolled through the services; the order, apheresis and the bag's custody to the GMP facility through theirs
 * (with the times of the events); the manufacture, release, shipment, bedside check and infusion imported from
 * the paper records kept before go-live (clinical-history.seed.ts). After the infusion: daily CRS and ICANS
 * assessments (ASTCT 2019) through day 14 — CRS grade 1 from day 1, grade 2 on day 3 (fever with hypotension
 * answering to fluids, low-flow oxygen) treated with tocilizumab, resolved on day 4, no ICANS — the CRS adverse
 * event the assessments opened, judged non-serious by the investigator and resolved; lab panels showing
 * Child-Pugh and MELD worsening with the CRS and recovering; mRECIST from baseline to a partial response at
 * month 1; the visits done so far. Today: febrile neutropenia with hospitalization, judged serious three hours
 * after the team learned of it, its 24-hour sponsor report not yet made (the clock is running).
 */
import type { IceItems } from '../modules/clinical/safety/grading';
import { assessAdverseEvent, createAdverseEvent, updateAdverseEvent } from '../modules/clinical/safety/adverse-events.service';
import { recordCrs, recordIcans, type CrsInput } from '../modules/clinical/safety/crs-icans.service';
import { recordTumourAssessment } from '../modules/clinical/response/response.service';
import type { NewPanel } from '../modules/clinical/labs/labs.schema';
import { createCollection } from '../modules/collections/collections.service';
import { recordCustodyEvent } from '../modules/custody/custody.service';
import { createOrder } from '../modules/orders/orders.service';
import type { Db } from '../db/client';
import { importProductHistory } from './clinical-history.seed';
import { enterPanels, screenDemoPatient, visitsDone } from './clinical-screening.seed';
import { CLINICAL_MRN } from './clinical-subjects.seed';
import { as, HOUR, iso, signed, siteAt } from './clinical-support.seed';

/** Days between the infusion (day 0) and the day the seed runs. */
export const INFUSED_DAYS_AGO = 42;
const D = INFUSED_DAYS_AGO;
/** The site time on post-infusion day `day`. */
const onDay = (day: number, time: string) => siteAt(D - day, time);

const FULL_ICE: IceItems = { orientationYear: true, orientationMonth: true, orientationCity: true, orientationHospital: true, namedObjects: 3, followsCommands: true, writesSentence: true, countsBackBy10: true };

type Lab = [analyte: string, value: number, unit: string];

async function enrolledSubject(db: Db) {
  return screenDemoPatient(db, {
    studyCode: 'HEP-GPC3-CART-01',
    patient: { sex: 'male', birthDate: '1968-02-11', name: '周建华', mrn: CLINICAL_MRN.infused },
    screenedAt: onDay(-36, '09:00'),
    consentedAt: onDay(-36, '09:30'),
    data: {
      ecog: 1,
      ascites: 'none',
      encephalopathy: 'none',
      labs: {
        bilirubin: { value: 18, unit: 'umol/L' }, albumin: { value: 38, unit: 'g/L' }, inr: { value: 1.1, unit: '' }, creatinine: { value: 78, unit: 'umol/L' },
        sodium: { value: 139, unit: 'mmol/L' }, platelets: { value: 142, unit: '10^9/L' }, neutrophils: { value: 3.2, unit: '10^9/L' }, alt: { value: 46, unit: 'U/L' },
        ast: { value: 52, unit: 'U/L' }, afp: { value: 1850, unit: 'ng/mL' },
      },
      tumour: { nodules: 2, largestDiameterMm: 52, macrovascularInvasion: false, extrahepaticSpread: false },
      priorTherapies: ['atezolizumab_bevacizumab', 'lenvatinib', 'tace'],
      checklist: { I06: true, E02: false, E03: false },
    },
    enrolledAt: onDay(-28, '10:00'),
  });
}

/** Order, apheresis, hand-over and receipt at the GMP facility, through their services. */
async function collectedBag(db: Db, patientId: string, studyId: string) {
  const order = await as(db, 'coordinator', () => createOrder(db, { patientId, studyId }, onDay(-27, '14:00')));
  const bag = await as(db, 'nurse', () => createCollection(db, order.order.id, { type: 'apheresis', collectedAt: iso(onDay(-24, '09:30')), volumeMl: 190 }));
  const din = bag.collection.din;
  await as(db, 'nurse', () => recordCustodyEvent(db, { din, type: 'handover', scannedDin: `=${din}00`, occurredAt: iso(onDay(-24, '13:00')), location: 'Apheresis unit, 3F', fromParty: 'Chen Jing (RN)', toParty: 'Cold-chain courier', temperatureC: 4.3 }));
  await as(db, 'operator', () => recordCustodyEvent(db, { din, type: 'receipt', scannedDin: `=${din}00`, occurredAt: iso(onDay(-24, '14:30')), location: 'GMP facility goods-in', fromParty: 'Cold-chain courier', toParty: 'Liu Yang (GMP)', temperatureC: 5.0 }));
  return { orderId: order.order.id, coi: order.order.coi, subjectCode: order.subjectCode, collectionId: bag.collection.id, din };
}

type CrsDay = [day: number, time: string, temperatureC: number, hypotension?: CrsInput['hypotension'], hypoxia?: CrsInput['hypoxia'], treatments?: CrsInput['treatments']];

/** Day 0 evening, then every morning to day 14; the day-3 evening reassessment after tocilizumab. */
const CRS_COURSE: CrsDay[] = [
  [0, '18:00', 37.2],
  [1, '08:00', 38.4],
  [2, '08:00', 38.9, 'none', 'none', [{ kind: 'other', name: 'paracetamol', dose: 500, unit: 'mg' }]],
  [3, '08:00', 39.4, 'fluids', 'low_flow', [{ kind: 'tocilizumab', name: 'tocilizumab', dose: 560, unit: 'mg' }]],
  [3, '20:00', 38.2],
  [4, '08:00', 37.4],
  ...[5, 6, 7, 8, 9, 10, 11, 12, 13, 14].map((day): CrsDay => [day, '08:00', 36.6 + (day % 3) * 0.2]),
];

async function crsAndIcans(db: Db, subjectId: string): Promise<string> {
  const opened = await as(db, 'nurse', async () => {
    let eventId: string | null = null;
    for (const [day, time, temperatureC, hypotension = 'none', hypoxia = 'none', treatments = []] of CRS_COURSE) {
      const at = iso(onDay(day, time));
      const notes = day === 3 && time === '08:00' ? { notes: 'BP 88/52 mmHg after 1 L saline, SpO2 92 % on air, 2 L/min nasal oxygen; tocilizumab 8 mg/kg.' } : {};
      const r = await recordCrs(db, subjectId, { assessedAt: at, temperatureC, hypotension, hypoxia, treatments, ...notes });
      eventId ??= r.adverseEvent?.id ?? null;
      if (time === '08:00' || day === 0) await recordIcans(db, subjectId, { assessedAt: iso(new Date(Date.parse(at) + 15 * 60_000)), ice: FULL_ICE, consciousness: 'awake', treatments: [] });
    }
    return eventId;
  });
  if (!opened) throw new Error('the demo CRS assessments opened no adverse event');
  return opened;
}

/** The CRS event: awareness as it happened (the seed ran later), resolution, the investigator's judgement. */
async function closeCrsEvent(db: Db, aeId: string) {
  await as(db, 'nurse', async () => {
    await updateAdverseEvent(db, aeId, { awareAt: iso(onDay(1, '08:00')), kind: 'correction', reason: 'Imported course: the team knew of the CRS at the day-1 assessment, not when it was entered' });
    await updateAdverseEvent(db, aeId, {
      resolvedAt: iso(onDay(4, '08:00')),
      outcome: 'recovered',
      description: 'Fever from day 1; on day 3 hypotension answering to 1 L saline and low-flow oxygen (ASTCT grade 2), one dose of tocilizumab 8 mg/kg. Afebrile from day 4; no ICANS.',
      kind: 'follow_up',
      reason: 'Resolved on day 4 after tocilizumab',
    });
  });
  await as(db, 'physician', () =>
    assessAdverseEvent(db, aeId, { seriousness: [], relatedness: { product: 'definite', lymphodepletion: 'unlikely' }, expectedness: 'expected', rsiReference: 'IB v3.0 §6.2 (cytokine release syndrome)', signature: signed('Investigator assessment') }),
  );
}

const panel = (visitCode: string, collectedAt: Date, labs: Lab[]): NewPanel => ({
  visitCode,
  collectedAt: iso(collectedAt),
  results: labs.map(([analyte, value, unit]) => ({ analyte, value, unit })),
  ascites: 'none',
  encephalopathy: 'none',
});

/** Child-Pugh A5 and MELD 8 before; B7 and MELD 16 at the day-3 CRS peak; back to A5 by day 14. */
function labPanels(): NewPanel[] {
  return [
    panel('SCR', onDay(-36, '08:00'), [['bilirubin', 1.05, 'mg/dL'], ['albumin', 3.8, 'g/dL'], ['inr', 1.1, ''], ['creatinine', 0.88, 'mg/dL'], ['sodium', 139, 'mmol/L'], ['platelets', 142, '10^9/L'], ['neutrophils', 3.2, '10^9/L'], ['alt', 46, 'U/L'], ['ast', 52, 'U/L'], ['afp', 1850, 'ng/mL']]),
    panel('D0', onDay(0, '07:00'), [['bilirubin', 17, 'umol/L'], ['albumin', 37, 'g/L'], ['inr', 1.1, ''], ['creatinine', 76, 'umol/L'], ['sodium', 138, 'mmol/L'], ['platelets', 118, '10^9/L'], ['neutrophils', 0.4, '10^9/L'], ['alt', 41, 'U/L'], ['ast', 47, 'U/L'], ['crp', 4, 'mg/L'], ['ferritin', 410, 'ug/L']]),
    panel('CRS.3', onDay(3, '07:30'), [['bilirubin', 30, 'umol/L'], ['albumin', 31, 'g/L'], ['inr', 1.8, ''], ['creatinine', 97, 'umol/L'], ['sodium', 134, 'mmol/L'], ['platelets', 71, '10^9/L'], ['neutrophils', 0.6, '10^9/L'], ['alt', 112, 'U/L'], ['ast', 158, 'U/L'], ['crp', 146, 'mg/L'], ['ferritin', 1850, 'ug/L'], ['il6', 890, 'pg/mL']]),
    panel('CRS.7', onDay(7, '07:30'), [['bilirubin', 22, 'umol/L'], ['albumin', 33, 'g/L'], ['inr', 1.3, ''], ['creatinine', 84, 'umol/L'], ['sodium', 137, 'mmol/L'], ['platelets', 64, '10^9/L'], ['neutrophils', 0.9, '10^9/L'], ['alt', 78, 'U/L'], ['ast', 84, 'U/L'], ['crp', 21, 'mg/L'], ['ferritin', 960, 'ug/L']]),
    panel('CRS.14', onDay(14, '07:30'), [['bilirubin', 17, 'umol/L'], ['albumin', 36, 'g/L'], ['inr', 1.1, ''], ['creatinine', 80, 'umol/L'], ['sodium', 139, 'mmol/L'], ['platelets', 96, '10^9/L'], ['neutrophils', 1.6, '10^9/L'], ['alt', 44, 'U/L'], ['ast', 49, 'U/L'], ['crp', 5, 'mg/L']]),
    panel('M1', onDay(28, '08:00'), [['bilirubin', 15, 'umol/L'], ['albumin', 38, 'g/L'], ['inr', 1.05, ''], ['creatinine', 79, 'umol/L'], ['sodium', 140, 'mmol/L'], ['platelets', 131, '10^9/L'], ['neutrophils', 2.1, '10^9/L'], ['alt', 35, 'U/L'], ['ast', 38, 'U/L'], ['afp', 420, 'ng/mL']]),
  ];
}

/** mRECIST (viable, arterially enhancing diameters): 52 + 31 = 83 mm at baseline, 29 + 17 = 46 mm at month 1 (−44.6 %: partial response). */
async function tumourAssessments(db: Db, subjectId: string) {
  await as(db, 'physician', async () => {
    await recordTumourAssessment(db, subjectId, {
      assessedAt: iso(onDay(-35, '15:00')),
      modality: 'mri',
      targetLesions: [
        { lesionId: 'T1', organ: 'liver', viableDiameterMm: 52, location: 'Segment VIII', series: '7', image: '42' },
        { lesionId: 'T2', organ: 'liver', viableDiameterMm: 31, location: 'Segment VI', series: '7', image: '61' },
      ],
      nonTargetLesions: [{ lesionId: 'N1', organ: 'lymph node', status: 'present' }],
      newLesions: false,
      notes: 'Baseline multiphase MRI: two arterially enhancing lesions with washout; portocaval node 14 mm (non-target).',
    });
    await recordTumourAssessment(db, subjectId, {
      assessedAt: iso(onDay(28, '15:00')),
      modality: 'mri',
      targetLesions: [
        { lesionId: 'T1', organ: 'liver', viableDiameterMm: 29, location: 'Segment VIII', series: '7', image: '40' },
        { lesionId: 'T2', organ: 'liver', viableDiameterMm: 17, location: 'Segment VI', series: '7', image: '60' },
      ],
      nonTargetLesions: [{ lesionId: 'N1', organ: 'lymph node', status: 'present' }],
      newLesions: false,
      notes: 'Month 1: viable enhancing tumour reduced in both lesions, central necrosis; no new lesion.',
    });
  });
}

/** Today: febrile neutropenia needing admission, judged serious three hours after the team learned of it. */
async function seriousEventToday(db: Db, subjectId: string, din: string) {
  const now = Date.now();
  await enterPanels(db, subjectId, [panel('WK.4', new Date(now - 6 * HOUR), [['neutrophils', 0.6, '10^9/L'], ['platelets', 88, '10^9/L'], ['hemoglobin', 98, 'g/L'], ['wbc', 1.4, '10^9/L'], ['crp', 64, 'mg/L']])]);
  await as(db, 'physician', () =>
    createAdverseEvent(db, subjectId, {
      verbatimTerm: 'Fever 38.9 °C with neutrophils 0.6 × 10^9/L, admitted to the hepatobiliary ward',
      ctcaeTerm: 'febrile_neutropenia',
      grade: 3,
      onsetAt: iso(new Date(now - 7 * HOUR)),
      awareAt: iso(new Date(now - 3 * HOUR)),
      description: 'Late (biphasic) neutropenia six weeks after CAR-T; blood cultures taken, empirical piperacillin-tazobactam, G-CSF started.',
      actionTaken: 'not_applicable',
      outcome: 'not_recovered',
      productDin: din,
      assessment: {
        seriousness: ['hospitalization'],
        relatedness: { product: 'probable', lymphodepletion: 'possible' },
        expectedness: 'expected',
        rsiReference: 'IB v3.0 §6.3 (prolonged cytopenias)',
        signature: signed('Investigator assessment'),
      },
    }),
  );
}

/** The visits done so far: WK.4 (day 42) is today, M3 still to come. */
async function visits(db: Db, subjectId: string) {
  await visitsDone(db, subjectId, [
    ['SCR', onDay(-36, '10:00')],
    ['LD', onDay(-5, '09:00')],
    ['D0', onDay(0, '10:00')],
    ...Array.from({ length: 14 }, (_, i): [string, Date] => [`CRS.${i + 1}`, onDay(i + 1, '08:30')]),
    ['WK.1', onDay(21, '09:00')],
    ['WK.2', onDay(28, '09:00')],
    ['M1', onDay(28, '09:30')],
    ['WK.3', onDay(35, '09:00')],
  ]);
}

export interface InfusedSubject {
  subjectId: string;
  din: string;
  coi: string;
}

export async function seedInfusedSubject(db: Db): Promise<InfusedSubject> {
  const { subjectId, patientId, studyId } = await enrolledSubject(db);
  await tumourAssessments(db, subjectId);
  const bag = await collectedBag(db, patientId, studyId);
  await importProductHistory(db, {
    ...bag,
    batchNumber: `B-${onDay(-23, '09:00').getUTCFullYear()}-P003`,
    manufacturedFrom: onDay(-23, '09:00'),
    manufacturedTo: onDay(-12, '16:00'),
    reviewedAt: onDay(-6, '11:00'),
    releasedAt: onDay(-5, '15:00'),
    departedAt: onDay(0, '07:30'),
    receivedAt: onDay(0, '08:40'),
    verifiedAt: onDay(0, '09:50'),
    infusedAt: onDay(0, '10:00'),
    dose: { carPositiveCells: 2.1e8, weightKg: 70, volumeMl: 68 },
  });
  await visits(db, subjectId);
  await enterPanels(db, subjectId, labPanels());
  const crsEvent = await crsAndIcans(db, subjectId);
  await closeCrsEvent(db, crsEvent);
  await seriousEventToday(db, subjectId, bag.din);
  return { subjectId, din: bag.din, coi: bag.coi };
}
