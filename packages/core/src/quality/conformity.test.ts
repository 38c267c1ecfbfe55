/**
 * Conformity at the bounds. The criteria are the demo center's own acceptance criteria (see
 * apps/server/src/demo/qc.seed.ts for where each comes from): viability ≥ 70 %, vector copy number
 * ≤ 5 copies/cell, endotoxin < 0.5 EU/mL (exclusive), CD73 ≥ 95 %, a dose window. The expected
 * answers are the plain meaning of ≥, >, ≤ and < : a value on an inclusive bound conforms, a value
 * on an exclusive bound does not, and 1e-9 inside or outside a bound decides accordingly.
 */
import { describe, expect, it } from 'vitest';
import { criterionProblems, describeCriterion, evaluateConformity, type NumericCriterion, type ResultValue, type SpecCriterion } from './conformity';

const viability: NumericCriterion = { kind: 'numeric', unit: '%', min: 70 };
const vcn: NumericCriterion = { kind: 'numeric', unit: 'copies/cell', max: 5 };
const endotoxin: NumericCriterion = { kind: 'numeric', unit: 'EU/mL', max: 0.5, maxInclusive: false };
const aboveZero: NumericCriterion = { kind: 'numeric', unit: 'vg/mL', min: 0, minInclusive: false };
const dose: NumericCriterion = { kind: 'numeric', unit: '×10^6 CAR+ T cells/kg', min: 0.5, max: 5 };
const openDose: NumericCriterion = { kind: 'numeric', unit: '×10^6 cells/kg', min: 0.5, max: 5, minInclusive: false, maxInclusive: false };
const e = 1e-9;

describe('numeric criteria at their bounds', () => {
  it.each<[string, NumericCriterion, number, boolean]>([
    ['≥ 70 %: on the bound', viability, 70, true],
    ['≥ 70 %: just inside', viability, 70 + e, true],
    ['≥ 70 %: just outside', viability, 70 - e, false],
    ['≥ 70 %: far inside (no upper bound)', viability, 100, true],
    ['≤ 5 copies/cell: on the bound', vcn, 5, true],
    ['≤ 5 copies/cell: just inside', vcn, 5 - e, true],
    ['≤ 5 copies/cell: just outside', vcn, 5 + e, false],
    ['≤ 5 copies/cell: zero (no lower bound)', vcn, 0, true],
    ['< 0.5 EU/mL: on the exclusive bound', endotoxin, 0.5, false],
    ['< 0.5 EU/mL: just inside', endotoxin, 0.5 - e, true],
    ['< 0.5 EU/mL: just outside', endotoxin, 0.5 + e, false],
    ['> 0: on the exclusive bound', aboveZero, 0, false],
    ['> 0: just inside', aboveZero, e, true],
    ['> 0: just outside', aboveZero, -e, false],
    ['[0.5, 5]: on the lower bound', dose, 0.5, true],
    ['[0.5, 5]: on the upper bound', dose, 5, true],
    ['[0.5, 5]: just below', dose, 0.5 - e, false],
    ['[0.5, 5]: just above', dose, 5 + e, false],
    ['(0.5, 5): on the lower bound', openDose, 0.5, false],
    ['(0.5, 5): on the upper bound', openDose, 5, false],
    ['(0.5, 5): just inside the lower bound', openDose, 0.5 + e, true],
    ['(0.5, 5): just inside the upper bound', openDose, 5 - e, true],
  ])('%s', (_, criterion, value, conforms) => {
    expect(evaluateConformity(criterion, value)).toEqual({ valid: true, conforms, reportOnly: false });
  });

  it('a numeric test without bounds is report only and always conforms', () => {
    expect(evaluateConformity({ kind: 'numeric', unit: 'cells' }, -3)).toEqual({ valid: true, conforms: true, reportOnly: true });
  });
});

describe('values of the wrong kind are refused, never judged', () => {
  it.each<[string, SpecCriterion, ResultValue, string]>([
    ['text for a numeric test', viability, '72', 'expected_number'],
    ['a boolean for a numeric test', viability, true, 'expected_number'],
    ['NaN for a numeric test', viability, Number.NaN, 'expected_number'],
    ['Infinity for a numeric test', vcn, Number.POSITIVE_INFINITY, 'expected_number'],
    ['a number for pass/fail', { kind: 'pass_fail' }, 1, 'expected_pass_fail'],
    ['a boolean for pass/fail', { kind: 'pass_fail' }, true, 'expected_pass_fail'],
    ['another word for pass/fail', { kind: 'pass_fail' }, 'passed', 'expected_pass_fail'],
    ['a number for text', { kind: 'text', acceptable: ['46,XY'] }, 46, 'expected_text'],
    ['blank text', { kind: 'text' }, '   ', 'expected_text'],
  ])('%s', (_, criterion, value, problem) => {
    expect(evaluateConformity(criterion, value)).toEqual({ valid: false, problem });
  });
});

describe('pass/fail and text criteria', () => {
  it.each<[string, SpecCriterion, ResultValue, boolean, boolean]>([
    ['pass conforms', { kind: 'pass_fail' }, 'pass', true, false],
    ['fail does not conform', { kind: 'pass_fail' }, 'fail', false, false],
    ['an acceptable karyotype', { kind: 'text', acceptable: ['46,XX', '46,XY'] }, '46,XY', true, false],
    ['case and spaces do not matter', { kind: 'text', acceptable: ['Not detected'] }, '  not   DETECTED ', true, false],
    ['another result does not conform', { kind: 'text', acceptable: ['46,XX', '46,XY'] }, '47,XY,+8', false, false],
    ['report only: anything conforms', { kind: 'text' }, 'Spindle-shaped, plastic-adherent', true, true],
    ['report only with an empty list', { kind: 'text', acceptable: [] }, 'Clear, colourless', true, true],
  ])('%s', (_, criterion, value, conforms, reportOnly) => {
    expect(evaluateConformity(criterion, value)).toEqual({ valid: true, conforms, reportOnly });
  });
});

describe('criterionProblems', () => {
  it.each<[string, SpecCriterion, string[]]>([
    ['a closed range', dose, []],
    ['one point, both ends inclusive (e.g. "= 46 chromosomes")', { kind: 'numeric', unit: 'chromosomes', min: 46, max: 46 }, []],
    ['one point with an exclusive end', { kind: 'numeric', unit: '%', min: 5, max: 5, maxInclusive: false }, ['max']],
    ['min above max', { kind: 'numeric', unit: '%', min: 6, max: 5 }, ['max']],
    ['no unit', { kind: 'numeric', unit: ' ', min: 1 }, ['unit']],
    ['a blank acceptable text', { kind: 'text', acceptable: ['46,XX', ' '] }, ['acceptable']],
    ['pass/fail', { kind: 'pass_fail' }, []],
  ])('%s', (_, criterion, fields) => {
    expect(criterionProblems(criterion).map((p) => p.field)).toEqual(fields);
  });
});

describe('describeCriterion', () => {
  it.each<[SpecCriterion, string]>([
    [viability, '≥ 70 %'],
    [vcn, '≤ 5 copies/cell'],
    [endotoxin, '< 0.5 EU/mL'],
    [openDose, '> 0.5 and < 5 ×10^6 cells/kg'],
    [{ kind: 'numeric', unit: 'cells' }, 'Report (cells)'],
    [{ kind: 'pass_fail' }, 'Pass'],
    [{ kind: 'text', acceptable: ['46,XX', '46,XY'] }, '46,XX or 46,XY'],
    [{ kind: 'text' }, 'Report'],
  ])('%j → %s', (criterion, printed) => {
    expect(describeCriterion(criterion)).toBe(printed);
  });
});
