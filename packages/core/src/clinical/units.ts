/**
 * Lab analytes: canonical unit, accepted units with exact conversion factors, LOINC code (reused by FHIR
 * Observation.code), adult reference ranges and the bounds of what is physically possible.
 *
 * Conversion: `value in unit × factor = value in the canonical unit`. Factors are the published molar masses
 * or decimal prefixes: bilirubin 17.1 µmol/L per mg/dL (M = 584.7 g/mol), creatinine 88.4 µmol/L per mg/dL
 * (M = 113.1 g/mol), uric acid 59.48 µmol/L per mg/dL (M = 168.1 g/mol), g/dL × 10 = g/L, 1 µkat/L = 60 U/L
 * (1 µmol/s = 60 µmol/min), AFP 1 IU = 1.21 ng (WHO 1st IS 72/225). Sources of the reference ranges are named
 * per analyte in `source`; a site replaces them with its laboratory's own (`referenceRange(…, overrides)`).
 */

export const LAB_ANALYTE_KEYS = [
  'bilirubin',
  'creatinine',
  'albumin',
  'sodium',
  'potassium',
  'inr',
  'ast',
  'alt',
  'alp',
  'ggt',
  'ldh',
  'platelets',
  'neutrophils',
  'hemoglobin',
  'wbc',
  'lymphocytes',
  'afp',
  'crp',
  'ferritin',
  'il6',
  'fibrinogen',
  'uric_acid',
] as const;
export type LabAnalyteKey = (typeof LAB_ANALYTE_KEYS)[number];

export interface LabReferenceRange {
  low?: number;
  high?: number;
  /** In the analyte's canonical unit. */
  unit: string;
  /** Sex-specific limits where the source gives them; they win over low/high when the sex is known. */
  bySex?: { female: { low?: number; high?: number }; male: { low?: number; high?: number } };
  source: string;
}

export interface LabAnalyteDefinition {
  analyte: LabAnalyteKey;
  label: { en: string; 'zh-CN': string };
  /** LOINC code of the analyte in its canonical (or usual mass) unit; `loincByUnit` where the property differs. */
  loinc: string;
  loincByUnit?: Record<string, string>;
  canonicalUnit: string;
  /** Accepted unit → factor to the canonical unit. */
  units: Record<string, number>;
  reference: LabReferenceRange | null;
  /** Physically possible values, canonical unit: below `min` (or at it when `minExclusive`) is impossible. */
  min: number;
  minExclusive?: boolean;
  /** Above this nothing living is measured; catches unit slips (e.g. platelets typed per µL). */
  max?: number;
}

const WS_T_405 = 'WS/T 405-2012 Reference intervals for blood cell analysis (adults, venous blood), NHC China';
const WS_T_404 = (part: string) => `WS/T 404.${part} Reference intervals for common clinical biochemistry tests (adults), NHC China`;
const TYPICAL = (what: string) => `${what}; assay-dependent: confirm with the site's laboratory`;

const counts = { '10^9/L': 1, 'x10^9/L': 1, 'G/L': 1, '10^3/uL': 1, '10^3/mm3': 1, 'K/uL': 1 };
const enzyme = { 'U/L': 1, 'IU/L': 1, 'ukat/L': 60 };

/** The analytes, keyed by name. */
export const LAB_ANALYTES: Readonly<Record<LabAnalyteKey, LabAnalyteDefinition>> = {
  bilirubin: {
    analyte: 'bilirubin',
    label: { en: 'Total bilirubin', 'zh-CN': '总胆红素' },
    loinc: '14631-6',
    loincByUnit: { 'mg/dL': '1975-2', 'umol/L': '14631-6' },
    canonicalUnit: 'umol/L',
    units: { 'umol/L': 1, 'mg/dL': 17.1 },
    reference: { high: 26, unit: 'umol/L', bySex: { female: { high: 21 }, male: { high: 26 } }, source: WS_T_404('4-2018 (total bilirubin)') },
    min: 0,
    max: 1500,
  },
  creatinine: {
    analyte: 'creatinine',
    label: { en: 'Creatinine', 'zh-CN': '肌酐' },
    loinc: '14682-9',
    loincByUnit: { 'mg/dL': '2160-0', 'umol/L': '14682-9' },
    canonicalUnit: 'umol/L',
    units: { 'umol/L': 1, 'mg/dL': 88.4 },
    reference: { low: 41, high: 97, unit: 'umol/L', bySex: { female: { low: 41, high: 73 }, male: { low: 57, high: 97 } }, source: WS_T_404('5-2015 (enzymatic creatinine, 20–59 y)') },
    min: 0,
    minExclusive: true,
    max: 3000,
  },
  albumin: {
    analyte: 'albumin',
    label: { en: 'Albumin', 'zh-CN': '白蛋白' },
    loinc: '1751-7',
    canonicalUnit: 'g/L',
    units: { 'g/L': 1, 'g/dL': 10 },
    reference: { low: 40, high: 55, unit: 'g/L', source: WS_T_404('2-2012 (albumin, 20–59 y)') },
    min: 0,
    minExclusive: true,
    max: 80,
  },
  sodium: {
    analyte: 'sodium',
    label: { en: 'Sodium', 'zh-CN': '钠' },
    loinc: '2951-2',
    canonicalUnit: 'mmol/L',
    units: { 'mmol/L': 1, 'mEq/L': 1 },
    reference: { low: 137, high: 147, unit: 'mmol/L', source: WS_T_404('3-2012 (sodium)') },
    min: 0,
    minExclusive: true,
    max: 250,
  },
  potassium: {
    analyte: 'potassium',
    label: { en: 'Potassium', 'zh-CN': '钾' },
    loinc: '2823-3',
    canonicalUnit: 'mmol/L',
    units: { 'mmol/L': 1, 'mEq/L': 1 },
    reference: { low: 3.5, high: 5.3, unit: 'mmol/L', source: WS_T_404('3-2012 (potassium)') },
    min: 0,
    minExclusive: true,
    max: 15,
  },
  inr: {
    analyte: 'inr',
    label: { en: 'INR', 'zh-CN': '国际标准化比值' },
    loinc: '6301-6',
    canonicalUnit: '',
    units: { '': 1, '1': 1, ratio: 1, '{INR}': 1 },
    reference: { low: 0.8, high: 1.2, unit: '', source: TYPICAL('Typical adult interval (no anticoagulant)') },
    min: 0,
    minExclusive: true,
    max: 20,
  },
  ast: {
    analyte: 'ast',
    label: { en: 'AST', 'zh-CN': '天门冬氨酸氨基转移酶' },
    loinc: '1920-8',
    canonicalUnit: 'U/L',
    units: enzyme,
    reference: { low: 13, high: 40, unit: 'U/L', bySex: { female: { low: 13, high: 35 }, male: { low: 15, high: 40 } }, source: WS_T_404('1-2012 (AST without P5P)') },
    min: 0,
    max: 50000,
  },
  alt: {
    analyte: 'alt',
    label: { en: 'ALT', 'zh-CN': '丙氨酸氨基转移酶' },
    loinc: '1742-6',
    canonicalUnit: 'U/L',
    units: enzyme,
    reference: { low: 7, high: 50, unit: 'U/L', bySex: { female: { low: 7, high: 40 }, male: { low: 9, high: 50 } }, source: WS_T_404('1-2012 (ALT without P5P)') },
    min: 0,
    max: 50000,
  },
  alp: {
    analyte: 'alp',
    label: { en: 'Alkaline phosphatase', 'zh-CN': '碱性磷酸酶' },
    loinc: '6768-6',
    canonicalUnit: 'U/L',
    units: enzyme,
    reference: { low: 35, high: 125, unit: 'U/L', bySex: { female: { low: 35, high: 100 }, male: { low: 45, high: 125 } }, source: WS_T_404('1-2012 (ALP; women 20–49 y)') },
    min: 0,
    max: 20000,
  },
  ggt: {
    analyte: 'ggt',
    label: { en: 'Gamma-glutamyl transferase', 'zh-CN': 'γ-谷氨酰转移酶' },
    loinc: '2324-2',
    canonicalUnit: 'U/L',
    units: enzyme,
    reference: { low: 7, high: 60, unit: 'U/L', bySex: { female: { low: 7, high: 45 }, male: { low: 10, high: 60 } }, source: WS_T_404('1-2012 (GGT)') },
    min: 0,
    max: 20000,
  },
  ldh: {
    analyte: 'ldh',
    label: { en: 'Lactate dehydrogenase', 'zh-CN': '乳酸脱氢酶' },
    loinc: '2532-0',
    canonicalUnit: 'U/L',
    units: enzyme,
    reference: { low: 120, high: 250, unit: 'U/L', source: TYPICAL('Typical adult interval (IFCC method)') },
    min: 0,
    max: 50000,
  },
  platelets: {
    analyte: 'platelets',
    label: { en: 'Platelet count', 'zh-CN': '血小板计数' },
    loinc: '777-3',
    canonicalUnit: '10^9/L',
    units: counts,
    reference: { low: 125, high: 350, unit: '10^9/L', source: WS_T_405 },
    min: 0,
    max: 5000,
  },
  neutrophils: {
    analyte: 'neutrophils',
    label: { en: 'Neutrophil count', 'zh-CN': '中性粒细胞计数' },
    loinc: '751-8',
    canonicalUnit: '10^9/L',
    units: counts,
    reference: { low: 1.8, high: 6.3, unit: '10^9/L', source: WS_T_405 },
    min: 0,
    max: 500,
  },
  hemoglobin: {
    analyte: 'hemoglobin',
    label: { en: 'Hemoglobin', 'zh-CN': '血红蛋白' },
    loinc: '718-7',
    canonicalUnit: 'g/L',
    units: { 'g/L': 1, 'g/dL': 10 },
    reference: { low: 115, high: 175, unit: 'g/L', bySex: { female: { low: 115, high: 150 }, male: { low: 130, high: 175 } }, source: WS_T_405 },
    min: 0,
    minExclusive: true,
    max: 300,
  },
  wbc: {
    analyte: 'wbc',
    label: { en: 'White blood cell count', 'zh-CN': '白细胞计数' },
    loinc: '6690-2',
    canonicalUnit: '10^9/L',
    units: counts,
    reference: { low: 3.5, high: 9.5, unit: '10^9/L', source: WS_T_405 },
    min: 0,
    max: 1000,
  },
  lymphocytes: {
    analyte: 'lymphocytes',
    label: { en: 'Lymphocyte count', 'zh-CN': '淋巴细胞计数' },
    loinc: '731-0',
    canonicalUnit: '10^9/L',
    units: counts,
    reference: { low: 1.1, high: 3.2, unit: '10^9/L', source: WS_T_405 },
    min: 0,
    max: 1000,
  },
  afp: {
    analyte: 'afp',
    label: { en: 'Alpha-fetoprotein', 'zh-CN': '甲胎蛋白' },
    loinc: '1834-1',
    canonicalUnit: 'ng/mL',
    units: { 'ng/mL': 1, 'ug/L': 1, 'IU/mL': 1.21 },
    reference: { high: 7, unit: 'ng/mL', source: TYPICAL('Typical adult upper limit (electrochemiluminescence); HCC surveillance cut-offs differ') },
    min: 0,
    max: 10_000_000,
  },
  crp: {
    analyte: 'crp',
    label: { en: 'C-reactive protein', 'zh-CN': 'C反应蛋白' },
    loinc: '1988-5',
    canonicalUnit: 'mg/L',
    units: { 'mg/L': 1, 'mg/dL': 10 },
    reference: { high: 10, unit: 'mg/L', source: TYPICAL('Typical adult upper limit') },
    min: 0,
    max: 1000,
  },
  ferritin: {
    analyte: 'ferritin',
    label: { en: 'Ferritin', 'zh-CN': '铁蛋白' },
    loinc: '2276-4',
    canonicalUnit: 'ug/L',
    units: { 'ug/L': 1, 'ng/mL': 1 },
    reference: { low: 15, high: 400, unit: 'ug/L', bySex: { female: { low: 15, high: 150 }, male: { low: 30, high: 400 } }, source: TYPICAL('Typical adult interval') },
    min: 0,
    max: 1_000_000,
  },
  il6: {
    analyte: 'il6',
    label: { en: 'Interleukin-6', 'zh-CN': '白细胞介素-6' },
    loinc: '26881-3',
    canonicalUnit: 'pg/mL',
    units: { 'pg/mL': 1, 'ng/L': 1 },
    reference: { high: 7, unit: 'pg/mL', source: TYPICAL('Typical adult upper limit (electrochemiluminescence)') },
    min: 0,
    max: 1_000_000,
  },
  fibrinogen: {
    analyte: 'fibrinogen',
    label: { en: 'Fibrinogen', 'zh-CN': '纤维蛋白原' },
    loinc: '3255-7',
    canonicalUnit: 'g/L',
    units: { 'g/L': 1, 'mg/dL': 0.01 },
    reference: { low: 2, high: 4, unit: 'g/L', source: TYPICAL('Typical adult interval (Clauss)') },
    min: 0,
    max: 20,
  },
  uric_acid: {
    analyte: 'uric_acid',
    label: { en: 'Uric acid', 'zh-CN': '尿酸' },
    loinc: '14933-6',
    loincByUnit: { 'mg/dL': '3084-1', 'umol/L': '14933-6' },
    canonicalUnit: 'umol/L',
    units: { 'umol/L': 1, 'mg/dL': 59.48 },
    reference: { low: 155, high: 428, unit: 'umol/L', bySex: { female: { low: 155, high: 357 }, male: { low: 208, high: 428 } }, source: TYPICAL('Typical adult interval (uricase)') },
    min: 0,
    max: 3000,
  },
};

/** Why a lab value or unit is refused; `code` is the problem code the API returns. */
export class LabUnitError extends Error {
  readonly code: 'lab.unknown_analyte' | 'lab.unknown_unit';
  constructor(
    readonly analyte: string,
    readonly unit: string,
    readonly accepted: readonly string[],
  ) {
    const known = isLabAnalyte(analyte);
    super(
      known
        ? `${unit === '' ? 'No unit' : `Unit "${unit}"`} is not accepted for ${analyte}; use ${accepted.map((u) => (u === '' ? '(none)' : u)).join(', ')}.`
        : `${analyte} is not a known lab analyte.`,
    );
    this.name = 'LabUnitError';
    this.code = known ? 'lab.unknown_unit' : 'lab.unknown_analyte';
  }
}

export const isLabAnalyte = (analyte: string): analyte is LabAnalyteKey => Object.hasOwn(LAB_ANALYTES, analyte);

/** Spelling variants people type: µ/μ for u, surrounding spaces, "×10^9/L". */
export function normalizeUnit(unit: string): string {
  return unit.trim().replaceAll('µ', 'u').replaceAll('μ', 'u').replace(/^×/, 'x');
}

function definition(analyte: string): LabAnalyteDefinition {
  if (!isLabAnalyte(analyte)) throw new LabUnitError(analyte, '', []);
  return LAB_ANALYTES[analyte];
}

/** The unit results of an analyte are stored in, e.g. canonicalUnit('bilirubin') === 'umol/L'. */
export const canonicalUnit = (analyte: string): string => definition(analyte).canonicalUnit;

/** Whether `unit` (as typed: µ or u) is accepted for the analyte; false for an unknown analyte. */
export function isKnownUnit(analyte: string, unit: string): boolean {
  return isLabAnalyte(analyte) && Object.hasOwn(LAB_ANALYTES[analyte].units, normalizeUnit(unit));
}

/** The accepted units of an analyte, canonical first. */
export function acceptedUnits(analyte: string): string[] {
  const d = definition(analyte);
  return [d.canonicalUnit, ...Object.keys(d.units).filter((u) => u !== d.canonicalUnit)];
}

function factor(d: LabAnalyteDefinition, unit: string): number {
  const f = d.units[normalizeUnit(unit)];
  if (f === undefined) throw new LabUnitError(d.analyte, unit, acceptedUnits(d.analyte));
  return f;
}

/**
 * Converts a value between two accepted units of an analyte (to the canonical unit by default). Throws a
 * LabUnitError on an unknown analyte or unit. The result is rounded to 10 significant digits so exact factors
 * give exact results (1.2 mg/dL bilirubin → 20.52 µmol/L, not 20.520000000000003).
 * @example convertLab('creatinine', 1, 'mg/dL') // 88.4
 */
export function convertLab(analyte: string, value: number, fromUnit: string, toUnit?: string): number {
  const d = definition(analyte);
  const canonical = value * factor(d, fromUnit);
  const out = toUnit === undefined ? canonical : canonical / factor(d, toUnit);
  return Number(out.toPrecision(10));
}

const describeUnit = (unit: string) => (unit === '' ? '' : ` ${unit}`);

/**
 * Whether a value can be real (null) or why it cannot (a message): negative counts and concentrations,
 * INR, creatinine, albumin, sodium or hemoglobin of 0 or less, or beyond anything measured in a living person.
 * `unit` defaults to the canonical unit; an unknown unit throws a LabUnitError.
 */
export function validateLabValue(analyte: string, value: number, unit?: string): string | null {
  const d = definition(analyte);
  const name = d.label.en;
  if (!Number.isFinite(value)) return `${name} must be a number.`;
  const v = unit === undefined ? value : convertLab(analyte, value, unit);
  const shown = unit === undefined ? d.canonicalUnit : normalizeUnit(unit);
  if (d.minExclusive ? v <= d.min : v < d.min) {
    return d.minExclusive
      ? `${name} must be greater than ${d.min}${describeUnit(d.canonicalUnit)}: ${value}${describeUnit(shown)} is not possible.`
      : `${name} cannot be negative: ${value}${describeUnit(shown)} is not possible.`;
  }
  if (d.max !== undefined && v > d.max) {
    return `${name} of ${value}${describeUnit(shown)} is beyond any measured value (at most ${d.max}${describeUnit(d.canonicalUnit)}); check the unit.`;
  }
  return null;
}

/**
 * The adult reference range of an analyte in its canonical unit, sex-specific where the source gives one.
 * `overrides` (a site's own laboratory ranges by analyte) win over the built-in table.
 */
export function referenceRange(
  analyte: string,
  sex?: 'female' | 'male' | null,
  overrides?: Partial<Record<string, LabReferenceRange>>,
): { low?: number; high?: number; unit: string; source: string } | null {
  const r = overrides?.[analyte] ?? definition(analyte).reference;
  if (!r) return null;
  const limits = sex && r.bySex ? r.bySex[sex] : { low: r.low, high: r.high };
  return { ...(limits.low !== undefined ? { low: limits.low } : {}), ...(limits.high !== undefined ? { high: limits.high } : {}), unit: r.unit, source: r.source };
}

/** The LOINC code of a result: the unit's own where the property differs (mass vs molar), else the analyte's. */
export function loincFor(analyte: string, unit?: string): string {
  const d = definition(analyte);
  return (unit !== undefined ? d.loincByUnit?.[normalizeUnit(unit)] : undefined) ?? d.loinc;
}

export interface LabFieldProblem {
  /** Relative to the labs object's parent, e.g. `labs.bilirubin.unit`. */
  path: string;
  code: 'lab.unknown_analyte' | 'lab.unknown_unit' | 'lab.impossible_value';
  message: string;
  params: Record<string, string | number>;
}

/**
 * Every problem of a set of typed lab values `{ analyte: { value, unit? } }` (unit left out: the canonical
 * one, which is only "no unit" for INR): unknown analyte, unknown unit, impossible value.
 */
export function labInputProblems(labs: Readonly<Record<string, { value: number; unit?: string | null } | null | undefined>>, prefix = 'labs'): LabFieldProblem[] {
  const problems: LabFieldProblem[] = [];
  for (const [analyte, lab] of Object.entries(labs)) {
    if (!lab) continue;
    if (!isLabAnalyte(analyte)) {
      problems.push({ path: `${prefix}.${analyte}`, code: 'lab.unknown_analyte', message: `${analyte} is not a known lab analyte.`, params: { analyte } });
      continue;
    }
    const unit = lab.unit ?? '';
    if (!isKnownUnit(analyte, unit)) {
      const accepted = acceptedUnits(analyte);
      problems.push({
        path: `${prefix}.${analyte}.unit`,
        code: 'lab.unknown_unit',
        message: new LabUnitError(analyte, unit, accepted).message,
        params: { analyte, unit, accepted: accepted.map((u) => (u === '' ? '(none)' : u)).join(', ') },
      });
      continue;
    }
    const message = validateLabValue(analyte, lab.value, unit);
    if (message) problems.push({ path: `${prefix}.${analyte}.value`, code: 'lab.impossible_value', message, params: { analyte, value: lab.value, unit } });
  }
  return problems;
}
