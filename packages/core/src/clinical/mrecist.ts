/**
 * Modified RECIST for hepatocellular carcinoma: Lencioni R, Llovet JM. Semin Liver Dis 2010;30:52-60.
 * Target lesions: at most 2 per organ and 5 in all, measurable (≥ 10 mm longest viable diameter) and showing
 * intratumoral arterial enhancement on contrast CT or MRI; the sum is of viable (arterially enhancing) diameters.
 * Per time point: CR = disappearance of intratumoral arterial enhancement in all targets; PR ≥ 30 % decrease of
 * the sum from baseline; PD ≥ 20 % increase of the sum over the nadir (smallest sum since treatment started), a
 * new lesion, or unequivocal progression of non-target lesions; SD otherwise. With viable non-target tumour
 * left, a target CR is PR overall (RECIST combination table). No 5 mm absolute-increase rule: that is RECIST 1.1
 * and not part of the 2010 mRECIST text.
 */

export const MRECIST_SOURCE = 'Lencioni & Llovet, Semin Liver Dis 2010;30:52-60';
export const MRECIST_RESPONSES = ['CR', 'PR', 'SD', 'PD'] as const;
export type MrecistResponse = (typeof MRECIST_RESPONSES)[number];
export const MRECIST_NON_TARGET = ['absent', 'present', 'unequivocal_progression'] as const;
export type MrecistNonTarget = (typeof MRECIST_NON_TARGET)[number];

export const MRECIST_RULES = { maxPerOrgan: 2, maxTotal: 5, minMeasurableMm: 10, prDecrease: 0.3, pdIncrease: 0.2 } as const;

export interface TargetLesionInput {
  lesionId: string;
  organ: string;
  viableDiameterMm: number;
  /** Typical HCC arterial-phase hyperenhancement; false refuses the lesion as a target (it may be non-target). */
  typicalArterialEnhancement?: boolean | null;
}

export interface MrecistProblem {
  code: 'mrecist.too_many_targets' | 'mrecist.too_many_in_organ' | 'mrecist.not_measurable' | 'mrecist.atypical_enhancement' | 'mrecist.negative_diameter';
  message: string;
  /** Relative to the lesion list: `[2].viableDiameterMm`, or '' for the list. */
  path: string;
  params: Record<string, string | number>;
}

/**
 * What breaks the target-lesion rules: always the counts (≤ 2 per organ, ≤ 5 in all) and impossible diameters;
 * at baseline (`{ baseline: true }`) also measurability (≥ 10 mm viable) and typical arterial enhancement —
 * at follow-up the same targets are measured whatever their size, down to 0 mm.
 */
export function validateTargetLesions(lesions: readonly TargetLesionInput[], options: { baseline?: boolean } = {}): { valid: boolean; errors: MrecistProblem[] } {
  const errors: MrecistProblem[] = [];
  const r = MRECIST_RULES;
  if (lesions.length > r.maxTotal) {
    errors.push({ code: 'mrecist.too_many_targets', path: '', message: `mRECIST allows at most ${r.maxTotal} target lesions in all; ${lesions.length} were given.`, params: { count: lesions.length, max: r.maxTotal } });
  }
  const byOrgan = new Map<string, number>();
  for (const l of lesions) byOrgan.set(l.organ.trim().toLowerCase(), (byOrgan.get(l.organ.trim().toLowerCase()) ?? 0) + 1);
  for (const [organ, count] of byOrgan) {
    if (count > r.maxPerOrgan) {
      errors.push({ code: 'mrecist.too_many_in_organ', path: '', message: `mRECIST allows at most ${r.maxPerOrgan} target lesions per organ; ${organ} has ${count}.`, params: { organ, count, max: r.maxPerOrgan } });
    }
  }
  lesions.forEach((l, i) => {
    const at = `[${i}]`;
    if (!Number.isFinite(l.viableDiameterMm) || l.viableDiameterMm < 0) {
      errors.push({ code: 'mrecist.negative_diameter', path: `${at}.viableDiameterMm`, message: `Lesion ${l.lesionId}: a diameter cannot be negative.`, params: { lesionId: l.lesionId } });
    } else if (options.baseline && l.viableDiameterMm < r.minMeasurableMm) {
      errors.push({ code: 'mrecist.not_measurable', path: `${at}.viableDiameterMm`, message: `Lesion ${l.lesionId}: a target lesion needs a viable enhancing diameter of at least ${r.minMeasurableMm} mm at baseline (${l.viableDiameterMm} mm).`, params: { lesionId: l.lesionId, min: r.minMeasurableMm } });
    }
    if (options.baseline && l.typicalArterialEnhancement === false) {
      errors.push({ code: 'mrecist.atypical_enhancement', path: `${at}.typicalArterialEnhancement`, message: `Lesion ${l.lesionId}: a target lesion must show typical intratumoral arterial enhancement; record it as non-target.`, params: { lesionId: l.lesionId } });
    }
  });
  return { valid: errors.length === 0, errors };
}

export interface MrecistTimepointInput {
  baselineSum: number;
  /** Smallest sum since treatment started (the baseline included). */
  nadirSum: number;
  currentSum: number;
  newLesions?: boolean | null;
  /** Non-target lesions: absent (none left or none at baseline), present (viable), unequivocal progression. Left out: none. */
  nonTarget?: MrecistNonTarget | null;
}

export interface MrecistTimepoint {
  response: MrecistResponse;
  /** Change of the sum, %, one decimal; null when the reference is 0. */
  changeFromBaselinePct: number | null;
  changeFromNadirPct: number | null;
}

export class MrecistInputError extends Error {
  constructor(
    readonly path: string,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'MrecistInputError';
  }
}

const pct = (from: number, to: number) => (from > 0 ? Math.round(((to - from) / from) * 1000) / 10 : null);
/** x − factor × ref to 1e-9 mm, free of binary noise (0.7 × 50 vs 35). */
const diff = (x: number, factor: number, ref: number) => Math.round((x - factor * ref) * 1e9) / 1e9;

/**
 * The overall response at one time point.
 * @example mrecistTimepoint({ baselineSum: 60, nadirSum: 60, currentSum: 40 }) // PR (−33.3 %)
 */
export function mrecistTimepoint(input: MrecistTimepointInput): MrecistTimepoint {
  for (const key of ['baselineSum', 'nadirSum', 'currentSum'] as const) {
    if (!Number.isFinite(input[key]) || input[key] < 0) throw new MrecistInputError(key, 'mrecist.negative_sum', `${key} cannot be negative.`);
  }
  if (input.nadirSum > input.baselineSum) throw new MrecistInputError('nadirSum', 'mrecist.nadir_above_baseline', 'The nadir is the smallest sum since baseline: it cannot be larger than the baseline sum.');
  const { baselineSum, nadirSum, currentSum } = input;
  const out = (response: MrecistResponse): MrecistTimepoint => ({ response, changeFromBaselinePct: pct(baselineSum, currentSum), changeFromNadirPct: pct(nadirSum, currentSum) });
  // From a nadir of 0 (a CR), any reappearing viable tumour is progression.
  const grewOverNadir = nadirSum === 0 ? currentSum > 0 : diff(currentSum, 1 + MRECIST_RULES.pdIncrease, nadirSum) >= 0;
  if (input.newLesions || input.nonTarget === 'unequivocal_progression' || grewOverNadir) return out('PD');
  if (currentSum === 0) return out(input.nonTarget === 'present' ? 'PR' : 'CR');
  if (baselineSum > 0 && diff(currentSum, 1 - MRECIST_RULES.prDecrease, baselineSum) <= 0) return out('PR');
  return out('SD');
}

const RANK: Record<MrecistResponse, number> = { CR: 4, PR: 3, SD: 2, PD: 1 };

/**
 * Best overall response: the best time-point response recorded from the start of treatment until progression
 * (time points after the first PD do not count). With `confirm`, a CR or PR counts only when a later time point
 * at least `minIntervalDays` (default 28, RECIST) after it shows the same or a better response; an unconfirmed
 * one reads SD. Time points are ordered by `assessedAt` when given. Null without any time point.
 */
export function bestOverallResponse(
  timepoints: readonly { response: MrecistResponse | string; assessedAt?: string | Date | null }[],
  options: { confirm?: boolean; minIntervalDays?: number } = {},
): { response: MrecistResponse } | null {
  const ordered = timepoints
    .map((t, i) => ({ response: t.response as MrecistResponse, at: t.assessedAt ? new Date(t.assessedAt).getTime() : Number.NaN, i }))
    .filter((t) => Object.hasOwn(RANK, t.response))
    .sort((a, b) => (Number.isNaN(a.at) || Number.isNaN(b.at) ? a.i - b.i : a.at - b.at || a.i - b.i));
  const firstPd = ordered.findIndex((t) => t.response === 'PD');
  const window = firstPd === -1 ? ordered : ordered.slice(0, firstPd + 1);
  if (!window.length) return null;
  const minMs = (options.minIntervalDays ?? 28) * 86_400_000;
  const confirmed = (idx: number): MrecistResponse => {
    const t = window[idx]!;
    if (!options.confirm || (t.response !== 'CR' && t.response !== 'PR')) return t.response;
    const later = window.slice(idx + 1).find((u) => u.at - t.at >= minMs && RANK[u.response] >= RANK[t.response]);
    if (later) return t.response;
    const laterPr = t.response === 'CR' ? window.slice(idx + 1).find((u) => u.at - t.at >= minMs && u.response === 'PR') : undefined;
    return laterPr ? 'PR' : 'SD';
  };
  let best: MrecistResponse = 'PD';
  window.forEach((_t, idx) => {
    const r = confirmed(idx);
    if (RANK[r] > RANK[best]) best = r;
  });
  return { response: best };
}
