/**
 * Liver scores. Expected values are worked from the published formulas (LIVER_SCORE_RULES cites each), by hand
 * in decimal arithmetic with half-up rounding, independently of this code:
 *  - MELD(i) = 0.957 ln(Cr) + 0.378 ln(bili) + 1.120 ln(INR) + 0.643, bounds 1.0, Cr ≤ 4.0 (dialysis → 4.0),
 *    rounded to the tenth then × 10 (OPTN Policy 9.1.D); MELD-Na = MELD(i) + 1.32 (137 − Na) − 0.033 MELD(i)
 *    (137 − Na) when MELD(i) > 11, Na 125–137, whole number, ≤ 40 (OPTN 2016).
 *  - MELD 3.0 = 1.33 female + 4.56 ln(bili) + 0.82 (137 − Na) − 0.24 (137 − Na) ln(bili) + 9.09 ln(INR)
 *    + 11.14 ln(Cr) + 1.85 (3.5 − alb) − 1.83 (3.5 − alb) ln(Cr) + 6; Cr ≤ 3.0, alb 1.5–3.5 g/dL, Na 125–137
 *    (Kim et al., Gastroenterology 2021, table 2).
 *  - Child-Pugh (Pugh 1973), ALBI = 0.66 log10(bili µmol/L) − 0.085 alb g/L (Johnson 2015), APRI (Wai 2003),
 *    FIB-4 (Sterling 2006).
 */
import { describe, expect, it } from 'vitest';
import { bclcStage, type BclcInput } from './bclc';
import { LIVER_SCORE_RULES, liverScores, LiverScoreInputError, roundTo, type LiverScoreInput } from './scores';
import { LabUnitError } from './units';

const mg = (value: number) => ({ value, unit: 'mg/dL' });
const meldLabs = (bili: number, inr: number, cr: number, na: number, albGdl: number) => ({
  bilirubin: mg(bili),
  inr: { value: inr },
  creatinine: mg(cr),
  sodium: { value: na, unit: 'mmol/L' },
  albumin: { value: albGdl, unit: 'g/dL' },
});

describe('MELD, MELD-Na and MELD 3.0 (OPTN Policy 9.1.D; Kim 2021)', () => {
  it.each<[string, number, number, number, number, number, 'female' | 'male', boolean, number, number, number, number]>([
    // label, bili, INR, Cr, Na, alb, sex, dialysis → MELD, raw (10 × MELD(i) unrounded), MELD-Na, MELD 3.0
    ['all at the 1.0 floor', 1, 1, 1, 140, 4, 'male', false, 6, 6.43, 6, 6],
    ['moderate disease, hyponatraemia', 2, 1.5, 1.2, 130, 3, 'male', false, 15, 15.3361, 21, 20],
    ['values below 1.0 raised to 1.0; female + 1.33 in MELD 3.0', 0.5, 0.9, 0.6, 140, 4.2, 'female', false, 6, 6.43, 6, 7],
    ['advanced, female', 3.2, 2.1, 1.9, 128, 2.6, 'female', false, 25, 25.279, 29, 32],
    ['caps: Cr 4.0 (MELD) / 3.0 (MELD 3.0), Na 125, score 40', 12, 3.5, 5.2, 118, 1.2, 'male', false, 40, 43.1207, 40, 40],
    ['dialysis twice in the past week: Cr 4.0 / 3.0', 1.8, 1.3, 0.9, 133, 3.1, 'male', true, 25, 24.8572, 27, 26],
    ['MELD(i) ≤ 11: no sodium term', 1.1, 1.1, 1.05, 136, 3.6, 'male', false, 8, 8.3247, 8, 9],
    ['Na 131, alb 2.8', 4, 2, 2, 131, 2.8, 'female', false, 26, 26.0669, 29, 31],
  ])('%s', (_label, bili, inr, cr, na, alb, sex, dialysis, meld, raw, meldNa, meld3) => {
    const out = liverScores({ sex, dialysis, labs: meldLabs(bili, inr, cr, na, alb) });
    expect(out.meld).toEqual({ score: meld, raw });
    expect(out.meldNa).toEqual({ score: meldNa });
    expect(out.meld3).toEqual({ score: meld3 });
  });

  it('gives the same scores from SI units (bilirubin 17.1, creatinine 88.4, albumin × 10)', () => {
    const si = liverScores({
      sex: 'female',
      labs: { bilirubin: { value: 54.72, unit: 'µmol/L' }, inr: { value: 2.1 }, creatinine: { value: 167.96, unit: 'umol/L' }, sodium: { value: 128, unit: 'mmol/L' }, albumin: { value: 26, unit: 'g/L' } },
    });
    expect([si.meld?.score, si.meldNa?.score, si.meld3?.score]).toEqual([25, 29, 32]);
  });

  it('leaves out what the data does not allow', () => {
    const noNa = liverScores({ labs: { bilirubin: mg(2), inr: { value: 1.5 }, creatinine: mg(1.2) } });
    expect(Object.keys(noNa).sort()).toEqual(['meld', 'version']);
    const noSex = liverScores({ labs: meldLabs(2, 1.5, 1.2, 130, 3) });
    expect(noSex.meld3).toBeUndefined();
    expect(noSex.meldNa).toEqual({ score: 21 });
    expect(liverScores({ labs: { bilirubin: mg(2), inr: { value: 1.5 } } }).meld).toBeUndefined();
    expect(liverScores({ dialysis: true, labs: { bilirubin: mg(2), inr: { value: 1.5 } } }).meld?.score).toBe(liverScores({ labs: { bilirubin: mg(2), inr: { value: 1.5 }, creatinine: mg(4) } }).meld?.score);
    expect(liverScores({ labs: {} })).toEqual({ version: LIVER_SCORE_RULES.version });
  });
});

describe('Child-Pugh (Pugh et al., Br J Surg 1973)', () => {
  const cp = (bili: { value: number; unit: string }, alb: { value: number; unit: string }, inr: number, ascites: LiverScoreInput['ascites'], enc: LiverScoreInput['encephalopathy']) =>
    liverScores({ ascites, encephalopathy: enc, labs: { bilirubin: bili, albumin: alb, inr: { value: inr } } }).childPugh;
  const g = (value: number, unit = 'g/dL') => ({ value, unit });
  it.each<[string, ReturnType<typeof cp>, number, string]>([
    ['all 1 point', cp(mg(1), g(4), 1.1, 'none', 'none'), 5, 'A'],
    ['6 points: A', cp(mg(2.1), g(3.8), 1.2, 'none', 'none'), 6, 'A'],
    ['7 points: B', cp(mg(2), g(3.5), 1.2, 'none', 'none'), 7, 'B'],
    ['2 points each but encephalopathy: 9, B', cp(mg(2.5), g(3), 1.8, 'slight', 'none'), 9, 'B'],
    ['10 points: C', cp(mg(3), g(2.8), 1.7, 'slight', 'grade_1_2'), 10, 'C'],
    ['all 3 points: 15, C', cp(mg(4), g(2.5), 2.5, 'moderate', 'grade_3_4'), 15, 'C'],
    ['bands: bili 3.1, alb 2.7, INR 2.31 → 3 each', cp(mg(3.1), g(2.7), 2.31, 'none', 'none'), 11, 'C'],
    ['bands: bili 1.9, alb 3.6, INR 1.69 → 1 each', cp(mg(1.9), g(3.6), 1.69, 'none', 'none'), 5, 'A'],
    ['SI table: 33 µmol/L 1 point, 35 g/L 2 points', cp({ value: 33, unit: 'umol/L' }, g(35, 'g/L'), 1, 'none', 'none'), 6, 'A'],
    ['SI table: 34 µmol/L is 2 points (1.99 mg/dL)', cp({ value: 34, unit: 'umol/L' }, g(36, 'g/L'), 1, 'none', 'none'), 6, 'A'],
    ['SI table: 50 µmol/L 2 points, 51 would be 3', cp({ value: 50, unit: 'umol/L' }, g(27, 'g/L'), 1, 'none', 'none'), 8, 'B'],
    ['SI table: 51 µmol/L 3 points', cp({ value: 51, unit: 'umol/L' }, g(27, 'g/L'), 1, 'none', 'none'), 9, 'B'],
  ])('%s', (_label, result, points, cls) => expect(result).toEqual({ points, class: cls }));

  it('needs the clinical grades of ascites and encephalopathy', () => {
    expect(cp(mg(1), g(4), 1.1, undefined, 'none')).toBeUndefined();
    expect(cp(mg(1), g(4), 1.1, 'none', null)).toBeUndefined();
  });
});

describe('ALBI (Johnson et al., J Clin Oncol 2015): grade 1 ≤ −2.60 < 2 ≤ −1.39 < 3', () => {
  it.each<[number, number, number, 1 | 2 | 3]>([
    [10, 45, -3.17, 1],
    [12, 42, -2.86, 1],
    [17.1, 40, -2.59, 2],
    [20, 38, -2.37, 2],
    [34, 30, -1.54, 2],
    [51, 25, -1.0, 3],
  ])('bilirubin %s µmol/L, albumin %s g/L → %s, grade %s', (bili, alb, score, grade) =>
    expect(liverScores({ labs: { bilirubin: { value: bili, unit: 'umol/L' }, albumin: { value: alb, unit: 'g/L' } } }).albi).toEqual({ score, grade }));
});

describe('APRI (Wai 2003) and FIB-4 (Sterling 2006)', () => {
  it('APRI = AST/ULN × 100 / platelets', () => {
    expect(liverScores({ labs: { ast: { value: 60, unit: 'U/L', uln: 40 }, platelets: { value: 150, unit: '10^9/L' } } }).apri).toEqual({ score: 1 });
    expect(liverScores({ labs: { ast: { value: 120, unit: 'U/L', uln: 35 }, platelets: { value: 80, unit: '10^9/L' } } }).apri).toEqual({ score: 4.29 });
    // No ULN given: the reference range's (WS/T 404.1-2012, men 40 U/L).
    expect(liverScores({ sex: 'male', labs: { ast: { value: 60, unit: 'U/L' }, platelets: { value: 150, unit: '10^9/L' } } }).apri).toEqual({ score: 1 });
  });
  it('FIB-4 = age × AST / (platelets × √ALT)', () => {
    const fib4 = (age: number, ast: number, alt: number, plt: number) =>
      liverScores({ ageYears: age, labs: { ast: { value: ast, unit: 'U/L' }, alt: { value: alt, unit: 'U/L' }, platelets: { value: plt, unit: '10^9/L' } } }).fib4;
    expect(fib4(50, 40, 36, 200)).toEqual({ score: 1.67 });
    expect(fib4(62, 88, 64, 95)).toEqual({ score: 7.18 });
    expect(liverScores({ labs: { ast: { value: 40, unit: 'U/L' }, alt: { value: 36, unit: 'U/L' }, platelets: { value: 200, unit: '10^9/L' } } }).fib4).toBeUndefined();
  });
  it('leaves out APRI and FIB-4 with a platelet count of 0 rather than dividing by it', () => {
    const out = liverScores({ ageYears: 50, labs: { ast: { value: 40, unit: 'U/L', uln: 40 }, alt: { value: 36, unit: 'U/L' }, platelets: { value: 0, unit: '10^9/L' } } });
    expect(out.apri).toBeUndefined();
    expect(out.fib4).toBeUndefined();
  });
});

describe('bad input', () => {
  it('refuses an unknown unit with a typed error', () => {
    expect(() => liverScores({ labs: { bilirubin: { value: 2, unit: 'mg/L' } } })).toThrow(LabUnitError);
  });
  it('refuses an INR of 0 naming the field', () => {
    expect(() => liverScores({ labs: { inr: { value: 0 } } })).toThrow(expect.objectContaining({ path: 'labs.inr.value', code: 'lab.impossible_value' }));
    expect(() => liverScores({ labs: { platelets: { value: -3, unit: '10^9/L' } } })).toThrow(LiverScoreInputError);
  });
});

describe('roundTo', () => {
  it.each([[2.675, 2, 2.68], [1.45, 1, 1.5], [-2.605, 2, -2.61], [0.5, 0, 1]])('%s to %s decimals → %s', (x, d, expected) => expect(roundTo(x, d)).toBe(expected));
});

describe('BCLC 2022 (Reig et al., J Hepatol 2022;76:681-693, figure 1)', () => {
  const base: BclcInput = { ecog: 0, nodules: 1, largestDiameterMm: 18, macrovascularInvasion: false, extrahepaticSpread: false, childPughClass: 'A' };
  it.each<[string, BclcInput, string | null, string | null]>([
    ['single ≤ 2 cm, PS 0, Child-Pugh A → 0', base, '0', 'single_up_to_2cm'],
    ['single 2.1 cm → A', { ...base, largestDiameterMm: 21 }, 'A', 'single_or_up_to_3_nodules_up_to_3cm'],
    ['single 8 cm → A (any size if single)', { ...base, largestDiameterMm: 80 }, 'A', 'single_or_up_to_3_nodules_up_to_3cm'],
    ['3 nodules ≤ 3 cm → A', { ...base, nodules: 3, largestDiameterMm: 30 }, 'A', 'single_or_up_to_3_nodules_up_to_3cm'],
    ['2 nodules, largest 3.5 cm → B', { ...base, nodules: 2, largestDiameterMm: 35 }, 'B', 'multinodular'],
    ['4 nodules → B', { ...base, nodules: 4, largestDiameterMm: 15 }, 'B', 'multinodular'],
    ['portal invasion → C', { ...base, macrovascularInvasion: true }, 'C', 'vascular_invasion_or_extrahepatic_spread'],
    ['extrahepatic spread → C', { ...base, nodules: 5, extrahepaticSpread: true }, 'C', 'vascular_invasion_or_extrahepatic_spread'],
    ['PS 1 → C', { ...base, ecog: 1 }, 'C', 'performance_status_1_2'],
    ['PS 3 → D', { ...base, ecog: 3 }, 'D', 'performance_status_3_4'],
    ['Child-Pugh C → D', { ...base, childPughClass: 'C' }, 'D', 'end_stage_liver_function'],
    ['end-stage liver function judged → D even with Child-Pugh B', { ...base, childPughClass: 'B', liverFunction: 'end_stage' }, 'D', 'end_stage_liver_function'],
    ['no liver function known → null', { ...base, childPughClass: null }, null, null],
    ['no tumour size for 2 nodules → null', { ...base, nodules: 2, largestDiameterMm: null }, null, null],
    ['vascular invasion not assessed → null', { ...base, macrovascularInvasion: null }, null, null],
  ])('%s', (_label, input, stage, basis) => {
    const r = bclcStage(input);
    expect(r?.stage ?? null).toBe(stage);
    expect(r?.basis ?? null).toBe(basis);
  });
  it('flags Child-Pugh B for an individual assessment', () => {
    expect(bclcStage({ ...base, childPughClass: 'B' })).toMatchObject({ stage: '0', notes: [expect.stringContaining('Child-Pugh B')] });
  });
});
