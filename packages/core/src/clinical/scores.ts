/**
 * Liver scores from one versioned rule table: MELD (OPTN), MELD-Na (OPTN 2016), MELD 3.0 (Kim 2021),
 * Child-Pugh, ALBI, APRI, FIB-4, and the BCLC stage (2022 update). Each score is computed only when the data
 * it needs is there; labs arrive in any accepted unit and are converted here (units.ts).
 */
import type { ChildPughClass } from './eligibility';
import { convertLab, labInputProblems, LabUnitError, normalizeUnit, referenceRange } from './units';

/** The rule table. A change of a coefficient, bound or rounding is a new version; results carry it. */
export const LIVER_SCORE_RULES = {
  version: '2026.1',
  meld: {
    source: 'OPTN Policy 9.1.D (MELD(i)); Kamath et al., Hepatology 2001;33:464-470',
    coefficients: { creatinine: 0.957, bilirubin: 0.378, inr: 1.12, constant: 0.643 },
    /** Lab values below 1.0 (mg/dL, INR) are set to 1.0. */
    lowerBound: 1.0,
    creatinineCap: 4.0,
    /** Dialysis at least twice in the past week, or 24 h of CVVHD in the past week: creatinine set to the cap. */
    dialysisCreatinine: 4.0,
    /** MELD(i) is rounded to the tenth decimal place, then multiplied by 10. */
    rounding: 'tenth_then_x10',
    min: 6,
    max: 40,
  },
  meldNa: {
    source: 'OPTN Policy 9.1.D, MELD-Na (implemented 11 Jan 2016); Kim et al., N Engl J Med 2008;359:1018-1026',
    sodiumBounds: [125, 137] as const,
    /** Na is applied only when MELD(i) > 11: MELD = MELD(i) + 1.32 × (137 − Na) − 0.033 × MELD(i) × (137 − Na). */
    appliesAboveMeldI: 11,
    coefficients: { na: 1.32, interaction: 0.033 },
    rounding: 'integer',
    max: 40,
  },
  meld3: {
    source: 'Kim et al., Gastroenterology 2021;161:1887-1895 (MELD 3.0); OPTN Policy 9.1.D (adopted 13 Jul 2023)',
    coefficients: {
      female: 1.33,
      lnBilirubin: 4.56,
      na: 0.82,
      naLnBilirubin: 0.24,
      lnInr: 9.09,
      lnCreatinine: 11.14,
      albumin: 1.85,
      albuminLnCreatinine: 1.83,
      constant: 6,
    },
    lowerBound: 1.0,
    creatinineCap: 3.0,
    dialysisCreatinine: 3.0,
    sodiumBounds: [125, 137] as const,
    albuminBounds: [1.5, 3.5] as const,
    rounding: 'integer',
    max: 40,
  },
  childPugh: {
    source: 'Pugh et al., Br J Surg 1973;60:646-649 (INR in place of prothrombin time prolongation, as in current use)',
    /** Points 1/2/3: bilirubin < 2, 2–3, > 3 mg/dL (SI table: < 34, 34–50, > 50 µmol/L). */
    bilirubinMgDl: [2, 3] as const,
    bilirubinUmolL: [34, 50] as const,
    /** Points 1/2/3: albumin > 3.5, 2.8–3.5, < 2.8 g/dL. */
    albuminGdl: [3.5, 2.8] as const,
    /** Points 1/2/3: INR < 1.7, 1.7–2.3, > 2.3. */
    inr: [1.7, 2.3] as const,
    ascites: { none: 1, slight: 2, moderate: 3 },
    encephalopathy: { none: 1, grade_1_2: 2, grade_3_4: 3 },
    classes: { A: [5, 6], B: [7, 9], C: [10, 15] },
  },
  albi: {
    source: 'Johnson et al., J Clin Oncol 2015;33:550-558',
    /** ALBI = 0.66 × log10(bilirubin µmol/L) − 0.085 × albumin g/L. */
    coefficients: { log10Bilirubin: 0.66, albumin: -0.085 },
    /** Grade 1 ≤ −2.60 < grade 2 ≤ −1.39 < grade 3; read from the score rounded to 2 decimals. */
    cutoffs: [-2.6, -1.39] as const,
    decimals: 2,
  },
  apri: {
    source: 'Wai et al., Hepatology 2003;38:518-526',
    /** APRI = (AST / AST upper limit of normal) × 100 / platelets (10^9/L). */
    decimals: 2,
  },
  fib4: {
    source: 'Sterling et al., Hepatology 2006;43:1317-1325',
    /** FIB-4 = age (years) × AST (U/L) / (platelets (10^9/L) × √ALT (U/L)). */
    decimals: 2,
  },
  bclc: {
    source: 'Reig et al., J Hepatol 2022;76:681-693 (BCLC 2022 update)',
  },
} as const;

export type LiverAscites = keyof typeof LIVER_SCORE_RULES.childPugh.ascites;
export type LiverEncephalopathy = keyof typeof LIVER_SCORE_RULES.childPugh.encephalopathy;
export const LIVER_SCORE_LABS = ['bilirubin', 'inr', 'creatinine', 'sodium', 'albumin', 'ast', 'alt', 'platelets'] as const;
export type LiverScoreLab = (typeof LIVER_SCORE_LABS)[number];

export interface LiverLabInput {
  value: number;
  /** Left out: the canonical unit (for INR: no unit). */
  unit?: string | null;
  /** Upper limit of normal (AST, ALT), same unit as the value. */
  uln?: number | null;
}

/** The body of POST /clinical/scores. */
export interface LiverScoreInput {
  sex?: 'female' | 'male' | null;
  ageYears?: number | null;
  dialysis?: boolean | null;
  ascites?: LiverAscites | null;
  encephalopathy?: LiverEncephalopathy | null;
  labs: Partial<Record<LiverScoreLab, LiverLabInput | null>>;
}

/** The response of POST /clinical/scores: only the scores the data allows. */
export interface LiverScores {
  version: string;
  meld?: { score: number; raw: number };
  meldNa?: { score: number };
  meld3?: { score: number };
  childPugh?: { points: number; class: ChildPughClass };
  albi?: { score: number; grade: 1 | 2 | 3 };
  apri?: { score: number };
  fib4?: { score: number };
}

/** Thrown by liverScores on an impossible value; `path` names the field (`labs.inr.value`). */
export class LiverScoreInputError extends Error {
  constructor(
    readonly path: string,
    readonly code: string,
    message: string,
    readonly params: Record<string, string | number>,
  ) {
    super(message);
    this.name = 'LiverScoreInputError';
  }
}

/** Half away from zero at `digits` decimals, immune to binary noise (2.675 → 2.68). */
export function roundTo(x: number, digits: number): number {
  const p = 10 ** digits;
  const scaled = Number((Math.abs(x) * p).toPrecision(12));
  return (Math.sign(x) * Math.round(scaled)) / p;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

type Conventional = Partial<Record<LiverScoreLab, number>>;

/** Labs in the units the formulas were published in: mg/dL (bilirubin, creatinine), g/dL (albumin). */
function conventional(labs: LiverScoreInput['labs']): Conventional {
  const target: Record<LiverScoreLab, string> = {
    bilirubin: 'mg/dL',
    creatinine: 'mg/dL',
    albumin: 'g/dL',
    sodium: 'mmol/L',
    inr: '',
    ast: 'U/L',
    alt: 'U/L',
    platelets: '10^9/L',
  };
  const out: Conventional = {};
  for (const key of LIVER_SCORE_LABS) {
    const lab = labs[key];
    if (lab) out[key] = convertLab(key, lab.value, lab.unit ?? '', target[key]);
  }
  return out;
}

function meldI(bili: number, inr: number, creat: number, dialysis: boolean) {
  const r = LIVER_SCORE_RULES.meld;
  const lo = r.lowerBound;
  const cr = dialysis ? r.dialysisCreatinine : clamp(creat, lo, r.creatinineCap);
  const c = r.coefficients;
  const x = c.creatinine * Math.log(cr) + c.bilirubin * Math.log(Math.max(bili, lo)) + c.inr * Math.log(Math.max(inr, lo)) + c.constant;
  return { raw: roundTo(x * 10, 4), meldI: roundTo(x, 1) * 10 };
}

function meldNa(meldIValue: number, sodium: number): number {
  const r = LIVER_SCORE_RULES.meldNa;
  if (meldIValue <= r.appliesAboveMeldI) return Math.min(r.max, meldIValue);
  const na = clamp(sodium, r.sodiumBounds[0], r.sodiumBounds[1]);
  const score = meldIValue + r.coefficients.na * (137 - na) - r.coefficients.interaction * meldIValue * (137 - na);
  return Math.min(r.max, roundTo(score, 0));
}

function meld3(l: Required<Pick<Conventional, 'bilirubin' | 'inr' | 'creatinine' | 'sodium' | 'albumin'>>, female: boolean, dialysis: boolean): number {
  const r = LIVER_SCORE_RULES.meld3;
  const c = r.coefficients;
  const lnB = Math.log(Math.max(l.bilirubin, r.lowerBound));
  const lnI = Math.log(Math.max(l.inr, r.lowerBound));
  const lnC = Math.log(dialysis ? r.dialysisCreatinine : clamp(l.creatinine, r.lowerBound, r.creatinineCap));
  const na = 137 - clamp(l.sodium, r.sodiumBounds[0], r.sodiumBounds[1]);
  const alb = 3.5 - clamp(l.albumin, r.albuminBounds[0], r.albuminBounds[1]);
  const score =
    (female ? c.female : 0) +
    c.lnBilirubin * lnB +
    c.na * na -
    c.naLnBilirubin * na * lnB +
    c.lnInr * lnI +
    c.lnCreatinine * lnC +
    c.albumin * alb -
    c.albuminLnCreatinine * alb * lnC +
    c.constant;
  return Math.min(r.max, roundTo(score, 0));
}

/** 1, 2 or 3 points: `low` and `high` bound the 2-point band, inclusive (rising = more points as the value rises). */
const band = (v: number, low: number, high: number): 1 | 2 | 3 => (v < low ? 1 : v <= high ? 2 : 3);

function childPugh(input: LiverScoreInput, l: Conventional): LiverScores['childPugh'] {
  const r = LIVER_SCORE_RULES.childPugh;
  if (l.bilirubin === undefined || l.albumin === undefined || l.inr === undefined || !input.ascites || !input.encephalopathy) return undefined;
  // The SI table's cut-offs (34, 50 µmol/L) are not exact conversions of 2 and 3 mg/dL: a bilirubin typed
  // in µmol/L is read against the SI table so the points match what the clinician reads from it.
  const biliUnit = normalizeUnit(input.labs.bilirubin?.unit ?? 'umol/L');
  const biliPoints =
    biliUnit === 'mg/dL'
      ? band(l.bilirubin, r.bilirubinMgDl[0], r.bilirubinMgDl[1])
      : band(convertLab('bilirubin', l.bilirubin, 'mg/dL'), r.bilirubinUmolL[0], r.bilirubinUmolL[1]);
  const albPoints = l.albumin > r.albuminGdl[0] ? 1 : l.albumin >= r.albuminGdl[1] ? 2 : 3;
  const inrPoints = band(l.inr, r.inr[0], r.inr[1]);
  const points = biliPoints + albPoints + inrPoints + r.ascites[input.ascites] + r.encephalopathy[input.encephalopathy];
  const cls: ChildPughClass = points <= r.classes.A[1] ? 'A' : points <= r.classes.B[1] ? 'B' : 'C';
  return { points, class: cls };
}

function albi(l: Conventional): LiverScores['albi'] {
  if (l.bilirubin === undefined || l.albumin === undefined) return undefined;
  const r = LIVER_SCORE_RULES.albi;
  const biliUmol = Math.max(convertLab('bilirubin', l.bilirubin, 'mg/dL'), 0.1);
  const score = roundTo(r.coefficients.log10Bilirubin * Math.log10(biliUmol) + r.coefficients.albumin * l.albumin * 10, r.decimals);
  return { score, grade: score <= r.cutoffs[0] ? 1 : score <= r.cutoffs[1] ? 2 : 3 };
}

function apri(input: LiverScoreInput, l: Conventional): LiverScores['apri'] {
  if (l.ast === undefined || !l.platelets) return undefined;
  const ast = input.labs.ast;
  // The upper limit of the laboratory that measured AST (Wai 2003); without one, the reference range's.
  const uln = ast?.uln ? convertLab('ast', ast.uln, ast.unit ?? 'U/L', 'U/L') : referenceRange('ast', input.sex ?? null)?.high;
  if (!uln) return undefined;
  return { score: roundTo(((l.ast / uln) * 100) / l.platelets, LIVER_SCORE_RULES.apri.decimals) };
}

function fib4(input: LiverScoreInput, l: Conventional): LiverScores['fib4'] {
  if (input.ageYears == null || l.ast === undefined || !l.alt || !l.platelets) return undefined;
  return { score: roundTo((input.ageYears * l.ast) / (l.platelets * Math.sqrt(l.alt)), LIVER_SCORE_RULES.fib4.decimals) };
}

/** Problems of a score input, with paths relative to the body (`labs.inr.value`); empty when it can be scored. */
export function liverScoreInputProblems(input: LiverScoreInput) {
  const problems = labInputProblems(input.labs);
  for (const key of ['ast', 'alt'] as const) {
    const uln = input.labs[key]?.uln;
    if (uln != null && !(uln > 0)) {
      problems.push({ path: `labs.${key}.uln`, code: 'lab.impossible_value', message: `The upper limit of normal of ${key.toUpperCase()} must be greater than 0.`, params: { analyte: key, value: uln, unit: input.labs[key]?.unit ?? 'U/L' } });
    }
  }
  if (input.ageYears != null && !(input.ageYears >= 0 && input.ageYears <= 130)) {
    problems.push({ path: 'ageYears', code: 'lab.impossible_value', message: 'Age must be between 0 and 130 years.', params: { value: input.ageYears } });
  }
  return problems;
}

/**
 * Every liver score the given data allows (the others are left out), in the shape of POST /clinical/scores.
 * Throws LiverScoreInputError (or LabUnitError) on a unit or value that cannot be scored.
 * @example liverScores({ labs: { bilirubin: { value: 2, unit: 'mg/dL' }, inr: { value: 1.5 }, creatinine: { value: 1.2, unit: 'mg/dL' } } }).meld // { score: 16, raw: 16.2… }
 */
export function liverScores(input: LiverScoreInput): LiverScores {
  const problem = liverScoreInputProblems(input)[0];
  if (problem) {
    if (problem.code === 'lab.unknown_unit' || problem.code === 'lab.unknown_analyte') {
      const lab = input.labs[String(problem.params.analyte) as LiverScoreLab];
      throw new LabUnitError(String(problem.params.analyte), lab?.unit ?? '', String(problem.params.accepted ?? '').split(', '));
    }
    throw new LiverScoreInputError(problem.path, problem.code, problem.message, problem.params);
  }
  const l = conventional(input.labs);
  const dialysis = input.dialysis === true;
  const out: LiverScores = { version: LIVER_SCORE_RULES.version };
  if (l.bilirubin !== undefined && l.inr !== undefined && (l.creatinine !== undefined || dialysis)) {
    const m = meldI(l.bilirubin, l.inr, l.creatinine ?? LIVER_SCORE_RULES.meld.dialysisCreatinine, dialysis);
    out.meld = { score: Math.min(LIVER_SCORE_RULES.meld.max, m.meldI), raw: m.raw };
    if (l.sodium !== undefined) out.meldNa = { score: meldNa(m.meldI, l.sodium) };
    if (l.sodium !== undefined && l.albumin !== undefined && input.sex) {
      const full = { bilirubin: l.bilirubin, inr: l.inr, creatinine: l.creatinine ?? LIVER_SCORE_RULES.meld3.dialysisCreatinine, sodium: l.sodium, albumin: l.albumin };
      out.meld3 = { score: meld3(full, input.sex === 'female', dialysis) };
    }
  }
  const cp = childPugh(input, l);
  if (cp) out.childPugh = cp;
  const a = albi(l);
  if (a) out.albi = a;
  const p = apri(input, l);
  if (p) out.apri = p;
  const f = fib4(input, l);
  if (f) out.fib4 = f;
  return out;
}

export { bclcStage, BCLC_READING, type BclcInput, type BclcResult } from './bclc';
