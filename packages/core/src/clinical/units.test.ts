/**
 * Lab units. Factors: bilirubin 17.1 µmol/L per mg/dL and creatinine 88.4 (molar masses 584.7 and 113.1 g/mol;
 * the factors of the SI unit conversion tables, e.g. AMA Manual of Style SI conversion table), albumin and
 * hemoglobin g/dL × 10 = g/L, 1 µkat/L = 60 U/L, AFP 1 IU = 1.21 ng (WHO IS 72/225).
 */
import { describe, expect, it } from 'vitest';
import {
  acceptedUnits,
  canonicalUnit,
  convertLab,
  isKnownUnit,
  LAB_ANALYTE_KEYS,
  LAB_ANALYTES,
  labInputProblems,
  LabUnitError,
  loincFor,
  referenceRange,
  validateLabValue,
} from './units';

describe('convertLab', () => {
  it.each<[string, number, string, string | undefined, number]>([
    ['bilirubin', 1, 'mg/dL', undefined, 17.1],
    ['bilirubin', 1.2, 'mg/dL', 'umol/L', 20.52],
    ['bilirubin', 34.2, 'µmol/L', 'mg/dL', 2],
    ['creatinine', 1, 'mg/dL', undefined, 88.4],
    ['creatinine', 176.8, 'umol/L', 'mg/dL', 2],
    ['albumin', 3.5, 'g/dL', undefined, 35],
    ['albumin', 28, 'g/L', 'g/dL', 2.8],
    ['hemoglobin', 8, 'g/dL', 'g/L', 80],
    ['alt', 1, 'ukat/L', 'U/L', 60],
    ['afp', 100, 'IU/mL', 'ng/mL', 121],
    ['platelets', 150, '10^3/uL', undefined, 150],
    ['sodium', 135, 'mEq/L', 'mmol/L', 135],
    ['inr', 1.4, '', undefined, 1.4],
    ['crp', 5, 'mg/dL', 'mg/L', 50],
    ['fibrinogen', 250, 'mg/dL', 'g/L', 2.5],
  ])('%s %s %s → %s = %s', (analyte, value, from, to, expected) => expect(convertLab(analyte, value, from, to)).toBe(expected));

  it('round-trips every accepted unit of every analyte', () => {
    for (const analyte of LAB_ANALYTE_KEYS) {
      for (const unit of acceptedUnits(analyte)) expect(convertLab(analyte, convertLab(analyte, 12.5, unit), canonicalUnit(analyte), unit)).toBeCloseTo(12.5, 9);
    }
  });

  it('throws a typed error naming the accepted units on an unknown unit', () => {
    expect(() => convertLab('bilirubin', 1, 'mmol/L')).toThrow(LabUnitError);
    try {
      convertLab('bilirubin', 1, 'mg/L');
    } catch (e) {
      expect(e).toMatchObject({ code: 'lab.unknown_unit', analyte: 'bilirubin', unit: 'mg/L', accepted: ['umol/L', 'mg/dL'] });
    }
    expect(() => convertLab('bilirubin', 1, 'mg/dL', 'g/L')).toThrow(/not accepted for bilirubin/);
    expect(() => convertLab('unobtainium', 1, 'mg/dL')).toThrow(expect.objectContaining({ code: 'lab.unknown_analyte' }));
  });
});

describe('units and codes', () => {
  it('knows the canonical SI unit and accepted spellings', () => {
    expect(canonicalUnit('bilirubin')).toBe('umol/L');
    expect(canonicalUnit('albumin')).toBe('g/L');
    expect(isKnownUnit('bilirubin', 'µmol/L')).toBe(true);
    expect(isKnownUnit('inr', '')).toBe(true);
    expect(isKnownUnit('inr', 'mg/dL')).toBe(false);
    expect(isKnownUnit('sodium', 'mg/dL')).toBe(false);
    expect(isKnownUnit('nope', 'U/L')).toBe(false);
  });

  it('gives every analyte a LOINC code of the form nnnn-n, by unit where the property differs (LOINC 2.7x)', () => {
    for (const a of Object.values(LAB_ANALYTES)) expect(a.loinc).toMatch(/^\d{3,6}-\d$/);
    expect(loincFor('bilirubin', 'mg/dL')).toBe('1975-2');
    expect(loincFor('bilirubin', 'umol/L')).toBe('14631-6');
    expect(loincFor('creatinine', 'mg/dL')).toBe('2160-0');
    expect(loincFor('inr')).toBe('6301-6');
  });

  it('reads sex-specific reference ranges (WS/T 404.1-2012 ALT) and takes a site override', () => {
    expect(referenceRange('alt', 'male')).toMatchObject({ low: 9, high: 50, unit: 'U/L' });
    expect(referenceRange('alt', 'female')).toMatchObject({ low: 7, high: 40 });
    expect(referenceRange('platelets')).toMatchObject({ low: 125, high: 350, source: expect.stringContaining('WS/T 405') });
    expect(referenceRange('alt', 'male', { alt: { high: 41, unit: 'U/L', source: 'site lab' } })).toEqual({ high: 41, unit: 'U/L', source: 'site lab' });
  });
});

describe('validateLabValue', () => {
  it.each<[string, number, string | undefined, RegExp | null]>([
    ['platelets', -5, undefined, /cannot be negative/],
    ['neutrophils', 0, undefined, null],
    ['inr', 0, undefined, /greater than 0/],
    ['inr', -1, '', /greater than 0/],
    ['inr', 1.1, undefined, null],
    ['sodium', 0, 'mmol/L', /greater than 0/],
    ['bilirubin', 0, 'mg/dL', null],
    ['creatinine', Number.NaN, undefined, /must be a number/],
    ['platelets', 150000, '10^9/L', /beyond any measured value/],
    ['hemoglobin', 13, 'g/dL', null],
  ])('%s %s %s', (analyte, value, unit, expected) => {
    const message = validateLabValue(analyte, value, unit);
    if (expected) expect(message).toMatch(expected);
    else expect(message).toBeNull();
  });

  it('names each bad field of a lab panel by path', () => {
    const problems = labInputProblems({ bilirubin: { value: 1, unit: 'mmol/L' }, inr: { value: 0 }, platelets: { value: -1, unit: '10^9/L' }, albumin: { value: 35, unit: 'g/L' } });
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['labs.bilirubin.unit', 'lab.unknown_unit'],
      ['labs.inr.value', 'lab.impossible_value'],
      ['labs.platelets.value', 'lab.impossible_value'],
    ]);
    expect(problems[0]!.params.accepted).toBe('umol/L, mg/dL');
  });
});
