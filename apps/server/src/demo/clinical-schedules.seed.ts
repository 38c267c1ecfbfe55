/**
 * The demo studies' visit schedules (put on each protocol's draft before its approval). Long-term follow-up
 * as FDA "Long Term Follow-up After Administration of Human Gene Therapy Products" (2020) recommends: up to
 * 15 years after an integrating (lentiviral) vector, as the GPC3 CAR-T cells carry; up to 5 years after an
 * AAV vector. The MSC are not genetically modified: their follow-up ends at month 12.
 */
import type { VisitAssessment } from '@hepatica/core';
import type { VisitDefinitionInput, VisitScheduleBody } from '../modules/clinical/visits/visits.schema';

type Visit = Omit<VisitDefinitionInput, 'assessments'> & { assessments: VisitAssessment[] };

const visit = (code: string, en: string, zh: string, v: Omit<Visit, 'code' | 'name'>): Visit => ({ code, name: { en, zh }, ...v });

const SCREENING: VisitAssessment[] = ['labs', 'liver_panel', 'hematology', 'coagulation', 'vital_signs', 'physical_exam', 'ecog', 'con_meds'];
const SAFETY: VisitAssessment[] = ['labs', 'liver_panel', 'hematology', 'vital_signs', 'adverse_events', 'con_meds'];
const GENE_LTFU: VisitAssessment[] = ['new_malignancy', 'new_neurologic', 'new_autoimmune', 'new_hematologic', 'survival_status', 'adverse_events'];

const months = (anchor: Visit['anchor'], assessments: VisitAssessment[]): Visit[] => [
  visit('M1', 'Month 1', '第1个月', { phase: 'follow_up', anchor, dayOffset: 28, windowBefore: 3, windowAfter: 3, assessments }),
  visit('M3', 'Month 3', '第3个月', { phase: 'follow_up', anchor, dayOffset: 91, windowBefore: 7, windowAfter: 7, assessments }),
  visit('M6', 'Month 6', '第6个月', { phase: 'follow_up', anchor, dayOffset: 182, windowBefore: 14, windowAfter: 14, assessments }),
  visit('M12', 'Month 12', '第12个月', { phase: 'follow_up', anchor, dayOffset: 365, windowBefore: 14, windowAfter: 14, assessments }),
];

const cart: VisitScheduleBody = {
  ltfu: { years: 15, basis: 'integrating_vector' },
  visits: [
    visit('SCR', 'Screening', '筛选访视', { phase: 'screening', anchor: 'consent', dayOffset: 0, windowBefore: 0, windowAfter: 28, assessments: [...SCREENING, 'imaging_mrecist', 'afp'] }),
    visit('LD', 'Lymphodepletion (fludarabine/cyclophosphamide)', '清淋预处理（氟达拉滨/环磷酰胺）', { phase: 'treatment', anchor: 'infusion', dayOffset: -5, windowBefore: 0, windowAfter: 1, assessments: ['labs', 'hematology', 'vital_signs', 'adverse_events'] }),
    visit('D0', 'Day 0: CAR-T infusion', '第0天：CAR-T回输', { phase: 'treatment', anchor: 'infusion', dayOffset: 0, windowBefore: 0, windowAfter: 0, assessments: ['vital_signs', 'crs_icans', 'adverse_events'] }),
    visit('CRS', 'CRS/ICANS monitoring day', 'CRS/ICANS监测日', {
      phase: 'treatment', anchor: 'infusion', dayOffset: 1, windowBefore: 0, windowAfter: 0, assessments: ['crs_icans', 'vital_signs', 'labs', 'hematology', 'adverse_events'],
      repeat: { every: 1, unit: 'day', count: 14 },
    }),
    visit('WK', 'Weekly follow-up', '每周随访', { phase: 'follow_up', anchor: 'infusion', dayOffset: 21, windowBefore: 2, windowAfter: 2, assessments: SAFETY, repeat: { every: 1, unit: 'week', count: 4 } }),
    ...months('infusion', [...SAFETY, 'imaging_mrecist', 'afp', 'rcl_test', 'vcn_blood', 'qol']),
    visit('LTFU', 'Long-term follow-up (yearly)', '长期随访（每年）', {
      phase: 'ltfu', anchor: 'infusion', dayOffset: 730, windowBefore: 30, windowAfter: 30, assessments: [...GENE_LTFU, 'rcl_test', 'vcn_blood'],
      repeat: { every: 1, unit: 'year' },
    }),
  ],
};

const msc: VisitScheduleBody = {
  visits: [
    visit('SCR', 'Screening', '筛选访视', { phase: 'screening', anchor: 'consent', dayOffset: 0, windowBefore: 0, windowAfter: 28, assessments: SCREENING }),
    visit('D0', 'Day 0: randomization and treatment start', '第0天：随机化与治疗开始', { phase: 'treatment', anchor: 'enrollment', dayOffset: 0, windowBefore: 0, windowAfter: 3, assessments: ['vital_signs', 'adverse_events', 'labs'] }),
    visit('W1', 'Week 1', '第1周', { phase: 'treatment', anchor: 'enrollment', dayOffset: 7, windowBefore: 2, windowAfter: 2, assessments: SAFETY }),
    ...months('enrollment', [...SAFETY, 'coagulation', 'qol']),
  ],
};

const aav: VisitScheduleBody = {
  ltfu: { years: 5, basis: 'aav' },
  visits: [
    visit('SCR', 'Screening', '筛选访视', { phase: 'screening', anchor: 'consent', dayOffset: 0, windowBefore: 0, windowAfter: 42, assessments: [...SCREENING, 'aav_antibodies'] }),
    visit('D0', 'Day 0: AAV infusion', '第0天：AAV输注', { phase: 'treatment', anchor: 'infusion', dayOffset: 0, windowBefore: 0, windowAfter: 0, assessments: ['vital_signs', 'adverse_events'] }),
    visit('WK', 'Weekly liver tests (capsid immune response)', '每周肝功能检测（衣壳免疫反应）', {
      phase: 'follow_up', anchor: 'infusion', dayOffset: 7, windowBefore: 1, windowAfter: 1, assessments: ['liver_panel', 'adverse_events', 'con_meds'],
      repeat: { every: 1, unit: 'week', count: 12 },
    }),
    ...months('infusion', [...SAFETY, 'vector_shedding', 'aav_antibodies']),
    visit('LTFU', 'Long-term follow-up (yearly)', '长期随访（每年）', { phase: 'ltfu', anchor: 'infusion', dayOffset: 730, windowBefore: 30, windowAfter: 30, assessments: [...GENE_LTFU, 'liver_panel'], repeat: { every: 1, unit: 'year' } }),
  ],
};

export const SCHEDULES = { cart, msc, aav };
