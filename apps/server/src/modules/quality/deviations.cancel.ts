/**
 * Cancelling a deviation opened in error. Nothing is deleted: QA signs the cancellation with a reason,
 * the record keeps who, when and why, and it stops counting as open (release, overview, due dates).
 * Only a deviation a person reported may be cancelled: one opened by a rule (an EM excursion, a value out
 * of range, an abort, a shipment temperature) records something the system measured, so it is
 * investigated and closed instead. A deviation an open CAPA answers is not cancelled under that CAPA.
 */
import type { Db, Executor } from '../../db/client';
import { requireUserActor } from '../../platform/context';
import { conflict } from '../../platform/errors';
import { sign } from '../../platform/signatures';
import { write } from '../../platform/write';
import type { CancelDeviationBody } from './deviations.lifecycle.schema';
import { DEVIATION_OPEN_STATUSES } from './deviations.schema';
import { capasOfDeviation, DEVIATION_ENTITY, getDeviation, type Deviation } from './deviations.service';
import { CANCELLATION_ENTITY, cancelledContent } from './deviations.signed';
import { requireEndReason, requireStatus } from './quality.common';
import { deviations } from './quality.tables';

/** 409 unless a person reported it: a rule's deviation records a measured fact. */
function requireManual(d: Deviation): void {
  if (d.source === 'manual') return;
  throw conflict(
    `${d.number} was opened automatically (${d.source.replaceAll('_', ' ')}): it records what the system measured, so it cannot be cancelled as opened in error; investigate it and close it instead.`,
    { code: 'deviation.cancel_automatic', params: { number: d.number, source: d.source } },
  );
}

/** 409 while a CAPA that is not closed answers the deviation: a CAPA needs its deviation. */
async function requireNoOpenCapa(db: Executor, d: Deviation): Promise<void> {
  const open = (await capasOfDeviation(db, d.id)).filter((c) => c.status !== 'closed');
  if (!open.length) return;
  const capas = open.map((c) => c.number).join(', ');
  throw conflict(`${capas} answers ${d.number} and is not closed; a CAPA needs its deviation, so close the CAPA before cancelling ${d.number}.`, {
    code: 'deviation.cancel_capa_linked',
    params: { number: d.number, capas },
  });
}

/** QA cancels a manual deviation opened in error, signed, with the reason as the audit reason. */
export async function cancelDeviation(db: Db, id: string, body: CancelDeviationBody) {
  const reason = requireEndReason(body.reason);
  await write(db, async (w) => {
    const d = await w.lockById(deviations, id, 'Deviation');
    requireStatus('deviation', d, DEVIATION_OPEN_STATUSES, 'cancelled');
    requireManual(d);
    await requireNoOpenCapa(w.tx, d);
    const patch = { status: 'cancelled', cancelledAt: new Date(), cancelledBy: requireUserActor().username, cancelReason: reason };
    const after = await w.update(deviations, DEVIATION_ENTITY, id, patch, reason, 'cancel');
    await sign(w, body.signature, CANCELLATION_ENTITY, id, cancelledContent(after));
  });
  return getDeviation(db, id);
}
