/**
 * Withdrawing a change no longer wanted. Nothing is deleted: the withdrawal is signed with a reason, the
 * record keeps who, when and why, and it is never overdue again. Only before implementation (draft,
 * assessed or approved): an implemented change has altered the process and must be closed through its
 * effectiveness check. The requester may withdraw their own request, and QA (quality:approve) any change,
 * as QA decides over every change control; anyone else with quality rights is refused.
 */
import type { Db } from '../../db/client';
import { hasPermission } from '../../platform/access';
import { requireUserActor } from '../../platform/context';
import { Problem } from '../../platform/errors';
import { sign } from '../../platform/signatures';
import { write } from '../../platform/write';
import { CHANGE_BEFORE_IMPLEMENTATION, type WithdrawChangeBody } from './change-control.schema';
import { CHANGE_ENTITY, getChange, signedParts, WITHDRAWAL, type Change } from './change-control.service';
import { changeControls } from './change-control.tables';
import { requireEndReason, requireStatus } from './quality.common';

/** 403 unless the actor requested the change or is QA. */
function requireRequesterOrQa(c: Change): string {
  const actor = requireUserActor();
  if (actor.username === c.requestedBy || hasPermission(actor.roles, 'quality:approve')) return actor.username;
  throw new Problem({
    status: 403,
    slug: 'forbidden',
    title: 'Not allowed',
    detail: `Only ${c.requestedBy}, who requested ${c.number}, or QA can withdraw it.`,
    code: 'change_control.withdraw_not_allowed',
    params: { number: c.number, requester: c.requestedBy },
  });
}

/** Withdraws a change before implementation, signed, with the reason as the audit reason. */
export async function withdrawChange(db: Db, id: string, body: WithdrawChangeBody) {
  await write(db, async (w) => {
    const c = await w.lockById(changeControls, id, 'Change control');
    const by = requireRequesterOrQa(c);
    const reason = requireEndReason(body.reason);
    requireStatus('change_control', c, CHANGE_BEFORE_IMPLEMENTATION, 'withdrawn');
    const patch = { status: 'withdrawn', withdrawnAt: new Date(), withdrawnBy: by, withdrawReason: reason };
    const after = await w.update(changeControls, CHANGE_ENTITY, id, patch, reason, 'withdraw');
    await sign(w, body.signature, WITHDRAWAL, id, signedParts(after)[3]![2]);
  });
  return getChange(db, id);
}
