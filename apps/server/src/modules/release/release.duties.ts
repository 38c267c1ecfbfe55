/**
 * The duty a conditional release leaves behind (NMPA cell-therapy appendix: a product released
 * before complete testing obliges the manufacturer to tell the clinician of any later failing result).
 * QC calls afterReviewedNonConformingResult in the transaction that records a reviewed non-conforming
 * result; if the batch was ever conditionally released, the physician named in that decision gets a
 * notification, open until they acknowledge it with their signature.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { Writer } from '../../platform/write';
import { batches } from '../batches/batches.tables';
import { processes } from '../processes/processes.tables';
import { qcResults } from '../qc/qc.tables';
import { batchReleases, releaseNotifications } from './release.tables';

export interface NonConformingResult {
  batchId: string;
  resultId: string;
  testCode: string;
}

/**
 * Creates the physician notification for a late non-conforming result of a conditionally released
 * batch; does nothing for other batches, or when this result was already notified.
 * @example await afterReviewedNonConformingResult(w, { batchId, resultId: result.id, testCode: 'STERILITY' })
 */
export async function afterReviewedNonConformingResult(w: Writer, input: NonConformingResult): Promise<void> {
  const [conditional] = await w.tx
    .select()
    .from(batchReleases)
    .where(and(eq(batchReleases.batchId, input.batchId), eq(batchReleases.decision, 'conditional_release')))
    .orderBy(desc(batchReleases.certifiedAt))
    .limit(1);
  if (!conditional?.physicianId) return;
  const [already] = await w.tx
    .select({ id: releaseNotifications.id })
    .from(releaseNotifications)
    .where(and(eq(releaseNotifications.resultId, input.resultId), eq(releaseNotifications.physicianId, conditional.physicianId)));
  if (already) return;
  await w.insert(releaseNotifications, 'release_notification', {
    batchId: input.batchId,
    releaseId: conditional.id,
    resultId: input.resultId,
    testCode: input.testCode,
    physicianId: conditional.physicianId,
    message: await messageFor(w, input),
    status: 'open',
  });
}

/** "Batch B-2026-0007 (GPC3 CAR-T, DIN …) was released before …: STERILITY result 'fail' does not conform." */
async function messageFor(w: Writer, input: NonConformingResult): Promise<string> {
  const [row] = await w.tx
    .select({ batchNumber: batches.batchNumber, din: batches.din, product: processes.product })
    .from(batches)
    .innerJoin(processes, eq(processes.id, batches.processId))
    .where(eq(batches.id, input.batchId));
  const [result] = await w.tx.select({ value: qcResults.value }).from(qcResults).where(eq(qcResults.id, input.resultId));
  const value = result ? ` (result: ${String(result.value as unknown)})` : '';
  const din = row?.din ? `, DIN ${row.din}` : '';
  return (
    `Batch ${row?.batchNumber ?? input.batchId} (${row?.product ?? 'product'}${din}) was released before all QC results were in. ` +
    `The late ${input.testCode} result${value} does not conform to the specification. ` +
    'Assess the patient who received this product, then acknowledge this notification saying what you decided.'
  );
}
