/**
 * BCLC stage, 2022 update (Reig et al., J Hepatol 2022;76:681-693, figure 1): from tumour burden, liver
 * function and ECOG performance status (PS).
 *   0 very early: single nodule ≤ 2 cm, preserved liver function, PS 0
 *   A early:      single nodule, or 2–3 nodules each ≤ 3 cm, preserved liver function, PS 0
 *   B intermediate: multinodular beyond A, preserved liver function, PS 0
 *   C advanced:   portal (macrovascular) invasion and/or extrahepatic spread, or PS 1–2; preserved liver function
 *   D terminal:   end-stage liver function or PS 3–4, any tumour burden
 * Readings chosen where the source leaves room (BCLC_READING): D when either end-stage liver function or PS 3–4
 * (the figure lists both in one box); PS 1–2 gives C whatever the tumour burden (the figure attributes
 * PS 1–2 to cancer-related symptoms: a clinician who judges PS not tumour-related types the stage directly);
 * without an explicit `liverFunction`, Child-Pugh A is preserved and C end-stage, and Child-Pugh B is staged
 * by tumour burden and PS like preserved function, with a note (the 2022 text asks for individual assessment
 * of Child-Pugh B: the result is flagged, not hidden).
 */
import type { BclcStageCode, ChildPughClass } from './eligibility';

export const BCLC_READING = {
  version: 'bclc-2022/1',
  source: 'Reig et al., J Hepatol 2022;76:681-693',
  veryEarlyMaxMm: 20,
  earlyMultiMaxMm: 30,
  earlyMaxNodules: 3,
  endStageWhen: 'liver function end-stage OR ECOG PS 3-4',
  childPughB: 'staged by tumour burden and PS as preserved, flagged for individual assessment',
} as const;

export interface BclcInput {
  ecog?: number | null;
  /** Number of HCC nodules (0 is not a stage: no tumour). */
  nodules?: number | null;
  /** Diameter of the largest nodule, mm. */
  largestDiameterMm?: number | null;
  macrovascularInvasion?: boolean | null;
  extrahepaticSpread?: boolean | null;
  /** A clinician's judgement; wins over the Child-Pugh class. */
  liverFunction?: 'preserved' | 'end_stage' | null;
  childPughClass?: ChildPughClass | null;
}

export type BclcBasis =
  | 'end_stage_liver_function'
  | 'performance_status_3_4'
  | 'vascular_invasion_or_extrahepatic_spread'
  | 'performance_status_1_2'
  | 'single_up_to_2cm'
  | 'single_or_up_to_3_nodules_up_to_3cm'
  | 'multinodular';

export interface BclcResult {
  stage: BclcStageCode;
  basis: BclcBasis;
  version: string;
  notes: string[];
}

/**
 * The BCLC stage, or null when the data cannot decide it (the missing item matters for the outcome).
 * @example bclcStage({ ecog: 0, nodules: 1, largestDiameterMm: 18, childPughClass: 'A' }) // stage '0'
 */
export function bclcStage(input: BclcInput): BclcResult | null {
  const notes: string[] = [];
  const result = (stage: BclcStageCode, basis: BclcBasis): BclcResult => ({ stage, basis, version: BCLC_READING.version, notes });
  const liver = input.liverFunction ?? (input.childPughClass === 'C' ? 'end_stage' : input.childPughClass ? 'preserved' : null);
  if (!input.liverFunction && input.childPughClass === 'B') notes.push('Child-Pugh B: staged as preserved liver function; BCLC 2022 asks for an individual assessment.');
  if (liver === 'end_stage') return result('D', 'end_stage_liver_function');
  if (input.ecog != null && input.ecog >= 3) return result('D', 'performance_status_3_4');
  if (liver === null || input.ecog == null) return null;
  if (input.macrovascularInvasion || input.extrahepaticSpread) return result('C', 'vascular_invasion_or_extrahepatic_spread');
  if (input.ecog >= 1) return result('C', 'performance_status_1_2');
  if (input.macrovascularInvasion == null || input.extrahepaticSpread == null || !input.nodules || input.nodules < 1) return null;
  if (input.nodules >= 4) return result('B', 'multinodular');
  if (input.largestDiameterMm == null) return null;
  if (input.nodules === 1) return input.largestDiameterMm <= BCLC_READING.veryEarlyMaxMm ? result('0', 'single_up_to_2cm') : result('A', 'single_or_up_to_3_nodules_up_to_3cm');
  return input.largestDiameterMm <= BCLC_READING.earlyMultiMaxMm ? result('A', 'single_or_up_to_3_nodules_up_to_3cm') : result('B', 'multinodular');
}
