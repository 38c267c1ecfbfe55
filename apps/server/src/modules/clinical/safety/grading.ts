/**
 * The one place the safety and response services call the grading rules of @hepatica/core (CTCAE v5.0,
 * ASTCT 2019, mRECIST), so a change of their signatures is absorbed here and nowhere else.
 */
import {
  bestOverallResponse,
  CTCAE_TERMS,
  gradeCrs,
  gradeCtcaeLab,
  gradeIcans,
  iceScore,
  mrecistTimepoint,
  validateTargetLesions,
  worstGrade,
} from '@hepatica/core';

/** The CTCAE v5.0 term of cytokine release syndrome (Immune system disorders). */
export const CRS_TERM = 'cytokine_release_syndrome';

const termKeys = (): readonly string[] => (Array.isArray(CTCAE_TERMS) ? (CTCAE_TERMS as readonly string[]) : Object.keys(CTCAE_TERMS));

export const isCtcaeTerm = (term: string): boolean => term === CRS_TERM || termKeys().includes(term);

const gradeOf = (r: number | { grade: number }) => (typeof r === 'number' ? r : r.grade);

export interface IceItems {
  orientationYear: boolean;
  orientationMonth: boolean;
  orientationCity: boolean;
  orientationHospital: boolean;
  namedObjects: number;
  followsCommands: boolean;
  writesSentence: boolean;
  countsBackBy10: boolean;
}

export const crsGrade = (input: Parameters<typeof gradeCrs>[0]): number => gradeOf(gradeCrs(input));
export const iceTotal = (items: IceItems): number => {
  const r = iceScore(items as never) as number | { score: number };
  return typeof r === 'number' ? r : r.score;
};
export const icansGrade = (input: Record<string, unknown>): number => gradeOf(gradeIcans(input as never));
export const worst = (grades: number[]): number => worstGrade(grades) ?? 0;

export const labGrade = (input: { term: string; value: number; uln?: number; lln?: number; baseline?: number }): number =>
  gradeCtcaeLab(input as never).grade;

export type NonTargetStatus = 'absent' | 'present' | 'unequivocal_progression';

/** What validateTargetLesions finds wrong with a set of target lesions, as a problem's detail and params; null when none. */
export function targetLesionProblems(lesions: { lesionId: string; organ: string; viableDiameterMm: number }[]): { detail: string; params: Record<string, string | number> } | null {
  const result = validateTargetLesions(lesions as never) as unknown;
  const errors = Array.isArray(result) ? result : ((result as { errors?: unknown[] } | null)?.errors ?? []);
  if (!errors.length) return null;
  const first = errors[0] as { message?: string; code?: string } | string;
  const detail = typeof first === 'string' ? first : (first.message ?? first.code ?? 'The target lesions break the mRECIST rules.');
  return { detail, params: { rule: typeof first === 'string' ? first : (first.code ?? 'mrecist') } };
}

export function timepointResponse(input: { baselineSum: number; nadirSum: number; currentSum: number; newLesions: boolean; nonTarget: NonTargetStatus | null }): string {
  const r = mrecistTimepoint({ ...input, ...(input.nonTarget ? { nonTarget: input.nonTarget } : { nonTarget: undefined }) } as never) as unknown;
  return typeof r === 'string' ? r : (r as { response: string }).response;
}

export function bestResponse(timepoints: { response: string; assessedAt: string }[]): string | null {
  const r = bestOverallResponse(timepoints as never) as unknown;
  if (r === null || r === undefined) return null;
  return typeof r === 'string' ? r : (r as { response: string }).response;
}
