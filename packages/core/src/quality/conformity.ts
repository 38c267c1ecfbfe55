/**
 * Conformity of a QC result to its specification test. The server decides with it when a result is
 * recorded (and opens an OOS investigation when it does not conform); the web app uses the same
 * function to warn the analyst before signing and to print the acceptance criterion.
 *
 * Bounds are inclusive unless the specification says otherwise: "≥ 70 %" is `min: 70`, "< 0.5 EU/mL"
 * is `max: 0.5, maxInclusive: false`. A value exactly on an inclusive bound conforms; on an exclusive
 * bound it does not.
 *
 * @example evaluateConformity({ kind: 'numeric', unit: '%', min: 70 }, 70) // { valid: true, conforms: true, reportOnly: false }
 */

export const SPEC_TEST_KINDS = ['numeric', 'pass_fail', 'text'] as const;
export type SpecTestKind = (typeof SPEC_TEST_KINDS)[number];

export const PASS_FAIL_VALUES = ['pass', 'fail'] as const;
export type PassFailValue = (typeof PASS_FAIL_VALUES)[number];

export interface NumericCriterion {
  kind: 'numeric';
  unit: string;
  min?: number | undefined;
  max?: number | undefined;
  /** Default true: "≥ min". False: "> min". */
  minInclusive?: boolean | undefined;
  /** Default true: "≤ max". False: "< max". */
  maxInclusive?: boolean | undefined;
}

export interface PassFailCriterion {
  kind: 'pass_fail';
}

export interface TextCriterion {
  kind: 'text';
  /** The results that conform (compared ignoring case and repeated spaces); none or empty: report only. */
  acceptable?: readonly string[] | undefined;
}

export type SpecCriterion = NumericCriterion | PassFailCriterion | TextCriterion;

/** What a result may be: a number (numeric), "pass" / "fail" (pass_fail), free text (text). */
export type ResultValue = number | string | boolean;

/** Why a value cannot be judged against a test: it is of the wrong kind. */
export type WrongKind = 'expected_number' | 'expected_pass_fail' | 'expected_text';

export type Conformity =
  | { valid: true; conforms: boolean; /** Nothing to compare against: recorded and reported, never out of specification. */ reportOnly: boolean }
  | { valid: false; problem: WrongKind };

/** Judges a result value against a specification test. A value of the wrong kind is `valid: false`, never a non-conformity. */
export function evaluateConformity(criterion: SpecCriterion, value: ResultValue): Conformity {
  switch (criterion.kind) {
    case 'numeric':
      return numeric(criterion, value);
    case 'pass_fail':
      if (value !== 'pass' && value !== 'fail') return { valid: false, problem: 'expected_pass_fail' };
      return { valid: true, conforms: value === 'pass', reportOnly: false };
    case 'text':
      return text(criterion, value);
  }
}

function numeric(c: NumericCriterion, value: ResultValue): Conformity {
  if (typeof value !== 'number' || !Number.isFinite(value)) return { valid: false, problem: 'expected_number' };
  const reportOnly = c.min === undefined && c.max === undefined;
  return { valid: true, conforms: aboveMin(c, value) && belowMax(c, value), reportOnly };
}

function aboveMin(c: NumericCriterion, value: number): boolean {
  if (c.min === undefined) return true;
  return c.minInclusive === false ? value > c.min : value >= c.min;
}

function belowMax(c: NumericCriterion, value: number): boolean {
  if (c.max === undefined) return true;
  return c.maxInclusive === false ? value < c.max : value <= c.max;
}

function text(c: TextCriterion, value: ResultValue): Conformity {
  if (typeof value !== 'string' || normalText(value) === '') return { valid: false, problem: 'expected_text' };
  const acceptable = c.acceptable ?? [];
  if (!acceptable.length) return { valid: true, conforms: true, reportOnly: true };
  const given = normalText(value);
  return { valid: true, conforms: acceptable.some((a) => normalText(a) === given), reportOnly: false };
}

/** Text results are compared as people read them: case, surrounding and repeated spaces do not matter. */
export function normalText(value: string): string {
  return value.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * What is wrong with a criterion as written in a specification, as field → message; empty when it
 * can be used. A range nothing can satisfy (min above max, or one point with an exclusive end) is refused.
 */
export function criterionProblems(c: SpecCriterion): { field: 'min' | 'max' | 'unit' | 'acceptable'; message: string }[] {
  if (c.kind === 'pass_fail') return [];
  if (c.kind === 'text') {
    const blank = (c.acceptable ?? []).some((a) => normalText(a) === '');
    return blank ? [{ field: 'acceptable', message: 'An acceptable result must not be empty' }] : [];
  }
  const problems: { field: 'min' | 'max' | 'unit'; message: string }[] = [];
  if (!c.unit.trim()) problems.push({ field: 'unit', message: 'A numeric test needs a unit' });
  for (const field of ['min', 'max'] as const) {
    const v = c[field];
    if (v !== undefined && !Number.isFinite(v)) problems.push({ field, message: 'Must be a finite number' });
  }
  if (c.min !== undefined && c.max !== undefined) {
    const closed = c.minInclusive !== false && c.maxInclusive !== false;
    if (c.min > c.max || (c.min === c.max && !closed)) {
      problems.push({ field: 'max', message: 'No value can meet this range: the maximum must be above the minimum' });
    }
  }
  return problems;
}

/**
 * The acceptance criterion as printed on a worksheet or certificate of analysis, e.g. "≥ 70 %",
 * "> 0.1 and ≤ 5 copies/cell", "Pass", "46,XX or 46,XY", or "Report" when nothing is compared.
 */
export function describeCriterion(c: SpecCriterion): string {
  switch (c.kind) {
    case 'pass_fail':
      return 'Pass';
    case 'text':
      return c.acceptable?.length ? c.acceptable.join(' or ') : 'Report';
    case 'numeric': {
      const parts: string[] = [];
      if (c.min !== undefined) parts.push(`${c.minInclusive === false ? '>' : '≥'} ${c.min}`);
      if (c.max !== undefined) parts.push(`${c.maxInclusive === false ? '<' : '≤'} ${c.max}`);
      if (!parts.length) return `Report (${c.unit})`;
      return `${parts.join(' and ')} ${c.unit}`;
    }
  }
}
