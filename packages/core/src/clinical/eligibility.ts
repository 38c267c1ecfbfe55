/**
 * Eligibility of a screened subject against a protocol's criteria. Each criterion is inclusion or exclusion and
 * carries a rule that decides it from the subject's data (age, sex, Child-Pugh class, MELD, BCLC stage, ECOG, a
 * lab threshold, prior therapy) or a checklist question a person answers. Pure: the caller supplies the data,
 * derived scores included, and a lab unit converter.
 *
 * Per criterion: `met` / `not_met` / `unknown` (data missing) with the value that decided. An inclusion passes
 * when met, an exclusion when not met. Overall: `ineligible` when a criterion fails (and is not waived),
 * else `incomplete` when one is unknown, else `eligible`; `decidedBy` names the first criterion, in protocol
 * order, that made the result what it is.
 */

export const CRITERION_KINDS = ['inclusion', 'exclusion'] as const;
export type CriterionKind = (typeof CRITERION_KINDS)[number];

export const RULE_TYPES = ['age', 'sex', 'child_pugh', 'meld', 'bclc', 'ecog', 'lab', 'prior_therapy', 'checklist'] as const;
export type RuleType = (typeof RULE_TYPES)[number];

export const CHILD_PUGH_CLASSES = ['A', 'B', 'C'] as const;
export type ChildPughClass = (typeof CHILD_PUGH_CLASSES)[number];
export const BCLC_STAGES = ['0', 'A', 'B', 'C', 'D'] as const;
export type BclcStageCode = (typeof BCLC_STAGES)[number];
export const MELD_SCORES = ['meld', 'meldNa', 'meld3'] as const;
export type MeldScore = (typeof MELD_SCORES)[number];
export const COMPARATORS = ['<', '<=', '>', '>='] as const;
export type Comparator = (typeof COMPARATORS)[number];
export type Sex = 'female' | 'male';

export type EligibilityRule =
  | { type: 'age'; min?: number; max?: number }
  | { type: 'sex'; allowed: Sex[] }
  | { type: 'child_pugh'; classes: ChildPughClass[] }
  | { type: 'meld'; score?: MeldScore; min?: number; max?: number }
  | { type: 'bclc'; stages: BclcStageCode[] }
  | { type: 'ecog'; max: number }
  | { type: 'lab'; analyte: string; comparator: Comparator; value: number; unit: string }
  | { type: 'prior_therapy'; mode: 'must_have' | 'must_not_have'; therapies: string[] }
  | { type: 'checklist' };

export interface EligibilityCriterion {
  id: string;
  code: string;
  kind: CriterionKind;
  rule: EligibilityRule;
}

export interface LabValue {
  value: number;
  unit: string;
}

/** What the rules read. Scores are derived by the caller (liverScores, bclcStage); absent means not known. */
export interface EligibilityData {
  ageYears?: number | null;
  sex?: Sex | null;
  childPughClass?: ChildPughClass | null;
  meld?: Partial<Record<MeldScore, number | null>>;
  bclcStage?: BclcStageCode | null;
  ecog?: number | null;
  labs?: Readonly<Record<string, LabValue | undefined>>;
  /** Null: not yet recorded; [] recorded as none. */
  priorTherapies?: readonly string[] | null;
  /** Checklist answers by criterion id. */
  checklist?: Readonly<Record<string, boolean | undefined>>;
}

/** Converts a lab value of an analyte between units; null when it cannot (unknown unit or analyte). */
export type LabConverter = (analyte: string, value: number, fromUnit: string, toUnit: string) => number | null;

export type CriterionResultValue = 'met' | 'not_met' | 'unknown';

export interface CriterionEvaluation {
  criterionId: string;
  code: string;
  kind: CriterionKind;
  ruleType: RuleType;
  result: CriterionResultValue;
  /** The value that decided (the subject's value, converted to the rule's unit for labs); null when unknown. */
  value: unknown;
  /** Inclusion met or exclusion not met; null when unknown. */
  passes: boolean | null;
  waived: boolean;
}

export type EligibilityStatus = 'eligible' | 'ineligible' | 'incomplete';

export interface EligibilityEvaluation {
  status: EligibilityStatus;
  decidedBy: CriterionEvaluation | null;
  criteria: CriterionEvaluation[];
}

/** Identity conversion only: the default when the caller passes no converter. */
const sameUnitOnly: LabConverter = (_analyte, value, from, to) => (from === to ? value : null);

const inRange = (v: number, min?: number, max?: number) => (min === undefined || v >= min) && (max === undefined || v <= max);

const compare = (v: number, c: Comparator, threshold: number) => {
  switch (c) {
    case '<':
      return v < threshold;
    case '<=':
      return v <= threshold;
    case '>':
      return v > threshold;
    case '>=':
      return v >= threshold;
  }
};

type Decision = { result: CriterionResultValue; value: unknown };
const unknown: Decision = { result: 'unknown', value: null };
const decide = (met: boolean, value: unknown): Decision => ({ result: met ? 'met' : 'not_met', value });

function decideRule(criterion: EligibilityCriterion, data: EligibilityData, convert: LabConverter): Decision {
  const rule = criterion.rule;
  switch (rule.type) {
    case 'age':
      return data.ageYears == null ? unknown : decide(inRange(data.ageYears, rule.min, rule.max), data.ageYears);
    case 'sex':
      return data.sex == null ? unknown : decide(rule.allowed.includes(data.sex), data.sex);
    case 'child_pugh':
      return data.childPughClass == null ? unknown : decide(rule.classes.includes(data.childPughClass), data.childPughClass);
    case 'meld': {
      const score = data.meld?.[rule.score ?? 'meld'];
      return score == null ? unknown : decide(inRange(score, rule.min, rule.max), score);
    }
    case 'bclc':
      return data.bclcStage == null ? unknown : decide(rule.stages.includes(data.bclcStage), data.bclcStage);
    case 'ecog':
      return data.ecog == null ? unknown : decide(data.ecog <= rule.max, data.ecog);
    case 'lab': {
      const lab = data.labs?.[rule.analyte];
      if (!lab) return unknown;
      const converted = convert(rule.analyte, lab.value, lab.unit, rule.unit);
      if (converted === null || !Number.isFinite(converted)) return unknown;
      return decide(compare(converted, rule.comparator, rule.value), { value: converted, unit: rule.unit });
    }
    case 'prior_therapy': {
      if (data.priorTherapies == null) return unknown;
      const given = rule.therapies.filter((t) => data.priorTherapies!.includes(t));
      return decide(rule.mode === 'must_have' ? given.length > 0 : given.length === 0, given);
    }
    case 'checklist': {
      const answer = data.checklist?.[criterion.id];
      return answer === undefined ? unknown : decide(answer, answer);
    }
  }
}

/**
 * Evaluates every criterion and the overall result.
 * @example evaluateEligibility([{ id: 'c1', code: 'I1', kind: 'inclusion', rule: { type: 'age', min: 18 } }], { ageYears: 52 }).status // 'eligible'
 */
export function evaluateEligibility(
  criteria: readonly EligibilityCriterion[],
  data: EligibilityData,
  options: { convert?: LabConverter; waived?: Iterable<string> } = {},
): EligibilityEvaluation {
  const convert = options.convert ?? sameUnitOnly;
  const waived = new Set(options.waived ?? []);
  const results = criteria.map((c): CriterionEvaluation => {
    const { result, value } = decideRule(c, data, convert);
    const passes = result === 'unknown' ? null : (result === 'met') === (c.kind === 'inclusion');
    return { criterionId: c.id, code: c.code, kind: c.kind, ruleType: c.rule.type, result, value, passes, waived: passes === false && waived.has(c.id) };
  });
  const failing = results.find((r) => r.passes === false && !r.waived);
  if (failing) return { status: 'ineligible', decidedBy: failing, criteria: results };
  const open = results.find((r) => r.passes === null);
  if (open) return { status: 'incomplete', decidedBy: open, criteria: results };
  return { status: 'eligible', decidedBy: null, criteria: results };
}

export interface RuleProblem {
  /** Path inside the rule, e.g. `unit` or `type`. */
  path: string;
  message: string;
  code: string;
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const subsetOf = (v: unknown, allowed: readonly string[]) => Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string' && allowed.includes(x));

/**
 * Checks an untrusted rule (from a request body) and returns what is wrong with it, naming the field;
 * `isKnownUnit(analyte, unit)` decides lab units. Empty: the rule is an EligibilityRule.
 */
export function ruleProblems(rule: unknown, isKnownUnit: (analyte: string, unit: string) => boolean): RuleProblem[] {
  const r = (rule && typeof rule === 'object' ? rule : {}) as Record<string, unknown>;
  const p = (path: string, message: string, code = 'eligibility.invalid_rule'): RuleProblem[] => [{ path, message, code }];
  const range = (lo: number, hi: number): RuleProblem[] => {
    const out: RuleProblem[] = [];
    for (const k of ['min', 'max'] as const) if (r[k] !== undefined && (!isNum(r[k]) || r[k] < lo || r[k] > hi)) out.push(...p(k, `Must be a number from ${lo} to ${hi}`));
    if (r.min === undefined && r.max === undefined) out.push(...p('min', 'Give a minimum, a maximum or both'));
    if (isNum(r.min) && isNum(r.max) && r.min > r.max) out.push(...p('max', 'Maximum must not be below the minimum'));
    return out;
  };
  switch (r.type as RuleType) {
    case 'age':
      return range(0, 120);
    case 'sex':
      return subsetOf(r.allowed, ['female', 'male']) ? [] : p('allowed', 'Choose one or more of: female, male');
    case 'child_pugh':
      return subsetOf(r.classes, CHILD_PUGH_CLASSES) ? [] : p('classes', 'Choose one or more of: A, B, C');
    case 'meld':
      if (r.score !== undefined && !MELD_SCORES.includes(r.score as MeldScore)) return p('score', 'Score must be one of: meld, meldNa, meld3');
      return range(6, 40);
    case 'bclc':
      return subsetOf(r.stages, BCLC_STAGES) ? [] : p('stages', 'Choose one or more of: 0, A, B, C, D');
    case 'ecog':
      return Number.isInteger(r.max) && (r.max as number) >= 0 && (r.max as number) <= 5 ? [] : p('max', 'ECOG maximum must be a whole number from 0 to 5');
    case 'lab': {
      if (typeof r.analyte !== 'string' || !r.analyte) return p('analyte', 'Name the analyte, e.g. bilirubin');
      if (!COMPARATORS.includes(r.comparator as Comparator)) return p('comparator', 'Comparator must be one of: <, <=, >, >=');
      if (!isNum(r.value) || r.value < 0) return p('value', 'Threshold must be a number of at least 0');
      if (typeof r.unit !== 'string' || !isKnownUnit(r.analyte, r.unit)) {
        return p('unit', `${String(r.unit)} is not a known unit for ${r.analyte}`, 'eligibility.unknown_unit');
      }
      return [];
    }
    case 'prior_therapy':
      if (r.mode !== 'must_have' && r.mode !== 'must_not_have') return p('mode', 'Mode must be must_have or must_not_have');
      return Array.isArray(r.therapies) && r.therapies.length > 0 && r.therapies.every((t) => typeof t === 'string' && /^[a-z0-9_]{2,40}$/.test(t))
        ? []
        : p('therapies', 'List one or more therapy codes (lower case, e.g. tace, sorafenib)');
    case 'checklist':
      return [];
    default:
      return p('type', `Unknown criterion type ${JSON.stringify(r.type ?? null)}; use one of: ${RULE_TYPES.join(', ')}`, 'eligibility.unknown_type');
  }
}

const RULE_FIELDS: Record<RuleType, readonly string[]> = {
  age: ['min', 'max'],
  sex: ['allowed'],
  child_pugh: ['classes'],
  meld: ['score', 'min', 'max'],
  bclc: ['stages'],
  ecog: ['max'],
  lab: ['analyte', 'comparator', 'value', 'unit'],
  prior_therapy: ['mode', 'therapies'],
  checklist: [],
};

/** An untrusted rule checked (ruleProblems) and reduced to its type's fields, or what is wrong with it. */
export function parseRule(
  rule: unknown,
  isKnownUnit: (analyte: string, unit: string) => boolean,
): { rule: EligibilityRule; problems?: undefined } | { rule?: undefined; problems: RuleProblem[] } {
  const problems = ruleProblems(rule, isKnownUnit);
  if (problems.length) return { problems };
  const r = rule as Record<string, unknown> & { type: RuleType };
  const clean: Record<string, unknown> = { type: r.type };
  for (const f of RULE_FIELDS[r.type]) if (r[f] !== undefined) clean[f] = r[f];
  return { rule: clean as EligibilityRule };
}
