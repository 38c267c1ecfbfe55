/**
 * Eligibility rules (eligibility.ts). The scales the rules read: ECOG performance status 0–5 (Oken et al., Am J
 * Clin Oncol 1982;5:649), Child-Pugh class A/B/C (Pugh et al., Br J Surg 1973;60:646), MELD (OPTN policy 9.1), BCLC
 * stages 0/A/B/C/D (Reig et al., J Hepatol 2022;76:681). The thresholds in the cases are typical of HCC CAR-T
 * protocols (e.g. ECOG ≤ 1, Child-Pugh A, bilirubin ≤ 3 × ULN); each case names the boundary it tests.
 */
import { describe, expect, it } from 'vitest';
import { evaluateEligibility, parseRule, ruleProblems, type EligibilityCriterion, type EligibilityData, type EligibilityRule, type LabConverter } from './eligibility';

const inc = (id: string, rule: EligibilityRule): EligibilityCriterion => ({ id, code: id.toUpperCase(), kind: 'inclusion', rule });
const exc = (id: string, rule: EligibilityRule): EligibilityCriterion => ({ id, code: id.toUpperCase(), kind: 'exclusion', rule });
// Bilirubin 1 mg/dL = 17.1 umol/L (molar mass 584.7 g/mol).
const convert: LabConverter = (analyte, value, from, to) => {
  if (from === to) return value;
  if (analyte === 'bilirubin' && from === 'umol/L' && to === 'mg/dL') return value / 17.1;
  if (analyte === 'bilirubin' && from === 'mg/dL' && to === 'umol/L') return value * 17.1;
  return null;
};
const one = (rule: EligibilityRule, data: EligibilityData) => evaluateEligibility([inc('c', rule)], data, { convert }).criteria[0]!;

describe('each rule type decides met / not met / unknown, with the deciding value', () => {
  it.each<[string, EligibilityRule, EligibilityData, string, unknown]>([
    ['age 18–75, 18 is in (inclusive)', { type: 'age', min: 18, max: 75 }, { ageYears: 18 }, 'met', 18],
    ['age 18–75, 76 is out', { type: 'age', min: 18, max: 75 }, { ageYears: 76 }, 'not_met', 76],
    ['age unknown', { type: 'age', min: 18 }, {}, 'unknown', null],
    ['sex female only, male', { type: 'sex', allowed: ['female'] }, { sex: 'male' }, 'not_met', 'male'],
    ['sex either', { type: 'sex', allowed: ['female', 'male'] }, { sex: 'female' }, 'met', 'female'],
    ['Child-Pugh A only, B', { type: 'child_pugh', classes: ['A'] }, { childPughClass: 'B' }, 'not_met', 'B'],
    ['Child-Pugh A or B, B', { type: 'child_pugh', classes: ['A', 'B'] }, { childPughClass: 'B' }, 'met', 'B'],
    ['Child-Pugh not computable', { type: 'child_pugh', classes: ['A'] }, { childPughClass: null }, 'unknown', null],
    ['MELD ≤ 15, 15 in', { type: 'meld', max: 15 }, { meld: { meld: 15 } }, 'met', 15],
    ['MELD-Na 10–20 reads meldNa, 21 out', { type: 'meld', score: 'meldNa', min: 10, max: 20 }, { meld: { meld: 12, meldNa: 21 } }, 'not_met', 21],
    ['MELD 3.0 missing while MELD known', { type: 'meld', score: 'meld3', max: 20 }, { meld: { meld: 12 } }, 'unknown', null],
    ['BCLC B or C, C', { type: 'bclc', stages: ['B', 'C'] }, { bclcStage: 'C' }, 'met', 'C'],
    ['BCLC B or C, D', { type: 'bclc', stages: ['B', 'C'] }, { bclcStage: 'D' }, 'not_met', 'D'],
    ['ECOG ≤ 1, 1', { type: 'ecog', max: 1 }, { ecog: 1 }, 'met', 1],
    ['ECOG ≤ 1, 2', { type: 'ecog', max: 1 }, { ecog: 2 }, 'not_met', 2],
    ['ECOG 0 is a value, not missing', { type: 'ecog', max: 0 }, { ecog: 0 }, 'met', 0],
    ['bilirubin ≤ 3 mg/dL, 51.3 umol/L = 3.0 mg/dL', { type: 'lab', analyte: 'bilirubin', comparator: '<=', value: 3, unit: 'mg/dL' }, { labs: { bilirubin: { value: 51.3, unit: 'umol/L' } } }, 'met', { value: 3, unit: 'mg/dL' }],
    ['bilirubin < 3 mg/dL, 3 mg/dL is not below', { type: 'lab', analyte: 'bilirubin', comparator: '<', value: 3, unit: 'mg/dL' }, { labs: { bilirubin: { value: 3, unit: 'mg/dL' } } }, 'not_met', { value: 3, unit: 'mg/dL' }],
    ['platelets ≥ 75, 60', { type: 'lab', analyte: 'platelets', comparator: '>=', value: 75, unit: '10^9/L' }, { labs: { platelets: { value: 60, unit: '10^9/L' } } }, 'not_met', { value: 60, unit: '10^9/L' }],
    ['platelets > 50 not entered', { type: 'lab', analyte: 'platelets', comparator: '>', value: 50, unit: '10^9/L' }, { labs: {} }, 'unknown', null],
    ['unconvertible unit is unknown', { type: 'lab', analyte: 'platelets', comparator: '>', value: 50, unit: '10^9/L' }, { labs: { platelets: { value: 60, unit: '/uL' } } }, 'unknown', null],
    ['prior TACE required, had tace', { type: 'prior_therapy', mode: 'must_have', therapies: ['tace', 'hair'] }, { priorTherapies: ['tace'] }, 'met', ['tace']],
    ['no prior CAR-T, none recorded', { type: 'prior_therapy', mode: 'must_not_have', therapies: ['car_t'] }, { priorTherapies: [] }, 'met', []],
    ['no prior transplant, had one', { type: 'prior_therapy', mode: 'must_not_have', therapies: ['liver_transplant'] }, { priorTherapies: ['liver_transplant', 'tace'] }, 'not_met', ['liver_transplant']],
    ['prior therapy not yet recorded', { type: 'prior_therapy', mode: 'must_have', therapies: ['tace'] }, { priorTherapies: null }, 'unknown', null],
    ['checklist answered yes', { type: 'checklist' }, { checklist: { c: true } }, 'met', true],
    ['checklist answered no', { type: 'checklist' }, { checklist: { c: false } }, 'not_met', false],
    ['checklist unanswered', { type: 'checklist' }, { checklist: { other: true } }, 'unknown', null],
  ])('%s', (_name, rule, data, result, value) => {
    const r = one(rule, data);
    expect(r.result).toBe(result);
    const lab = value as { value?: number; unit?: string } | null;
    if (typeof lab === 'object' && lab && 'unit' in lab) {
      expect((r.value as { value: number }).value).toBeCloseTo(lab.value!, 6);
      expect((r.value as { unit: string }).unit).toBe(lab.unit);
    } else expect(r.value).toEqual(value);
  });
});

describe('overall result and the criterion that decided', () => {
  const criteria = [
    inc('i1', { type: 'age', min: 18, max: 75 }),
    inc('i2', { type: 'child_pugh', classes: ['A'] }),
    exc('e1', { type: 'prior_therapy', mode: 'must_have', therapies: ['liver_transplant'] }),
  ];

  it('eligible when every inclusion is met and no exclusion applies', () => {
    const e = evaluateEligibility(criteria, { ageYears: 50, childPughClass: 'A', priorTherapies: [] });
    expect(e.status).toBe('eligible');
    expect(e.decidedBy).toBeNull();
    expect(e.criteria.map((c) => c.passes)).toEqual([true, true, true]);
  });

  it('ineligible, decided by the first failing criterion in protocol order (an exclusion that applies)', () => {
    const e = evaluateEligibility(criteria, { ageYears: 50, childPughClass: 'A', priorTherapies: ['liver_transplant'] });
    expect(e.status).toBe('ineligible');
    expect(e.decidedBy?.code).toBe('E1');
    expect(e.decidedBy?.result).toBe('met');
    expect(e.decidedBy?.passes).toBe(false);
  });

  it('a failure decides before missing data does', () => {
    const e = evaluateEligibility(criteria, { childPughClass: 'C', priorTherapies: [] });
    expect(e.status).toBe('ineligible');
    expect(e.decidedBy?.code).toBe('I2');
  });

  it('incomplete while data are missing, naming the first unknown criterion', () => {
    const e = evaluateEligibility(criteria, { ageYears: 50, priorTherapies: [] });
    expect(e.status).toBe('incomplete');
    expect(e.decidedBy?.code).toBe('I2');
  });

  it('a waived failing criterion no longer makes the subject ineligible, and is shown as waived', () => {
    const data = { ageYears: 80, childPughClass: 'A' as const, priorTherapies: [] };
    expect(evaluateEligibility(criteria, data).status).toBe('ineligible');
    const e = evaluateEligibility(criteria, data, { waived: ['i1'] });
    expect(e.status).toBe('eligible');
    expect(e.criteria[0]).toMatchObject({ code: 'I1', passes: false, waived: true });
    // A waiver of a criterion that passes changes nothing.
    expect(evaluateEligibility(criteria, { ...data, ageYears: 40 }, { waived: ['i1'] }).criteria[0]!.waived).toBe(false);
  });

  it('without a converter only identical units compare', () => {
    const c = [inc('b', { type: 'lab', analyte: 'bilirubin', comparator: '<=', value: 3, unit: 'mg/dL' })];
    expect(evaluateEligibility(c, { labs: { bilirubin: { value: 20, unit: 'umol/L' } } }).status).toBe('incomplete');
    expect(evaluateEligibility(c, { labs: { bilirubin: { value: 2, unit: 'mg/dL' } } }).status).toBe('eligible');
  });
});

describe('ruleProblems / parseRule (untrusted rules from a request)', () => {
  const known = (analyte: string, unit: string) => analyte === 'bilirubin' && (unit === 'mg/dL' || unit === 'umol/L');
  it.each<[string, unknown, string, string]>([
    ['unknown type', { type: 'horoscope' }, 'type', 'eligibility.unknown_type'],
    ['no type', {}, 'type', 'eligibility.unknown_type'],
    ['unknown unit', { type: 'lab', analyte: 'bilirubin', comparator: '<=', value: 3, unit: 'mg/L' }, 'unit', 'eligibility.unknown_unit'],
    ['unknown analyte is an unknown unit for it', { type: 'lab', analyte: 'unobtainium', comparator: '<=', value: 3, unit: 'mg/dL' }, 'unit', 'eligibility.unknown_unit'],
    ['bad comparator', { type: 'lab', analyte: 'bilirubin', comparator: '==', value: 3, unit: 'mg/dL' }, 'comparator', 'eligibility.invalid_rule'],
    ['negative threshold', { type: 'lab', analyte: 'bilirubin', comparator: '<=', value: -1, unit: 'mg/dL' }, 'value', 'eligibility.invalid_rule'],
    ['age without bounds', { type: 'age' }, 'min', 'eligibility.invalid_rule'],
    ['age min above max', { type: 'age', min: 70, max: 18 }, 'max', 'eligibility.invalid_rule'],
    ['Child-Pugh class D', { type: 'child_pugh', classes: ['D'] }, 'classes', 'eligibility.invalid_rule'],
    ['BCLC empty list', { type: 'bclc', stages: [] }, 'stages', 'eligibility.invalid_rule'],
    ['ECOG 6', { type: 'ecog', max: 6 }, 'max', 'eligibility.invalid_rule'],
    ['MELD score name', { type: 'meld', score: 'meld4', max: 20 }, 'score', 'eligibility.invalid_rule'],
    ['prior therapy mode', { type: 'prior_therapy', mode: 'maybe', therapies: ['tace'] }, 'mode', 'eligibility.invalid_rule'],
    ['sex list', { type: 'sex', allowed: ['other'] }, 'allowed', 'eligibility.invalid_rule'],
  ])('%s → %s', (_name, rule, path, code) => {
    const problems = ruleProblems(rule, known);
    expect(problems[0]).toMatchObject({ path, code });
  });

  it('keeps only the fields of the rule type', () => {
    const parsed = parseRule({ type: 'ecog', max: 1, extra: 'x', min: 0 }, known);
    expect(parsed.rule).toEqual({ type: 'ecog', max: 1 });
    expect(parseRule({ type: 'lab', analyte: 'bilirubin', comparator: '<=', value: 3, unit: 'mg/dL' }, known).problems).toBeUndefined();
  });
});
