/**
 * Where the lab grades read a subject's results: the labs module's current (not superseded) `lab_results`, in SI
 * with the limits of the reference range stored with each result.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { labResults } from '../labs/labs.tables';
import type { GradableResult } from './lab-grades.service';

export async function labResultsOf(db: Executor, subjectId: string, analytes: string[]): Promise<GradableResult[] | null> {
  if (analytes.length === 0) return [];
  const rows = await db
    .select()
    .from(labResults)
    .where(and(eq(labResults.subjectId, subjectId), eq(labResults.status, 'final'), inArray(labResults.analyte, analytes)))
    .orderBy(asc(labResults.collectedAt));
  return rows.map((r) => ({ id: r.id, analyte: r.analyte, at: r.collectedAt, value: r.canonicalValue, unit: r.canonicalUnit || null, uln: r.reference?.high ?? null, lln: r.reference?.low ?? null }));
}
