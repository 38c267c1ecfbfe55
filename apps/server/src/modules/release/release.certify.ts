/**
 * The QP's certification: release, conditional release or reject, signed. Refused with every blocker
 * named (release.check.ts, @hepatica/core releaseBlockers) — checked inside the transaction, with the
 * batch row locked, so nothing can change between the check and the decision. A release or conditional
 * release issues version 1 of the certificate of analysis in the same transaction; an autologous
 * patient's order moves to `released`.
 */
import { releaseBlockers, STATUS_AFTER, type ReleaseDecision } from '@hepatica/core';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { requireUserActor } from '../../platform/context';
import { conflict, unprocessable } from '../../platform/errors';
import { sign } from '../../platform/signatures';
import { write, type Writer } from '../../platform/write';
import { batches } from '../batches/batches.tables';
import { users } from '../identity/identity.tables';
import { orders } from '../orders/orders.tables';
import { issueCoa, reissueIfChanged } from './coa.service';
import { factsOf, situationOf } from './release.check';
import { blockerMessage, withMessage } from './release.messages';
import type { ReleaseBody } from './release.schema';
import { batchReleases } from './release.tables';
import { releasesOf, signedRelease, type BatchRow, type ReleaseView } from './release.views';

const MEANING: Record<ReleaseDecision, string> = {
  release: 'Certified for release',
  conditional_release: 'Certified for conditional release',
  reject: 'Rejected',
};

export async function certifyBatch(db: Db, batchId: string, body: ReleaseBody): Promise<ReleaseView> {
  const actor = requireUserActor();
  checkBodyRules(body);
  if (body.treatingPhysicianId) await assertPhysician(db, body.treatingPhysicianId);
  const id = await write(db, async (w) => {
    const batch = await w.lockById(batches, batchId, 'Batch');
    const situation = await situationOf(w.tx, batch);
    if (body.exceptional && !situation.qc.outOfSpecification.length) {
      throw unprocessable('The batch is within specification: release it without the exceptional path.', {
        code: 'release.exceptional_not_needed',
        errors: [{ path: 'body.exceptional', message: 'Only for an out-of-specification product' }],
      });
    }
    const blockers = releaseBlockers(body.decision, factsOf(batch, situation, actor.id, !!body.exceptional));
    if (blockers.length) {
      throw conflict(`The batch cannot be ${MEANING[body.decision].toLowerCase()}: ${blockers.map(blockerMessage).join(' ')}`, {
        code: 'release.blocked',
        params: { batchNumber: batch.batchNumber, decision: body.decision, count: blockers.length, blockers: blockers.map((b) => b.code).join(', ') },
        extensions: { blockers: blockers.map(withMessage) },
      });
    }
    const row = await w.insert(batchReleases, 'batch_release', {
      batchId,
      decision: body.decision,
      certifierId: actor.id,
      certifier: actor.username,
      pendingTests: body.decision === 'conditional_release' ? situation.qc.pendingLate : [],
      outOfSpecification: situation.qc.outOfSpecification,
      physicianId: body.treatingPhysicianId ?? null,
      exceptional: body.exceptional ?? null,
      comment: body.comment ?? null,
      productExpiresAt: body.decision === 'reject' || !situation.expiry.expiresAt ? null : new Date(situation.expiry.expiresAt),
      certifiedAt: new Date(),
    });
    await sign(w, { password: body.signature.password, meaning: body.signature.meaning ?? MEANING[body.decision] }, 'batch_release', row.id, signedRelease(row));
    await applyDecision(w, batch, body.decision);
    return row.id;
  });
  return (await releasesOf(db, batchId)).find((r) => r.id === id)!;
}

/** The batch's new status, the order's, and the certificate of analysis. */
async function applyDecision(w: Writer, batch: BatchRow, decision: ReleaseDecision): Promise<void> {
  const wasConditional = batch.status === 'conditionally_released';
  await w.update(batches, 'batch', batch.id, { status: STATUS_AFTER[decision] }, `QP decision: ${decision.replaceAll('_', ' ')}`, 'certify');
  if (decision === 'reject') return;
  if (batch.orderId) {
    const order = await w.lockById(orders, batch.orderId, 'Order');
    if (order.status === 'in_manufacturing') {
      await w.update(orders, 'order', order.id, { status: 'released' }, `Batch ${batch.batchNumber} certified (${decision.replaceAll('_', ' ')})`, 'status_change');
    }
  }
  if (wasConditional) await reissueIfChanged(w, batch.id, 'Final release: results pending at the conditional release are in');
  else await issueCoa(w, batch.id, decision === 'release' ? 'Issued at release' : 'Issued at conditional release');
}

function checkBodyRules(body: ReleaseBody): void {
  if (body.decision === 'conditional_release' && !body.treatingPhysicianId) {
    throw unprocessable('A conditional release names the treating physician, who is told of any late non-conforming result.', {
      code: 'release.physician_required',
      errors: [{ path: 'body.treatingPhysicianId', message: 'Required for a conditional release' }],
    });
  }
  if (body.exceptional && body.decision !== 'release') {
    throw unprocessable('The exceptional path is a release decision: choose "release" to release an out-of-specification product.', {
      code: 'release.exceptional_only_release',
      errors: [{ path: 'body.exceptional', message: 'Only with decision "release"' }],
    });
  }
}

/** The treating physician must be an active user holding the physician role. */
async function assertPhysician(db: Db, id: string): Promise<void> {
  const [user] = await db.select({ roles: users.roles, active: users.active }).from(users).where(and(eq(users.id, id)));
  if (user?.active && user.roles.includes('physician')) return;
  throw unprocessable('The treating physician must be an active user with the physician role.', {
    code: 'release.not_a_physician',
    errors: [{ path: 'body.treatingPhysicianId', message: 'Not an active physician' }],
  });
}
