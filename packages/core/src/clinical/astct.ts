/**
 * ASTCT consensus grading of cytokine release syndrome (CRS) and immune effector cell-associated neurotoxicity
 * syndrome (ICANS) in adults: Lee et al., Biol Blood Marrow Transplant 2019;25:625-638 (tables 4, 5 and 6).
 * CRS: fever ≥ 38.0 °C plus the worse of hypotension and hypoxia; ICANS: the worst of its domains; the ICE score
 * (orientation 4, naming 3, following commands 1, writing 1, attention 1 = 10 points).
 */

export const ASTCT_SOURCE = 'Lee et al., Biol Blood Marrow Transplant 2019;25:625-638 (ASTCT consensus)';
export const CRS_FEVER_C = 38.0;

export const CRS_HYPOTENSION = ['none', 'fluids', 'one_vasopressor', 'multiple_vasopressors'] as const;
export const CRS_HYPOXIA = ['none', 'low_flow', 'high_flow', 'positive_pressure'] as const;
export const ICANS_CONSCIOUSNESS = ['awake', 'voice', 'tactile', 'unarousable'] as const;
export const ICANS_SEIZURE = ['none', 'resolving', 'prolonged'] as const;
export const ICANS_CEREBRAL_EDEMA = ['none', 'focal', 'diffuse'] as const;
export type CrsHypotension = (typeof CRS_HYPOTENSION)[number];
export type CrsHypoxia = (typeof CRS_HYPOXIA)[number];
export type IcansConsciousness = (typeof ICANS_CONSCIOUSNESS)[number];
export type IcansSeizure = (typeof ICANS_SEIZURE)[number];
export type IcansCerebralEdema = (typeof ICANS_CEREBRAL_EDEMA)[number];
export type AstctGrade = 0 | 1 | 2 | 3 | 4;

/** Table 4. Hypotension: not requiring vasopressors 2; one vasopressor with or without vasopressin 3; multiple (excluding vasopressin) 4. */
const HYPOTENSION_GRADE: Record<CrsHypotension, AstctGrade> = { none: 0, fluids: 2, one_vasopressor: 3, multiple_vasopressors: 4 };
/** Table 4. Hypoxia: low-flow nasal cannula (≤ 6 L/min) or blow-by 2; high-flow cannula, facemask, non-rebreather or Venturi 3; positive pressure (CPAP, BiPAP, intubation) 4. */
const HYPOXIA_GRADE: Record<CrsHypoxia, AstctGrade> = { none: 0, low_flow: 2, high_flow: 3, positive_pressure: 4 };

export interface CrsInput {
  temperatureC: number;
  hypotension: CrsHypotension;
  hypoxia: CrsHypoxia;
  /** Fever masked by antipyretics or anti-cytokine therapy (tocilizumab, steroids) after CRS began. */
  afterAntipyretics?: boolean | null;
}

export interface CrsGrade {
  grade: AstctGrade;
  /** What set the grade; null for no CRS. */
  drivenBy: 'fever' | 'hypotension' | 'hypoxia' | null;
}

/**
 * ASTCT CRS grade. Fever ≥ 38.0 °C is required, except after antipyretic or anti-cytokine therapy, when
 * the grade is driven by hypotension and hypoxia alone (Lee 2019, table 4 footnotes). Grade 5 (death from CRS
 * with no other cause) is not computed: it is recorded on the adverse event.
 * @example gradeCrs({ temperatureC: 38.6, hypotension: 'fluids', hypoxia: 'high_flow' }) // { grade: 3, drivenBy: 'hypoxia' }
 */
export function gradeCrs(input: CrsInput): CrsGrade {
  const fever = input.temperatureC >= CRS_FEVER_C;
  if (!fever && !input.afterAntipyretics) return { grade: 0, drivenBy: null };
  const hypotension = HYPOTENSION_GRADE[input.hypotension];
  const hypoxia = HYPOXIA_GRADE[input.hypoxia];
  const worse = Math.max(hypotension, hypoxia) as AstctGrade;
  if (worse === 0) return fever ? { grade: 1, drivenBy: 'fever' } : { grade: 0, drivenBy: null };
  return { grade: worse, drivenBy: hypotension >= hypoxia ? 'hypotension' : 'hypoxia' };
}

/** The ten ICE tasks (Lee 2019, table 5). */
export interface IceItems {
  /** Orientation to year, month, city, hospital: 1 point each. */
  orientationYear: boolean;
  orientationMonth: boolean;
  orientationCity: boolean;
  orientationHospital: boolean;
  /** Naming 3 objects (e.g. clock, pen, button): 0–3 points. */
  namedObjects: number;
  /** Following simple commands (e.g. "show me 2 fingers"): 1 point. */
  followsCommands: boolean;
  /** Writing a standard sentence: 1 point. */
  writesSentence: boolean;
  /** Attention: counting backwards from 100 by 10: 1 point. */
  countsBackBy10: boolean;
}

export class AstctInputError extends Error {
  constructor(
    readonly path: string,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'AstctInputError';
  }
}

/**
 * The ICE score, 0–10.
 * @example iceScore({ orientationYear: true, orientationMonth: true, orientationCity: true, orientationHospital: false, namedObjects: 3, followsCommands: true, writesSentence: false, countsBackBy10: true }) // 8
 */
export function iceScore(items: IceItems): number {
  if (!Number.isInteger(items.namedObjects) || items.namedObjects < 0 || items.namedObjects > 3) {
    throw new AstctInputError('ice.namedObjects', 'ice.out_of_range', 'Objects named must be a whole number from 0 to 3.');
  }
  const points = [items.orientationYear, items.orientationMonth, items.orientationCity, items.orientationHospital, items.followsCommands, items.writesSentence, items.countsBackBy10];
  return points.filter(Boolean).length + items.namedObjects;
}

export interface IcansInput {
  iceScore: number;
  consciousness: IcansConsciousness;
  seizure?: IcansSeizure | null;
  motorWeakness?: boolean | null;
  /** Focal/local oedema on imaging (3); diffuse oedema, decerebrate/decorticate posturing, CN VI palsy, papilloedema or Cushing's triad (4). */
  cerebralEdema?: IcansCerebralEdema | null;
}

export interface IcansGrade {
  grade: AstctGrade;
  /** The domains at the grade (the worst ones); empty for grade 0. */
  drivenBy: ('ice' | 'consciousness' | 'seizure' | 'motor' | 'cerebral_edema')[];
}

/** Table 6: ICE 7–9 → 1, 3–6 → 2, 0–2 → 3 (an unarousable patient scores 0 and is grade 4 by consciousness). */
const iceGrade = (ice: number): AstctGrade => (ice >= 10 ? 0 : ice >= 7 ? 1 : ice >= 3 ? 2 : 3);
/** Table 6: awakens spontaneously 1 (only with a low ICE), to voice 2, only to tactile stimulus 3, unarousable / stupor / coma 4. */
const CONSCIOUSNESS_GRADE: Record<IcansConsciousness, AstctGrade> = { awake: 0, voice: 2, tactile: 3, unarousable: 4 };
const SEIZURE_GRADE: Record<IcansSeizure, AstctGrade> = { none: 0, resolving: 3, prolonged: 4 };
const EDEMA_GRADE: Record<IcansCerebralEdema, AstctGrade> = { none: 0, focal: 3, diffuse: 4 };

/**
 * ASTCT ICANS grade for adults: the most severe domain (ICE score, depressed consciousness, seizure, motor
 * findings, raised intracranial pressure / cerebral oedema), as Lee 2019 table 6 sets it.
 * @example gradeIcans({ iceScore: 5, consciousness: 'awake' }) // { grade: 2, drivenBy: ['ice'] }
 */
export function gradeIcans(input: IcansInput): IcansGrade {
  if (!Number.isInteger(input.iceScore) || input.iceScore < 0 || input.iceScore > 10) {
    throw new AstctInputError('iceScore', 'ice.out_of_range', 'The ICE score must be a whole number from 0 to 10.');
  }
  const domains = {
    ice: iceGrade(input.iceScore),
    consciousness: CONSCIOUSNESS_GRADE[input.consciousness],
    seizure: SEIZURE_GRADE[input.seizure ?? 'none'],
    motor: input.motorWeakness ? 4 : 0,
    cerebral_edema: EDEMA_GRADE[input.cerebralEdema ?? 'none'],
  } satisfies Record<IcansGrade['drivenBy'][number], AstctGrade>;
  const grade = Math.max(...Object.values(domains)) as AstctGrade;
  const drivenBy = grade === 0 ? [] : (Object.keys(domains) as IcansGrade['drivenBy']).filter((k) => domains[k] === grade);
  return { grade, drivenBy };
}

/**
 * The worst of several grades (a day's assessments), null when there is none.
 * @example worstGrade([1, { grade: 3 }, null, 2]) // 3
 */
export function worstGrade(grades: readonly (number | { grade: number } | null | undefined)[]): number | null {
  const values = grades.map((g) => (g == null ? null : typeof g === 'number' ? g : g.grade)).filter((g): g is number => g !== null && Number.isFinite(g));
  return values.length ? Math.max(...values) : null;
}
