/**
 * Lab-based CTCAE v5.0 grades. Criteria from CTCAE v5.0 (NCI, 27 Nov 2017), Investigations and Blood and
 * lymphatic system disorders: ALT/AST increased (>ULN–3.0, >3.0–5.0, >5.0–20.0, >20.0 × ULN; abnormal baseline
 * 1.5–3.0, >3.0–5.0, >5.0–20.0, >20.0 × baseline), blood bilirubin increased (>ULN–1.5, >1.5–3.0, >3.0–10.0,
 * >10.0 × ULN; abnormal baseline >1.0–1.5 … × baseline), ALP increased (>ULN–2.5, >2.5–5.0, >5.0–20.0, >20.0;
 * abnormal baseline 2.0–2.5 …), creatinine increased (>ULN–1.5 × ULN; >1.5–3.0 × baseline or ULN; >3.0 ×
 * baseline or 3.0–6.0 × ULN; >6.0 × ULN), platelet count decreased (<LLN–75, <75–50, <50–25, <25 × 10^9/L),
 * neutrophil count decreased (<LLN–1.5, <1.5–1.0, <1.0–0.5, <0.5), lymphocyte count decreased (<LLN–0.8,
 * <0.8–0.5, <0.5–0.2, <0.2), anemia (Hgb <LLN–100, <100–80, <80 g/L).
 */
import { describe, expect, it } from 'vitest';
import { CTCAE_TERMS, CtcaeInputError, gradeCtcaeLab, type CtcaeLabInput } from './ctcae';

describe('gradeCtcaeLab (CTCAE v5.0)', () => {
  it.each<[string, CtcaeLabInput, number, string]>([
    // ALT, baseline normal (ULN 40)
    ['ALT at ULN', { term: 'alt_increased', value: 40, uln: 40 }, 0, 'uln'],
    ['ALT 41', { term: 'alt_increased', value: 41, uln: 40 }, 1, 'uln'],
    ['ALT 3.0 × ULN', { term: 'alt_increased', value: 120, uln: 40 }, 1, 'uln'],
    ['ALT 121 (>3.0 ×)', { term: 'alt_increased', value: 121, uln: 40 }, 2, 'uln'],
    ['ALT 5.0 ×', { term: 'alt_increased', value: 200, uln: 40 }, 2, 'uln'],
    ['ALT 201', { term: 'alt_increased', value: 201, uln: 40 }, 3, 'uln'],
    ['ALT 20.0 ×', { term: 'alt_increased', value: 800, uln: 40 }, 3, 'uln'],
    ['ALT 801', { term: 'alt_increased', value: 801, uln: 40 }, 4, 'uln'],
    ['ALT, baseline normal (35): ULN rules', { term: 'alt_increased', value: 130, uln: 40, baseline: 35 }, 2, 'uln'],
    // ALT, abnormal baseline 100 (ULN 40): multiples of baseline
    ['ALT 140, baseline 100: 1.4 × baseline, grade 0', { term: 'alt_increased', value: 140, uln: 40, baseline: 100 }, 0, 'baseline'],
    ['ALT 150, baseline 100: 1.5 ×, grade 1', { term: 'alt_increased', value: 150, uln: 40, baseline: 100 }, 1, 'baseline'],
    ['ALT 300, baseline 100: 3.0 ×, grade 1', { term: 'alt_increased', value: 300, uln: 40, baseline: 100 }, 1, 'baseline'],
    ['ALT 450, baseline 100: grade 2', { term: 'alt_increased', value: 450, uln: 40, baseline: 100 }, 2, 'baseline'],
    ['ALT 1000, baseline 100: grade 3', { term: 'alt_increased', value: 1000, uln: 40, baseline: 100 }, 3, 'baseline'],
    ['ALT 2100, baseline 100: grade 4', { term: 'alt_increased', value: 2100, uln: 40, baseline: 100 }, 4, 'baseline'],
    ['AST 6 × ULN', { term: 'ast_increased', value: 210, uln: 35 }, 3, 'uln'],
    // Bilirubin (ULN 21 µmol/L)
    ['bilirubin 1.5 × ULN', { term: 'bilirubin_increased', value: 31.5, uln: 21 }, 1, 'uln'],
    ['bilirubin 2 × ULN', { term: 'bilirubin_increased', value: 42, uln: 21 }, 2, 'uln'],
    ['bilirubin 4 × ULN', { term: 'bilirubin_increased', value: 84, uln: 21 }, 3, 'uln'],
    ['bilirubin 11 × ULN', { term: 'bilirubin_increased', value: 231, uln: 21 }, 4, 'uln'],
    ['bilirubin at an abnormal baseline (30): grade 0', { term: 'bilirubin_increased', value: 30, uln: 21, baseline: 30 }, 0, 'baseline'],
    ['bilirubin 1.2 × an abnormal baseline: grade 1', { term: 'bilirubin_increased', value: 36, uln: 21, baseline: 30 }, 1, 'baseline'],
    ['bilirubin 2 × an abnormal baseline: grade 2 (3.0 × ULN would say 2 as well)', { term: 'bilirubin_increased', value: 60, uln: 21, baseline: 30 }, 2, 'baseline'],
    ['bilirubin 4 × an abnormal baseline: grade 3', { term: 'bilirubin_increased', value: 120, uln: 21, baseline: 30 }, 3, 'baseline'],
    // ALP
    ['ALP 2.5 × ULN', { term: 'alkaline_phosphatase_increased', value: 250, uln: 100 }, 1, 'uln'],
    ['ALP 1.9 × abnormal baseline: grade 0', { term: 'alkaline_phosphatase_increased', value: 285, uln: 100, baseline: 150 }, 0, 'baseline'],
    ['ALP 2.0 × abnormal baseline: grade 1', { term: 'alkaline_phosphatase_increased', value: 300, uln: 100, baseline: 150 }, 1, 'baseline'],
    // Creatinine
    ['creatinine 1.2 × ULN', { term: 'creatinine_increased', value: 116, uln: 97 }, 1, 'uln'],
    ['creatinine 2 × baseline within the ULN: grade 2 by baseline', { term: 'creatinine_increased', value: 90, uln: 97, baseline: 45 }, 2, 'baseline'],
    ['creatinine 3.5 × baseline: grade 3', { term: 'creatinine_increased', value: 210, uln: 97, baseline: 60 }, 3, 'baseline'],
    ['creatinine 7 × ULN: grade 4 by ULN', { term: 'creatinine_increased', value: 680, uln: 97, baseline: 200 }, 4, 'uln'],
    // Platelets (LLN 125)
    ['platelets 130', { term: 'platelet_count_decreased', value: 130, lln: 125 }, 0, 'threshold'],
    ['platelets 100', { term: 'platelet_count_decreased', value: 100, lln: 125 }, 1, 'threshold'],
    ['platelets 75', { term: 'platelet_count_decreased', value: 75, lln: 125 }, 1, 'threshold'],
    ['platelets 74', { term: 'platelet_count_decreased', value: 74 }, 2, 'threshold'],
    ['platelets 50', { term: 'platelet_count_decreased', value: 50 }, 2, 'threshold'],
    ['platelets 49', { term: 'platelet_count_decreased', value: 49 }, 3, 'threshold'],
    ['platelets 25', { term: 'platelet_count_decreased', value: 25 }, 3, 'threshold'],
    ['platelets 24', { term: 'platelet_count_decreased', value: 24 }, 4, 'threshold'],
    ['platelets 0', { term: 'platelet_count_decreased', value: 0 }, 4, 'threshold'],
    ['platelets 100 with no LLN: WS/T 405 LLN 125', { term: 'platelet_count_decreased', value: 100 }, 1, 'threshold'],
    ['platelets 100 per nL in 10^3/uL', { term: 'platelet_count_decreased', value: 100, unit: '10^3/uL', lln: 150 }, 1, 'threshold'],
    // Neutrophils
    ['ANC 1.6 (LLN 1.8)', { term: 'neutrophil_count_decreased', value: 1.6, lln: 1.8 }, 1, 'threshold'],
    ['ANC 1.5', { term: 'neutrophil_count_decreased', value: 1.5, lln: 1.8 }, 1, 'threshold'],
    ['ANC 1.2', { term: 'neutrophil_count_decreased', value: 1.2 }, 2, 'threshold'],
    ['ANC 1.0', { term: 'neutrophil_count_decreased', value: 1.0 }, 2, 'threshold'],
    ['ANC 0.7', { term: 'neutrophil_count_decreased', value: 0.7 }, 3, 'threshold'],
    ['ANC 0.49', { term: 'neutrophil_count_decreased', value: 0.49 }, 4, 'threshold'],
    ['ANC 2.0 (LLN 1.8)', { term: 'neutrophil_count_decreased', value: 2.0, lln: 1.8 }, 0, 'threshold'],
    // Lymphocytes, anemia
    ['lymphocytes 0.6', { term: 'lymphocyte_count_decreased', value: 0.6 }, 2, 'threshold'],
    ['lymphocytes 0.1', { term: 'lymphocyte_count_decreased', value: 0.1 }, 4, 'threshold'],
    ['Hgb 105 g/L (LLN 115)', { term: 'anemia', value: 105, lln: 115 }, 1, 'threshold'],
    ['Hgb 9.0 g/dL', { term: 'anemia', value: 9, unit: 'g/dL', lln: 11.5 }, 2, 'threshold'],
    ['Hgb 79 g/L: grade 3 (4 is clinical)', { term: 'anemia', value: 79 }, 3, 'threshold'],
  ])('%s', (_label, input, grade, basis) => expect(gradeCtcaeLab(input)).toEqual({ grade, version: '5.0', basis }));

  it('uses the sex-specific reference ULN when none is given (WS/T 404.1: ALT women 40, men 50)', () => {
    expect(gradeCtcaeLab({ term: 'alt_increased', value: 45, sex: 'female' }).grade).toBe(1);
    expect(gradeCtcaeLab({ term: 'alt_increased', value: 45, sex: 'male' }).grade).toBe(0);
  });

  it.each<[CtcaeLabInput, string, string]>([
    [{ term: 'cytokine_release_syndrome', value: 1 }, 'term', 'ctcae.unknown_term'],
    [{ term: 'made_up', value: 1 }, 'term', 'ctcae.unknown_term'],
    [{ term: 'alt_increased', value: -1, uln: 40 }, 'value', 'lab.impossible_value'],
    [{ term: 'alt_increased', value: 50, uln: 0 }, 'uln', 'lab.impossible_value'],
    [{ term: 'alt_increased', value: 50, uln: 40, baseline: 0 }, 'baseline', 'lab.impossible_value'],
    [{ term: 'platelet_count_decreased', value: -2 }, 'value', 'lab.impossible_value'],
  ])('refuses %j', (input, path, code) => {
    expect(() => gradeCtcaeLab(input)).toThrow(CtcaeInputError);
    expect(() => gradeCtcaeLab(input)).toThrow(expect.objectContaining({ path, code }));
  });
});

describe('CTCAE_TERMS', () => {
  it('lists the terms AE entry needs, with both labels and MedDRA codes', () => {
    for (const term of [
      'cytokine_release_syndrome', 'icans', 'fever', 'neutrophil_count_decreased', 'febrile_neutropenia', 'hypotension', 'hypoxia', 'nausea', 'fatigue',
      'alt_increased', 'ast_increased', 'bilirubin_increased', 'platelet_count_decreased', 'anemia', 'infusion_related_reaction', 'tumor_lysis_syndrome',
      'hepatic_failure', 'ascites', 'encephalopathy', 'upper_gastrointestinal_hemorrhage',
    ]) {
      const t = CTCAE_TERMS[term as keyof typeof CTCAE_TERMS];
      expect(t, term).toBeDefined();
      expect(t.term).toBe(term);
      expect(t.label.en.length).toBeGreaterThan(2);
      expect(t.label['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(Object.keys(t.grades).length).toBeGreaterThan(0);
      if (t.meddraCode !== null) expect(t.meddraCode).toMatch(/^100\d{5}$/);
    }
  });
  it('marks the lab-graded terms and that ICANS is not a v5.0 term', () => {
    expect(CTCAE_TERMS.alt_increased.labGraded).toBe(true);
    expect(CTCAE_TERMS.fever.labGraded).toBe(false);
    expect(CTCAE_TERMS.icans.ctcae).toBe(false);
    expect(CTCAE_TERMS.febrile_neutropenia.grades[1]).toBeUndefined();
  });
});
