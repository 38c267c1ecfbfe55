/**
 * The one place the safety and response services call the grading rules of @hepatica/core (CTCAE v5.0,
 * ASTCT 2019, mRECIST), so a change of their signatures is absorbed here and nowhere else.
 */
import {
  bestOverallResponse,
  gradeCrs,
  gradeCtcaeLab,
  gradeIcans,
  iceScore,
  isCtcaeTermKey,
  mrecistTimepoint,
  validateTargetLesions,
  worstGrade,
  type CrsInput,
  type IceItems,
  type IcansInput,
  type MrecistNonTarget,
  type TargetLesionInput,
} from '@hepatica/core';

export type { IceItems };
export type NonTargetStatus = MrecistNonTarget;

/** The CTCAE v5.0 term of cytokine release syndrome (Immune system disorders). */
export const CRS_TERM = 'cytokine_release_syndrome';

/** A term of the AE entry list (CTCAE_TERMS). */
export const isCtcaeTerm = (term: string): boolean => isCtcaeTermKey(term);

export const crsGrade = (input: CrsInput): number => gradeCrs(input).grade;
export const iceTotal = (items: IceItems): number => iceScore(items);
export const icansGrade = (input: IcansInput): number => gradeIcans(input).grade;
export const worst = (grades: number[]): number => worstGrade(grades) ?? 0;

/** The CTCAE grade of one result, or null when it cannot be graded (no ULN/LLN where the term needs it). */
export function labGrade(input: { term: string; value: number; uln?: number; lln?: number; baseline?: number; unit?: string | null }): number | null {
  try {
    return gradeCtcaeLab(input).grade;
  } catch {
    return null;
  }
}

/** What breaks the mRECIST target-lesion rules (counts always; measurability at baseline), as a problem; null when none. */
export function targetLesionProblems(lesions: TargetLesionInput[], baseline: boolean): { detail: string; path: string; params: Record<string, string | number> } | null {
  const { errors } = validateTargetLesions(lesions, { baseline });
  const first = errors[0];
  if (!first) return null;
  return { detail: first.message, path: `body.targetLesions${first.path ? (first.path.startsWith('[') ? first.path.replace(/^\[(\d+)\]/, '.$1') : `.${first.path}`) : ''}`, params: { rule: first.code, ...first.params } };
}

export function timepointResponse(input: { baselineSum: number; nadirSum: number; currentSum: number; newLesions: boolean; nonTarget: NonTargetStatus | null }): string {
  return mrecistTimepoint(input).response;
}

export function bestResponse(timepoints: { response: string; assessedAt: string }[]): string | null {
  return bestOverallResponse(timepoints)?.response ?? null;
}
