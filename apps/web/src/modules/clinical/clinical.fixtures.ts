/** Test data of the clinical screens: a study, a protocol version with criteria, lab analytes, a subject. */
import type { ProtocolVersion, Subject } from './clinical.types';
import type { LabAnalyte } from './setup/setup.types';

export const STUDY = { id: 'st1', code: 'HEP-CART-01', title: 'GPC3 CAR-T in HCC', indication: 'hcc', phase: '1', createdAt: '2026-01-01T00:00:00Z' };

export const ANALYTES: LabAnalyte[] = [
  { analyte: 'bilirubin', label: { en: 'Total bilirubin', 'zh-CN': '总胆红素' }, canonicalUnit: 'umol/L', units: [{ unit: 'umol/L', factor: 1 }, { unit: 'mg/dL', factor: 17.1 }] },
  { analyte: 'creatinine', label: { en: 'Creatinine', 'zh-CN': '肌酐' }, canonicalUnit: 'umol/L', units: [{ unit: 'umol/L', factor: 1 }, { unit: 'mg/dL', factor: 88.4 }] },
  { analyte: 'inr', label: { en: 'INR', 'zh-CN': '国际标准化比值' }, canonicalUnit: '', units: [{ unit: '', factor: 1 }] },
];

export function protocol(overrides: Partial<ProtocolVersion> = {}): ProtocolVersion {
  return {
    id: 'pv1',
    studyId: STUDY.id,
    version: 1,
    status: 'draft',
    title: 'GPC3 CAR-T in HCC',
    summary: null,
    arms: [{ id: 'a1', code: 'A', name: 'Treatment', ratio: 1 }],
    criteria: [
      { id: 'c1', code: 'I1', kind: 'inclusion', text: 'Child-Pugh A', rule: { type: 'child_pugh', classes: ['A'] } },
      { id: 'c2', code: 'E1', kind: 'exclusion', text: 'Bilirubin above 3 mg/dL', rule: { type: 'lab', analyte: 'bilirubin', comparator: '>', value: 3, unit: 'mg/dL' } },
    ],
    randomization: null,
    amendedFromId: null,
    approvedAt: null,
    approvedBy: null,
    supersededAt: null,
    signatures: [],
    createdAt: '2026-01-02T00:00:00Z',
    ...overrides,
  };
}

export function subject(overrides: Partial<Subject> = {}): Subject & { screeningData: null; waivers: [] } {
  return {
    id: 'sub1',
    studyId: STUDY.id,
    patientId: 'p1',
    protocolVersionId: 'pv1',
    screeningNumber: 'HEP-CART-01-S001',
    subjectNumber: null,
    status: 'screening',
    screenedAt: '2026-03-01T02:00:00Z',
    enrolledAt: null,
    screenFailureReason: null,
    armCode: null,
    patientCode: 'HCC-001',
    createdAt: '2026-03-01T02:00:00Z',
    screeningData: null,
    waivers: [],
    ...overrides,
  };
}

/** Mantine's autosizing textarea listens for web fonts loading; happy-dom has no document.fonts. */
export function stubFonts(): void {
  if (!('fonts' in document))
    Object.defineProperty(document, 'fonts', {
      value: { addEventListener() {}, removeEventListener() {} },
      configurable: true,
    });
}
