/**
 * What release needs to know about deviations: the ones still open against a batch. A deviation
 * counts for a batch when it happened in it (`deviations.batchId`) or lists it among the batches it
 * may have affected (`deviation_batches`); it stops counting only once QA has closed it, or cancelled it as
 * opened in error.
 */
import { and, asc, eq, inArray, notInArray, or } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { DEVIATION_DONE_STATUSES } from './deviations.schema';
import { deviationBatches, deviations } from './quality.tables';

export interface OpenDeviation {
  id: string;
  number: string;
  title: string;
  severity: string;
  status: string;
}

/**
 * Every deviation linked to the batch that is neither closed nor cancelled, oldest number first.
 * @example const blockers = await openDeviationsOf(db, batch.id) // [] when nothing blocks release
 */
export async function openDeviationsOf(db: Executor, batchId: string): Promise<OpenDeviation[]> {
  const linked = db.select({ id: deviationBatches.deviationId }).from(deviationBatches).where(eq(deviationBatches.batchId, batchId));
  return db
    .select({ id: deviations.id, number: deviations.number, title: deviations.title, severity: deviations.severity, status: deviations.status })
    .from(deviations)
    .where(and(notInArray(deviations.status, [...DEVIATION_DONE_STATUSES]), or(eq(deviations.batchId, batchId), inArray(deviations.id, linked))))
    .orderBy(asc(deviations.openedAt), asc(deviations.number));
}
