/**
 * The one place the protocols and screening code converts lab units: `convertLab` / `isKnownUnit` of
 * `@hepatica/core` (units.ts), in the shape eligibility rules take (null when a value cannot be converted).
 */
import { convertLab, isKnownUnit, type LabConverter } from '@hepatica/core';

export const isKnownLabUnit = (analyte: string, unit: string): boolean => isKnownUnit(analyte, unit);

export const convertLabValue: LabConverter = (analyte, value, from, to) => {
  if (!isKnownUnit(analyte, from) || !isKnownUnit(analyte, to)) return null;
  return convertLab(analyte, value, from, to);
};
