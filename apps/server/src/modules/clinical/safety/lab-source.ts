/**
 * Where the lab grades read a subject's results: the visits-labs module's `lab_results`. Until that module
 * exists this answers null ("not available"), and the grading (gradeLabSeries) is tested on given results.
 */
import type { Executor } from '../../../db/client';
import type { GradableResult } from './lab-grades.service';

export async function labResultsOf(_db: Executor, _subjectId: string, _analytes: string[]): Promise<GradableResult[] | null> {
  return null;
}
