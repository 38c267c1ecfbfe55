/**
 * The QA review of a batch record (EU GMP Part IV §11: QA reviews the batch documentation, its
 * deviations and audit trail before the QP certifies). One review per batch, only once the batch is
 * completed, signed by the reviewer; the QP who certifies must be someone else (release.check.ts).
 */
import type { Db } from '../../db/client';
import { requireUserActor } from '../../platform/context';
import { conflict } from '../../platform/errors';
import { sign } from '../../platform/signatures';
import { write } from '../../platform/write';
import { batches } from '../batches/batches.tables';
import { batchReviews } from './release.tables';
import { reviewOf, signedReview, type ReviewView } from './release.views';
import { eq } from 'drizzle-orm';

export interface ReviewInput {
  signature: { password: string; meaning?: string | undefined };
  comment?: string | undefined;
}

export async function reviewBatch(db: Db, batchId: string, input: ReviewInput): Promise<ReviewView> {
  const actor = requireUserActor();
  await write(db, async (w) => {
    const batch = await w.lockById(batches, batchId, 'Batch');
    if (batch.status !== 'completed') {
      throw conflict(`Batch ${batch.batchNumber} is ${batch.status.replaceAll('_', ' ')}; only a completed batch record, not yet certified, can be reviewed.`, {
        code: 'release.review_not_completed',
        params: { batchNumber: batch.batchNumber, status: batch.status },
      });
    }
    const [already] = await w.tx.select({ reviewer: batchReviews.reviewer }).from(batchReviews).where(eq(batchReviews.batchId, batchId));
    if (already) {
      throw conflict(`Batch ${batch.batchNumber} has already been reviewed by ${already.reviewer}.`, {
        code: 'release.already_reviewed',
        params: { batchNumber: batch.batchNumber, reviewer: already.reviewer },
      });
    }
    const row = await w.insert(batchReviews, 'batch_review', {
      batchId,
      reviewerId: actor.id,
      reviewer: actor.username,
      comment: input.comment ?? null,
      reviewedAt: new Date(),
    });
    await sign(w, { password: input.signature.password, meaning: input.signature.meaning ?? 'Reviewed batch record' }, 'batch_review', row.id, signedReview(row));
  });
  return (await reviewOf(db, batchId))!;
}
