/**
 * mRECIST for HCC (Lencioni & Llovet, Semin Liver Dis 2010;30:52): target lesions measured on their viable
 * (arterially enhancing) diameter, at most 2 per organ and 5 in all, the same lesions followed at every time
 * point. The first assessment is the baseline; each later time point is judged by @hepatica/core against
 * the baseline sum and the nadir (the smallest sum before it, baseline included), computed when read.
 */
import { asc, eq } from 'drizzle-orm';
import type { Db, Executor } from '../../../db/client';
import { currentActor, requireUserActor } from '../../../platform/context';
import { unprocessable } from '../../../platform/errors';
import { write } from '../../../platform/write';
import { bestResponse, targetLesionProblems, timepointResponse, type NonTargetStatus } from '../safety/grading';
import { loadSubject, type StudySubject } from '../safety/subject-context';
import { tumourAssessments, type NonTargetLesion, type TargetLesion } from './response.tables';

type Row = typeof tumourAssessments.$inferSelect;

export interface NewTumourAssessment {
  assessedAt: string;
  modality: 'ct' | 'mri';
  targetLesions: TargetLesion[];
  nonTargetLesions: NonTargetLesion[];
  newLesions: boolean;
  notes?: string | undefined;
}

const problem = (code: string, path: string, detail: string, params?: Record<string, string | number>) =>
  unprocessable(detail, { code, ...(params ? { params } : {}), errors: [{ path, message: detail }] });

/** Sum of viable diameters, to 0.1 mm (what a radiologist reads). */
const sumOf = (lesions: TargetLesion[]) => Math.round(lesions.reduce((s, l) => s + l.viableDiameterMm, 0) * 10) / 10;

function checkLesions(input: NewTumourAssessment, baseline: Row | undefined) {
  const ids = [...input.targetLesions, ...input.nonTargetLesions].map((l) => l.lesionId);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup) throw problem('tumour.duplicate_lesion', 'body.targetLesions', `Lesion ${dup} is listed twice; each lesion has one id.`, { lesionId: dup });
  const rules = targetLesionProblems(input.targetLesions, !baseline);
  if (rules) throw problem('tumour.target_rules', rules.path, rules.detail, rules.params);
  if (!baseline) {
    if (!input.targetLesions.length) throw problem('tumour.no_target_lesions', 'body.targetLesions', 'The baseline needs at least one measurable target lesion.');
    return;
  }
  const expected = baseline.targetLesions.map((l) => l.lesionId).sort();
  const given = input.targetLesions.map((l) => l.lesionId).sort();
  if (expected.join('\u0000') !== given.join('\u0000')) {
    throw problem('tumour.target_lesions_changed', 'body.targetLesions', `Measure the baseline's target lesions at every follow-up: ${expected.join(', ')}.`, {
      expected: expected.join(', '),
      given: given.join(', '),
    });
  }
}

export async function recordTumourAssessment(db: Db, subjectId: string, input: NewTumourAssessment): Promise<Row> {
  requireUserActor();
  const subject = await loadSubject(db, subjectId);
  const assessedAt = new Date(input.assessedAt);
  if (assessedAt.getTime() > Date.now() + 60_000) throw problem('tumour.in_future', 'body.assessedAt', 'An assessment cannot be in the future.');
  return write(db, async (w) => {
    const [baseline] = await w.tx.select().from(tumourAssessments).where(eq(tumourAssessments.subjectId, subject.id)).orderBy(asc(tumourAssessments.assessedAt)).limit(1).for('update');
    if (baseline && assessedAt <= baseline.assessedAt) {
      throw problem('tumour.before_baseline', 'body.assessedAt', `The baseline is dated ${baseline.assessedAt.toISOString()}; a follow-up comes after it.`, {
        baselineAt: baseline.assessedAt.toISOString(),
      });
    }
    checkLesions(input, baseline);
    return w.insert(tumourAssessments, 'tumour_assessment', {
      subjectId: subject.id,
      assessedAt,
      modality: input.modality,
      targetLesions: input.targetLesions,
      nonTargetLesions: input.nonTargetLesions,
      newLesions: input.newLesions,
      targetSumMm: sumOf(input.targetLesions),
      isBaseline: !baseline,
      notes: input.notes ?? null,
      recordedBy: currentActor().username,
    });
  });
}

const pct = (from: number, to: number) => (from === 0 ? null : Math.round(((to - from) / from) * 1000) / 10);

/** The worst status of the non-target lesions, or null when there are none. */
function nonTargetOf(lesions: NonTargetLesion[]): NonTargetStatus | null {
  if (!lesions.length) return null;
  if (lesions.some((l) => l.status === 'unequivocal_progression')) return 'unequivocal_progression';
  return lesions.some((l) => l.status === 'present') ? 'present' : 'absent';
}

/** Every time point with its response against the baseline and the nadir before it; the best overall response. */
export function responseOf(rows: Row[]) {
  const sorted = [...rows].sort((a, b) => a.assessedAt.getTime() - b.assessedAt.getTime());
  const base = sorted[0];
  let nadir = base ? { sum: base.targetSumMm, assessedAt: base.assessedAt } : null;
  const timepoints = sorted.map((r, i) => {
    const nonTarget = nonTargetOf(r.nonTargetLesions);
    const isBase = i === 0;
    const nadirBefore = isBase ? null : nadir;
    const response = isBase
      ? null
      : timepointResponse({ baselineSum: base!.targetSumMm, nadirSum: nadirBefore!.sum, currentSum: r.targetSumMm, newLesions: r.newLesions, nonTarget });
    if (!isBase && nadir && r.targetSumMm < nadir.sum) nadir = { sum: r.targetSumMm, assessedAt: r.assessedAt };
    return {
      id: r.id,
      assessedAt: r.assessedAt.toISOString(),
      modality: r.modality,
      isBaseline: isBase,
      targetLesions: r.targetLesions,
      nonTargetLesions: r.nonTargetLesions,
      newLesions: r.newLesions,
      sum: r.targetSumMm,
      nadirSum: nadirBefore?.sum ?? null,
      changeFromBaselinePct: isBase ? null : pct(base!.targetSumMm, r.targetSumMm),
      changeFromNadirPct: nadirBefore ? pct(nadirBefore.sum, r.targetSumMm) : null,
      nonTarget,
      response,
      notes: r.notes,
      recordedBy: r.recordedBy,
    };
  });
  const followUps = timepoints.filter((t) => !t.isBaseline);
  return {
    baseline: timepoints[0] ?? null,
    timepoints,
    nadir: nadir ? { sum: nadir.sum, assessedAt: nadir.assessedAt.toISOString() } : null,
    bestOverallResponse: followUps.length ? bestResponse(followUps.map((t) => ({ response: t.response!, assessedAt: t.assessedAt }))) : null,
  };
}

export async function subjectResponse(db: Executor, subjectId: string, loaded?: StudySubject) {
  const subject = loaded ?? (await loadSubject(db, subjectId));
  const rows = await db.select().from(tumourAssessments).where(eq(tumourAssessments.subjectId, subject.id)).orderBy(asc(tumourAssessments.assessedAt));
  return responseOf(rows);
}
