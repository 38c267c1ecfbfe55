/**
 * Aborting a batch: QA's decision to terminate a batch in progress (contamination, equipment failure,
 * a patient withdrawn). In one transaction under the batch's row lock: the batch becomes `aborted` and
 * ends now (its end bounds the time it held the room, which EM excursions look back on), its equipment is
 * released and its room left to be cleaned as at completion, a major deviation is opened on it (an aborted
 * batch is always investigated), and QA signs the decision. Steps not done stay pending: they never
 * happened. A wrong password or a batch not in progress leaves everything as it was.
 */
import type { Db } from '../../db/client';
import { requireUserActor } from '../../platform/context';
import { conflict } from '../../platform/errors';
import { sign } from '../../platform/signatures';
import { write, type Writer } from '../../platform/write';
import { releaseEquipmentOf } from '../equipment/equipment.service';
import { vacateRoom } from '../facility/facility.service';
import { getProcess } from '../processes/processes.service';
import { openDeviation } from '../quality/deviations.service';
import { ABORT_MEANING } from './batches.schema';
import { batches } from './batches.tables';
import { stepRowsOf, type Batch } from './batches.views';

export interface BatchAbort {
  reason: string;
  signature: { password: string };
}

/** What the abort signature vouches for: the batch as it ended, and why. */
export function signedAbort(batch: Batch, reason: string) {
  return { batchId: batch.id, batchNumber: batch.batchNumber, status: batch.status, endedAt: batch.completedAt, reason };
}

/** Aborts batch `batchId` as the current user (QA); 409 batch.not_abortable unless it is in progress. */
export async function abortBatch(db: Db, batchId: string, input: BatchAbort): Promise<Batch> {
  requireUserActor();
  return write(db, async (w) => {
    const batch = await w.lockById(batches, batchId, 'Batch');
    if (batch.status !== 'in_progress') {
      throw conflict(`Batch ${batch.batchNumber} is ${batch.status.replace('_', ' ')}; only a batch in progress can be aborted.`, {
        code: 'batch.not_abortable',
        params: { batchNumber: batch.batchNumber, status: batch.status },
      });
    }
    const at = new Date();
    await releaseEquipmentOf(w, batch.id);
    await vacateRoom(w, batch.roomId);
    await openAbortDeviation(w, batch, input.reason, at);
    const aborted = await w.update(batches, 'batch', batch.id, { status: 'aborted', completedAt: at }, input.reason, 'abort');
    await sign(w, { password: input.signature.password, meaning: ABORT_MEANING }, 'batch', batch.id, signedAbort(aborted, input.reason));
    return aborted;
  });
}

/** The deviation every abort opens, saying how far the batch had got and why it was stopped. */
async function openAbortDeviation(w: Writer, batch: Batch, reason: string, at: Date): Promise<void> {
  const process = await getProcess(w.tx, batch.processId);
  const done = (await stepRowsOf(w.tx, batch.id)).filter((s) => s.status === 'completed').length;
  await openDeviation(w, {
    title: `Batch ${batch.batchNumber} aborted`,
    description: `Batch ${batch.batchNumber} (${process.code} version ${process.version}) was aborted by QA decision after ${done} of ${process.steps.length} steps: ${reason}. Opened automatically when the batch was aborted.`,
    severity: 'major',
    source: 'batch_abort',
    roomId: batch.roomId,
    batchId: batch.id,
    openedAt: at,
  });
}
