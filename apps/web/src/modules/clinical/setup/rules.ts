/**
 * Eligibility rules on screen: the rule types of the criteria editor with their default rule, and one line
 * saying what a rule asks ("Child-Pugh class A, B", "Bilirubin ≤ 2 mg/dL") in the reader's language.
 */
import type { TFunction } from 'i18next';
import type { CriterionRule, RuleType } from '../clinical.types';
import type { LabAnalyte } from './setup.types';

export const RULE_TYPES: readonly RuleType[] = [
  'age',
  'sex',
  'child_pugh',
  'meld',
  'bclc',
  'ecog',
  'lab',
  'prior_therapy',
  'checklist',
];

export const CHILD_PUGH_CLASSES = ['A', 'B', 'C'] as const;
export const BCLC_STAGES = ['0', 'A', 'B', 'C', 'D'] as const;
export const MELD_SCORES = ['meld', 'meldNa', 'meld3'] as const;
export const COMPARATORS = ['<', '<=', '>', '>='] as const;
/** Prior therapies offered in the picker; any other lower-case code may be typed. */
export const THERAPIES = [
  'tace',
  'tare',
  'hait',
  'ablation',
  'resection',
  'liver_transplant',
  'sorafenib',
  'lenvatinib',
  'atezolizumab_bevacizumab',
  'immune_checkpoint_inhibitor',
  'car_t',
  'radiotherapy',
] as const;

export function defaultRule(type: RuleType): CriterionRule {
  switch (type) {
    case 'age':
      return { type, min: 18, max: 75 };
    case 'sex':
      return { type, allowed: ['female', 'male'] };
    case 'child_pugh':
      return { type, classes: ['A'] };
    case 'meld':
      return { type, score: 'meld', max: 15 };
    case 'bclc':
      return { type, stages: ['B', 'C'] };
    case 'ecog':
      return { type, max: 1 };
    case 'lab':
      return { type, analyte: 'bilirubin', comparator: '<=', value: 2, unit: 'mg/dL' };
    case 'prior_therapy':
      return { type, mode: 'must_not_have', therapies: [] };
    case 'checklist':
      return { type };
  }
}

/** `≤`/`≥` as people write them. */
export function comparatorSign(c: string): string {
  return c === '<=' ? '≤' : c === '>=' ? '≥' : c;
}

export function analyteLabel(analyte: string, analytes: LabAnalyte[] | undefined, lng: string): string {
  const found = analytes?.find((a) => a.analyte === analyte);
  return found?.label[lng] ?? found?.label.en ?? analyte;
}

export function therapyLabel(code: string, t: TFunction): string {
  return t(`clinical.setup.therapy.${code}`, { defaultValue: code });
}

function range(t: TFunction, prefix: string, min: number | undefined, max: number | undefined, extra = {}): string {
  if (min !== undefined && max !== undefined) return t(`${prefix}.between`, { min, max, ...extra });
  if (min !== undefined) return t(`${prefix}.atLeast`, { min, ...extra });
  if (max !== undefined) return t(`${prefix}.atMost`, { max, ...extra });
  return t(`${prefix}.any`, extra);
}

/** One line saying what the rule asks. */
export function ruleSummary(rule: CriterionRule, t: TFunction, lng: string, analytes?: LabAnalyte[]): string {
  const list = (xs: readonly string[]) => (xs.length ? xs.join(t('common.listSeparator')) : t('clinical.common.none'));
  switch (rule.type) {
    case 'age':
      return range(t, 'clinical.setup.summary.age', rule.min, rule.max);
    case 'sex':
      return t('clinical.setup.summary.sex', { list: list(rule.allowed.map((s) => t(`sex.${s}`))) });
    case 'child_pugh':
      return t('clinical.setup.summary.childPugh', { list: list(rule.classes) });
    case 'meld':
      return range(t, 'clinical.setup.summary.meld', rule.min, rule.max, {
        score: t(`clinical.setup.meldScore.${rule.score ?? 'meld'}`),
      });
    case 'bclc':
      return t('clinical.setup.summary.bclc', { list: list(rule.stages) });
    case 'ecog':
      return t('clinical.setup.summary.ecog', { max: rule.max });
    case 'lab':
      return t('clinical.setup.summary.lab', {
        analyte: analyteLabel(rule.analyte, analytes, lng),
        comparator: comparatorSign(rule.comparator),
        value: rule.value,
        unit: rule.unit,
      });
    case 'prior_therapy':
      return t(`clinical.setup.summary.${rule.mode === 'must_have' ? 'therapyMustHave' : 'therapyMustNotHave'}`, {
        list: list(rule.therapies.map((c) => therapyLabel(c, t))),
      });
    case 'checklist':
      return t('clinical.setup.summary.checklist');
    default:
      return t('clinical.setup.summary.unknown');
  }
}
