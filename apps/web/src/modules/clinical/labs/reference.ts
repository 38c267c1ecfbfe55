/**
 * A typed lab value against the analyte's reference range: the value is converted to the range's unit with the
 * analyte's factors (value × factor = canonical), so 2.0 mg/dL bilirubin reads high against 3.4–20.5 µmol/L.
 */
import type { LabAnalyte, ReferenceLimits } from './labs.types';

export type Flag = 'low' | 'high' | 'normal';

function factorOf(analyte: LabAnalyte, unit: string): number | undefined {
  return analyte.units.find((u) => u.unit === unit)?.factor;
}

/** The limits for this sex (sex-specific limits win where the source gives them). */
export function limitsFor(analyte: LabAnalyte, sex?: string | null): ReferenceLimits | null {
  const ref = analyte.reference;
  if (!ref) return null;
  const own = sex === 'female' || sex === 'male' ? ref.bySex?.[sex] : undefined;
  return { low: own?.low ?? ref.low, high: own?.high ?? ref.high };
}

/** `value unit` converted into `toUnit` of the same analyte; null when either unit is unknown. */
export function convert(analyte: LabAnalyte, value: number, unit: string, toUnit: string): number | null {
  const from = factorOf(analyte, unit);
  const to = factorOf(analyte, toUnit) ?? (toUnit === analyte.canonicalUnit ? 1 : undefined);
  if (from === undefined || to === undefined) return null;
  return (value * from) / to;
}

/** Low, high or normal against the reference range; null without a range or with an unknown unit. */
export function flagOf(analyte: LabAnalyte, value: number, unit: string, sex?: string | null): Flag | null {
  const limits = limitsFor(analyte, sex);
  const ref = analyte.reference;
  if (!limits || !ref) return null;
  const v = convert(analyte, value, unit, ref.unit);
  if (v === null) return null;
  // Compare at a precision that ignores floating-point noise of the conversion (17.1 × 1.2 = 20.520000000000003).
  const eps = 1e-9 * Math.max(1, Math.abs(v));
  if (limits.low !== undefined && v < limits.low - eps) return 'low';
  if (limits.high !== undefined && v > limits.high + eps) return 'high';
  return 'normal';
}

/** The range as printed beside the value, in the unit the person chose: "3.4–20.5 µmol/L", "≤ 40 U/L". */
export function rangeText(analyte: LabAnalyte, unit: string, sex?: string | null): string | null {
  const limits = limitsFor(analyte, sex);
  const ref = analyte.reference;
  if (!limits || !ref) return null;
  const inUnit = (x: number | undefined) => {
    if (x === undefined) return undefined;
    const v = convert(analyte, x, ref.unit, unit);
    return v === null ? undefined : Number(v.toPrecision(3));
  };
  const low = inUnit(limits.low);
  const high = inUnit(limits.high);
  if (low === undefined && high === undefined) return null;
  const u = unit ? ` ${unit}` : '';
  if (low !== undefined && high !== undefined) return `${low}–${high}${u}`;
  return low !== undefined ? `≥ ${low}${u}` : `≤ ${high}${u}`;
}
