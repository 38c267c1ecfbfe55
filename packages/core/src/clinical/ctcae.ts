/**
 * Lab-based CTCAE v5.0 grades (NCI, Common Terminology Criteria for Adverse Events v5.0, 27 Nov 2017).
 *
 * Increases are graded on multiples of the upper limit of normal (ULN); for ALT, AST, ALP, GGT and bilirubin
 * with an abnormal baseline (baseline > ULN) v5.0 grades on multiples of the baseline instead ("if baseline was
 * abnormal"). Creatinine has baseline multiples for grades 2 and 3 beside the ULN ones: the worse reading wins.
 * Decreases are graded on absolute thresholds (10^9/L; hemoglobin g/L) with grade 1 from below the lower limit
 * of normal (LLN). Boundaries follow the CTCAE wording: ">3.0–5.0 × ULN" is above 3.0 up to and including 5.0;
 * "<75.0–50.0" is below 75.0 down to and including 50.0. ULN/LLN left out: the adult reference range of
 * units.ts (sex-specific when `sex` is given).
 */
import { CTCAE_TERMS, type CtcaeTermKey } from './ctcae-terms';
import { convertLab, referenceRange } from './units';

export * from './ctcae-terms';

export const CTCAE_VERSION = '5.0' as const;
export type CtcaeGrade = 0 | 1 | 2 | 3 | 4;

interface RatioRule {
  kind: 'increase';
  analyte: string;
  /** Upper bounds (× ULN, inclusive) of grades 1, 2, 3; above the last: grade 4. */
  uln: readonly [number, number, number];
  /** Abnormal baseline: lower bound of grade 1 (× baseline, inclusive; `>` when `exclusive`), upper bounds of 1, 2, 3. */
  baseline?: { from: number; exclusive: boolean; bounds: readonly [number, number, number] };
}
interface CountRule {
  kind: 'decrease';
  analyte: string;
  unit: string;
  /** Lower bounds (inclusive) of grades 1…(n); below the last: the next grade. */
  thresholds: readonly number[];
}

/** The grading table; each row is one CTCAE v5.0 term's lab criteria. */
export const CTCAE_LAB_RULES = {
  alt_increased: { kind: 'increase', analyte: 'alt', uln: [3, 5, 20], baseline: { from: 1.5, exclusive: false, bounds: [3, 5, 20] } },
  ast_increased: { kind: 'increase', analyte: 'ast', uln: [3, 5, 20], baseline: { from: 1.5, exclusive: false, bounds: [3, 5, 20] } },
  bilirubin_increased: { kind: 'increase', analyte: 'bilirubin', uln: [1.5, 3, 10], baseline: { from: 1, exclusive: true, bounds: [1.5, 3, 10] } },
  alkaline_phosphatase_increased: { kind: 'increase', analyte: 'alp', uln: [2.5, 5, 20], baseline: { from: 2, exclusive: false, bounds: [2.5, 5, 20] } },
  ggt_increased: { kind: 'increase', analyte: 'ggt', uln: [2.5, 5, 20], baseline: { from: 2, exclusive: false, bounds: [2.5, 5, 20] } },
  creatinine_increased: { kind: 'increase', analyte: 'creatinine', uln: [1.5, 3, 6] },
  platelet_count_decreased: { kind: 'decrease', analyte: 'platelets', unit: '10^9/L', thresholds: [75, 50, 25] },
  neutrophil_count_decreased: { kind: 'decrease', analyte: 'neutrophils', unit: '10^9/L', thresholds: [1.5, 1, 0.5] },
  lymphocyte_count_decreased: { kind: 'decrease', analyte: 'lymphocytes', unit: '10^9/L', thresholds: [0.8, 0.5, 0.2] },
  white_blood_cell_decreased: { kind: 'decrease', analyte: 'wbc', unit: '10^9/L', thresholds: [3, 2, 1] },
  /** Hemoglobin, g/L: grade 3 is < 80 g/L; grade 4 ("life-threatening consequences") is not a lab value. */
  anemia: { kind: 'decrease', analyte: 'hemoglobin', unit: 'g/L', thresholds: [100, 80] },
} as const satisfies Partial<Record<CtcaeTermKey, RatioRule | CountRule>>;

export type CtcaeLabTerm = keyof typeof CTCAE_LAB_RULES;
export const CTCAE_LAB_TERMS = Object.keys(CTCAE_LAB_RULES) as CtcaeLabTerm[];
export const isCtcaeLabTerm = (term: string): term is CtcaeLabTerm => Object.hasOwn(CTCAE_LAB_RULES, term);

export interface CtcaeLabInput {
  term: string;
  value: number;
  uln?: number | null;
  lln?: number | null;
  /** Same unit as `value`; used by the abnormal-baseline rules. */
  baseline?: number | null;
  /** Unit of value/lln for the counts and hemoglobin (default 10^9/L, g/L). */
  unit?: string | null;
  sex?: 'female' | 'male' | null;
}

export interface CtcaeLabGrade {
  grade: CtcaeGrade;
  version: typeof CTCAE_VERSION;
  /** What the grade was read against. */
  basis: 'uln' | 'baseline' | 'threshold';
}

/** Why a lab value cannot be graded; `path` is relative to the body (`value`, `uln`, `term`). */
export class CtcaeInputError extends Error {
  constructor(
    readonly path: string,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'CtcaeInputError';
  }
}

/** Grade by inclusive upper bounds: value ≤ b[0] → 1, ≤ b[1] → 2, ≤ b[2] → 3, else 4. */
const byUpperBounds = (multiple: number, bounds: readonly [number, number, number]): 1 | 2 | 3 | 4 =>
  multiple <= bounds[0] ? 1 : multiple <= bounds[1] ? 2 : multiple <= bounds[2] ? 3 : 4;

function positive(path: string, value: number | null | undefined, what: string): number | undefined {
  if (value == null) return undefined;
  if (!Number.isFinite(value) || value <= 0) throw new CtcaeInputError(path, 'lab.impossible_value', `${what} must be greater than 0.`);
  return value;
}

function gradeIncrease(rule: RatioRule, input: CtcaeLabInput): CtcaeLabGrade {
  const uln = positive('uln', input.uln, 'The upper limit of normal') ?? referenceRange(rule.analyte, input.sex ?? null)?.high;
  if (uln === undefined) throw new CtcaeInputError('uln', 'ctcae.uln_required', `${input.term} is graded on the upper limit of normal: give uln.`);
  const baseline = positive('baseline', input.baseline, 'The baseline');
  const result = (grade: CtcaeGrade, basis: CtcaeLabGrade['basis']): CtcaeLabGrade => ({ grade, version: CTCAE_VERSION, basis });
  const onUln: CtcaeGrade = input.value <= uln ? 0 : byUpperBounds(input.value / uln, rule.uln);

  if (rule.analyte === 'creatinine' && baseline !== undefined) {
    // v5.0: grade 2 ">1.5–3.0 × baseline", grade 3 ">3.0 × baseline", beside the ULN multiples.
    const m = input.value / baseline;
    const onBaseline: CtcaeGrade = m > 3 ? 3 : m > 1.5 ? 2 : 0;
    return onBaseline > onUln ? result(onBaseline, 'baseline') : result(onUln, 'uln');
  }
  if (rule.baseline && baseline !== undefined && baseline > uln) {
    const m = input.value / baseline;
    const b = rule.baseline;
    const below = b.exclusive ? m <= b.from : m < b.from;
    return result(below ? 0 : byUpperBounds(m, b.bounds), 'baseline');
  }
  return result(onUln, 'uln');
}

function gradeDecrease(rule: CountRule, input: CtcaeLabInput): CtcaeLabGrade {
  const unit = input.unit ?? rule.unit;
  const value = convertLab(rule.analyte, input.value, unit, rule.unit);
  const llnIn = input.lln == null ? undefined : convertLab(rule.analyte, positive('lln', input.lln, 'The lower limit of normal')!, unit, rule.unit);
  const lln = llnIn ?? referenceRange(rule.analyte, input.sex ?? null)?.low;
  const t = rule.thresholds;
  // First threshold the value reaches: t[0] → grade 1 (only below the LLN), t[1] → grade 2, …; below all: the next.
  const reached = t.findIndex((threshold) => value >= threshold);
  const grade = (reached === -1 ? t.length + 1 : reached === 0 ? (lln !== undefined && value < lln ? 1 : 0) : reached + 1) as CtcaeGrade;
  return { grade, version: CTCAE_VERSION, basis: 'threshold' };
}

/**
 * The CTCAE v5.0 grade of a lab value.
 * @example gradeCtcaeLab({ term: 'alt_increased', value: 180, uln: 40 }) // { grade: 2, version: '5.0', basis: 'uln' }
 * @example gradeCtcaeLab({ term: 'alt_increased', value: 180, uln: 40, baseline: 100 }) // grade 1 (1.8 × baseline)
 */
export function gradeCtcaeLab(input: CtcaeLabInput): CtcaeLabGrade {
  if (!isCtcaeLabTerm(input.term)) {
    const known = Object.hasOwn(CTCAE_TERMS, input.term);
    throw new CtcaeInputError('term', 'ctcae.unknown_term', known ? `${input.term} is not graded from a lab value.` : `${input.term} is not a CTCAE v5.0 term known here.`);
  }
  const rule: RatioRule | CountRule = CTCAE_LAB_RULES[input.term];
  if (!Number.isFinite(input.value) || input.value < 0) throw new CtcaeInputError('value', 'lab.impossible_value', `A ${rule.analyte} value cannot be negative: ${input.value} is not possible.`);
  return rule.kind === 'increase' ? gradeIncrease(rule, input) : gradeDecrease(rule, input);
}
