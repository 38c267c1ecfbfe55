/**
 * Lab-based CTCAE v5.0 grades of a subject. The baseline of each term is its last result at or before the
 * cutoff (the first infusion, else enrollment, else screening); later results are graded by gradeCtcaeLab
 * with that baseline, which applies CTCAE v5.0's rule for an abnormal baseline (ALT, AST, bilirubin graded on
 * multiples of the baseline when the baseline is above the ULN). Results at or before the cutoff are graded
 * on their own (they are the baseline, not toxicity of the product).
 */
import type { Executor } from '../../../db/client';
import { labGrade } from './grading';
import type { LabGradesView } from './lab-grades.schema';
import { labResultsOf } from './lab-source';
import { firstInfusion, loadSubject, type StudySubject } from './subject-context';

/** The analytes (LAB_ANALYTE_KEYS of @hepatica/core) that CTCAE v5.0 grades from a value, and their CTCAE terms. */
export const GRADED_ANALYTES: Readonly<Record<string, string>> = {
  alt: 'alt_increased',
  ast: 'ast_increased',
  bilirubin: 'bilirubin_increased',
  platelets: 'platelet_count_decreased',
  neutrophils: 'neutrophil_count_decreased',
  alp: 'alkaline_phosphatase_increased',
  creatinine: 'creatinine_increased',
  lymphocytes: 'lymphocyte_count_decreased',
  hemoglobin: 'anemia',
};

/** One result as the grading needs it (values in the unit its ULN/LLN are in; counts in 10^9/L). */
export interface GradableResult {
  id: string;
  analyte: string;
  at: Date;
  value: number;
  unit: string | null;
  uln: number | null;
  lln: number | null;
}

/** Grades a series of results against the baseline before `cutoff`. Pure: the route feeds it the subject's results. */
export function gradeLabSeries(results: GradableResult[], cutoff: Date | null): Pick<LabGradesView, 'items' | 'worst'> {
  const sorted = results.filter((r) => GRADED_ANALYTES[r.analyte]).sort((a, b) => a.at.getTime() - b.at.getTime());
  const baselines = new Map<string, GradableResult>();
  const items: LabGradesView['items'] = [];
  for (const r of sorted) {
    const term = GRADED_ANALYTES[r.analyte]!;
    const isBaselineCandidate = cutoff !== null && r.at <= cutoff;
    const base = isBaselineCandidate ? undefined : baselines.get(term);
    if (isBaselineCandidate) baselines.set(term, r);
    const grade = labGrade({
      term,
      value: r.value,
      ...(r.uln !== null ? { uln: r.uln } : {}),
      ...(r.lln !== null ? { lln: r.lln } : {}),
      ...(base ? { baseline: base.value } : {}),
      unit: r.unit,
    });
    if (grade === null) continue;
    items.push({
      term,
      labResultId: r.id,
      at: r.at.toISOString(),
      value: r.value,
      unit: r.unit,
      uln: r.uln,
      lln: r.lln,
      baseline: base ? { value: base.value, at: base.at.toISOString(), labResultId: base.id } : null,
      grade,
    });
  }
  const worst = new Map<string, { term: string; grade: number; at: string }>();
  for (const i of items) {
    const w = worst.get(i.term);
    if (!w || i.grade > w.grade) worst.set(i.term, { term: i.term, grade: i.grade, at: i.at });
  }
  return { items, worst: [...worst.values()] };
}

/** The baseline cutoff: the first infusion, else enrollment, else screening. */
async function cutoffOf(db: Executor, subject: StudySubject) {
  const infusion = await firstInfusion(db, subject);
  if (infusion) return { baselineCutoff: infusion.startedAt, baselineAnchor: 'infusion' as const };
  if (subject.enrolledAt) return { baselineCutoff: subject.enrolledAt, baselineAnchor: 'enrollment' as const };
  return { baselineCutoff: subject.screenedAt, baselineAnchor: 'screening' as const };
}

export async function subjectLabGrades(db: Executor, subjectId: string, loaded?: StudySubject): Promise<LabGradesView> {
  const subject = loaded ?? (await loadSubject(db, subjectId));
  const { baselineCutoff, baselineAnchor } = await cutoffOf(db, subject);
  const results = await labResultsOf(db, subject.id, Object.keys(GRADED_ANALYTES));
  return {
    version: '5.0',
    source: results ? 'lab_results' : 'not_available',
    baselineCutoff: baselineCutoff.toISOString(),
    baselineAnchor,
    ...gradeLabSeries(results ?? [], baselineCutoff),
  };
}
