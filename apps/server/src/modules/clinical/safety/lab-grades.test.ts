/**
 * Lab-based CTCAE v5.0 grades of a series, with the baseline taken before the infusion. Expected grades from
 * CTCAE v5.0 (NCI, 2017), Investigations: ALT increased — normal baseline >ULN–3.0 × ULN grade 1, >3.0–5.0 ×
 * ULN grade 2; abnormal baseline >1.5–3.0 × baseline grade 1, >3.0–5.0 × baseline grade 2. Platelet count
 * decreased: <LLN–75 grade 1, <75–50 grade 2, <50–25 grade 3 (10^9/L).
 */
import { describe, expect, it } from 'vitest';
import { gradeLabSeries, type GradableResult } from './lab-grades.service';

const cutoff = new Date('2026-03-10T02:00:00Z');
const at = (day: number) => new Date(cutoff.getTime() + day * 86_400_000);
const alt = (id: string, day: number, value: number): GradableResult => ({ id, analyte: 'alt', at: at(day), value, unit: 'U/L', uln: 40, lln: null });
const plt = (id: string, day: number, value: number): GradableResult => ({ id, analyte: 'platelets', at: at(day), value, unit: '10^9/L', uln: 350, lln: 150 });

describe('gradeLabSeries', () => {
  it('grades after the infusion against the last result before it (abnormal baseline: multiples of baseline)', () => {
    const { items, worst } = gradeLabSeries([alt('a2', 3, 200), alt('a0', -5, 60), alt('a1', -1, 80), plt('p0', -1, 180), plt('p1', 4, 60)], cutoff);
    expect(items.map((i) => [i.labResultId, i.baseline?.labResultId ?? null, i.grade])).toEqual([
      ['a0', null, 1], // 1.5 × ULN, graded on its own: before the infusion it is baseline, not toxicity
      ['a1', null, 1],
      ['p0', null, 0],
      ['a2', 'a1', 1], // 200 U/L = 5 × ULN (grade 2 on a normal baseline) but 2.5 × the abnormal baseline of 80: grade 1
      ['p1', 'p0', 2],
    ]);
    expect(worst).toEqual([
      { term: 'alt_increased', grade: 1, at: at(-5).toISOString() },
      { term: 'platelet_count_decreased', grade: 2, at: at(4).toISOString() },
    ]);
  });

  it('ignores analytes CTCAE does not grade from a value', () => {
    const { items } = gradeLabSeries([{ id: 'x', analyte: 'inr', at: at(1), value: 1.8, unit: null, uln: 1.2, lln: null }], cutoff);
    expect(items).toEqual([]);
  });
});
