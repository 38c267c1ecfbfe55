/** Correcting a stored result: a new result supersedes it; the old one stays readable with the reason. */
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { requireUserActor } from '../../../platform/context';
import { conflict, notFound, unprocessable } from '../../../platform/errors';
import { write } from '../../../platform/write';
import type { Correction } from './labs.schema';
import { labSubject } from './labs.subject';
import { labResults } from './labs.tables';
import { checkedResult, resultProblems } from './labs.validate';
import { labResultView } from './labs.views';

export async function correctResult(db: Db, resultId: string, input: Correction) {
  const actor = requireUserActor();
  const [old] = await db.select().from(labResults).where(eq(labResults.id, resultId));
  if (!old) throw notFound('Lab result');
  if (old.status === 'superseded') {
    throw conflict('This result was already corrected: correct the current one.', { code: 'lab_result.superseded', params: { supersededById: old.supersededById ?? '' } });
  }
  const problems = resultProblems({ analyte: old.analyte, value: input.value, unit: input.unit }, 'body');
  const first = problems[0];
  if (first) throw unprocessable(first.message, { code: first.code, params: first.params, errors: problems });
  const subject = await labSubject(db, old.subjectId);
  const row = await write(db, async (w) => {
    const created = await w.insert(labResults, 'lab_result', {
      ...checkedResult({ analyte: old.analyte, value: input.value, unit: input.unit }, subject.sex),
      panelId: old.panelId,
      subjectId: old.subjectId,
      collectedAt: old.collectedAt,
      supersedesId: old.id,
      correctionReason: input.reason,
      recordedBy: actor.username,
    });
    await w.update(labResults, 'lab_result', old.id, { status: 'superseded', supersededById: created.id, correctionReason: input.reason }, input.reason, 'supersede');
    return created;
  });
  return labResultView(row);
}
