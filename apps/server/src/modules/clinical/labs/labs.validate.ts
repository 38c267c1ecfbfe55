/** The rules a lab result must pass before it is stored: known analyte and unit, a possible value, once per panel. */
import { acceptedUnits, canonicalUnit, convertLab, isKnownUnit, isLabAnalyte, LAB_ANALYTES, loincFor, normalizeUnit, referenceRange, validateLabValue } from '@hepatica/core';
import type { FieldError } from '../../../platform/errors';
import type { StoredReference } from './labs.tables';

export interface ResultProblem extends FieldError {
  code: string;
  params: Record<string, string | number>;
}

export interface CheckedResult {
  analyte: string;
  loinc: string;
  value: number;
  unit: string;
  canonicalValue: number;
  canonicalUnit: string;
  reference: StoredReference | null;
  flag: 'low' | 'high' | 'normal' | null;
}

/** The problems of one result (`at` is its path prefix: `body.results.2`, `body` for a correction). */
export function resultProblems(r: { analyte: string; value: number; unit: string }, at: string): ResultProblem[] {
  if (!isLabAnalyte(r.analyte)) {
    return [{ path: `${at}.analyte`, code: 'lab.unknown_analyte', message: `Unknown analyte ${r.analyte}.`, params: { analyte: r.analyte } }];
  }
  if (!isKnownUnit(r.analyte, r.unit)) {
    const accepted = acceptedUnits(r.analyte).join(', ');
    return [{ path: `${at}.unit`, code: 'lab.unknown_unit', message: `${r.unit} is not a unit of ${r.analyte}; use ${accepted}.`, params: { analyte: r.analyte, unit: r.unit, accepted } }];
  }
  const impossible = validateLabValue(r.analyte, r.value, r.unit);
  return impossible ? [{ path: `${at}.value`, code: 'lab.impossible_value', message: impossible, params: { analyte: r.analyte, value: r.value } }] : [];
}

function flagOf(v: number, ref: StoredReference | null): CheckedResult['flag'] {
  if (!ref) return null;
  if (ref.low !== undefined && v < ref.low) return 'low';
  if (ref.high !== undefined && v > ref.high) return 'high';
  return 'normal';
}

/** A valid result in SI with the reference range for the patient's sex and its flag. */
export function checkedResult(r: { analyte: string; value: number; unit: string }, sex: 'female' | 'male' | null): CheckedResult {
  const unit = normalizeUnit(r.unit);
  const canonicalValue = convertLab(r.analyte, r.value, unit);
  const reference = referenceRange(r.analyte, sex);
  return { analyte: r.analyte, loinc: loincFor(r.analyte, unit), value: r.value, unit, canonicalValue, canonicalUnit: canonicalUnit(r.analyte), reference, flag: flagOf(canonicalValue, reference) };
}

export const labLabel = (analyte: string) => {
  const d = isLabAnalyte(analyte) ? LAB_ANALYTES[analyte] : null;
  return { en: d?.label.en ?? analyte, zh: d?.label['zh-CN'] ?? analyte };
};
