/** Requalification after an SOP revision; the course service calls it, so it imports no course code. */
import { and, eq } from 'drizzle-orm';
import type { Writer } from '../../platform/write';
import { trainingQualifications } from './training.tables';

/**
 * After an SOP revision: every active qualification of the course must be earned again. Runs in
 * the caller's transaction (the course change); returns how many qualifications it changed.
 */
export async function markRequalificationRequired(w: Writer, courseId: string, reason: string): Promise<number> {
  const active = await w.tx
    .select({ id: trainingQualifications.id })
    .from(trainingQualifications)
    .where(and(eq(trainingQualifications.courseId, courseId), eq(trainingQualifications.status, 'active')));
  for (const q of active) {
    await w.update(trainingQualifications, 'training_qualification', q.id, { status: 'requalification_required' }, reason, 'status_change');
  }
  return active.length;
}
