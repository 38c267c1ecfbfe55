/**
 * The CAPA lifecycle: actions are added and changed (with a reason) while the CAPA is open; each
 * action's owner signs its completion; once every action is done the CAPA awaits its effectiveness
 * check, which QA signs. Effective closes the CAPA; not effective reopens it for further actions
 * and sets the date of the next check.
 */
import { localDate } from '@hepatica/core';
import { and, asc, eq, max } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { requireUserActor } from '../../platform/context';
import { conflict, notFound, unprocessable } from '../../platform/errors';
import { sign } from '../../platform/signatures';
import { write, type Writer } from '../../platform/write';
import { homeSite } from '../sites/sites.service';
import type { ActionInput, CompleteActionBody, EffectivenessBody, UpdateActionBody, UpdateCapaBody } from './capa.schema';
import { ACTION_ENTITY, CAPA_ENTITY, CHECK_ENTITY, getCapa, insertAction, requireNotPast, signedAction, signedCheck } from './capa.service';
import { capaActions, capaEffectivenessChecks, capas } from './capa.tables';
import { requireOwner, requireStatus } from './quality.common';

async function today(w: Writer): Promise<string> {
  return localDate(new Date(), (await homeSite(w.tx)).timeZone);
}

/** Only the fields given, and only those that differ; 422 when nothing would change. */
function changesOf<T extends Record<string, unknown>>(row: T, input: Partial<T>): Partial<T> {
  const patch: Partial<T> = {};
  for (const [k, v] of Object.entries(input)) if (v !== undefined && row[k] !== v) patch[k as keyof T] = v as T[keyof T];
  if (!Object.keys(patch).length) throw unprocessable('Nothing to change: every value given is the one already recorded.', { code: 'quality.nothing_to_change' });
  return patch;
}

export async function updateCapa(db: Db, id: string, body: UpdateCapaBody) {
  await write(db, async (w) => {
    const capa = await w.lockById(capas, id, 'CAPA');
    requireStatus('capa', capa, ['open', 'effectiveness_check'], 'changed');
    const { reason, ...input } = body;
    if (input.owner) await requireOwner(w.tx, input.owner, 'body.owner');
    if (input.effectivenessDueDate) requireNotPast(input.effectivenessDueDate, await today(w), 'body.effectivenessDueDate');
    await w.update(capas, CAPA_ENTITY, id, changesOf(capa, input), reason);
  });
  return getCapa(db, id);
}

/** A further action; a CAPA that was awaiting its check is open again until the new action is done. */
export async function addAction(db: Db, id: string, input: ActionInput) {
  await write(db, async (w) => {
    const capa = await w.lockById(capas, id, 'CAPA');
    requireStatus('capa', capa, ['open', 'effectiveness_check'], 'given another action');
    const [last] = await w.tx.select({ position: max(capaActions.position) }).from(capaActions).where(eq(capaActions.capaId, id));
    await insertAction(w, id, input, (last?.position ?? 0) + 1, await today(w), 'body');
    if (capa.status === 'effectiveness_check') await w.update(capas, CAPA_ENTITY, id, { status: 'open' }, 'Action added', 'reopen');
  });
  return getCapa(db, id);
}

async function lockAction(w: Writer, capaId: string, actionId: string) {
  const action = await w.lockById(capaActions, actionId, 'CAPA action');
  if (action.capaId !== capaId) throw notFound('CAPA action');
  return action;
}

function requireOpenAction(action: { position: number; status: string }, capaNumber: string): void {
  if (action.status === 'open') return;
  throw conflict(`Action ${action.position} of ${capaNumber} is already completed and signed; it cannot be changed.`, {
    code: 'capa.action_completed',
    params: { number: capaNumber, position: action.position },
  });
}

export async function updateAction(db: Db, id: string, actionId: string, body: UpdateActionBody) {
  await write(db, async (w) => {
    const capa = await w.lockById(capas, id, 'CAPA');
    const action = await lockAction(w, id, actionId);
    requireStatus('capa', capa, ['open', 'effectiveness_check'], 'changed');
    requireOpenAction(action, capa.number);
    const { reason, ...input } = body;
    if (input.owner) await requireOwner(w.tx, input.owner, 'body.owner');
    if (input.dueDate) requireNotPast(input.dueDate, await today(w), 'body.dueDate');
    await w.update(capaActions, ACTION_ENTITY, actionId, changesOf(action, input), reason);
  });
  return getCapa(db, id);
}

/** The action's owner, and only they, signs its completion; the last completion moves the CAPA to its effectiveness check. */
export async function completeAction(db: Db, id: string, actionId: string, body: CompleteActionBody) {
  await write(db, async (w) => {
    const capa = await w.lockById(capas, id, 'CAPA');
    const action = await lockAction(w, id, actionId);
    requireStatus('capa', capa, ['open'], 'worked on');
    requireOpenAction(action, capa.number);
    const actor = requireUserActor();
    if (actor.username !== action.owner) {
      throw conflict(`Only ${action.owner}, who owns action ${action.position} of ${capa.number}, can sign its completion.`, {
        code: 'capa.not_action_owner',
        params: { number: capa.number, position: action.position, owner: action.owner },
      });
    }
    const done = await w.update(
      capaActions,
      ACTION_ENTITY,
      actionId,
      { status: 'completed', completionNote: body.note, completedBy: actor.username, completedAt: new Date() },
      `Completed: ${body.signature.meaning}`,
      'complete',
    );
    await sign(w, body.signature, ACTION_ENTITY, actionId, signedAction(done));
    const open = await w.tx.select({ id: capaActions.id }).from(capaActions).where(and(eq(capaActions.capaId, id), eq(capaActions.status, 'open')));
    if (!open.length) await w.update(capas, CAPA_ENTITY, id, { status: 'effectiveness_check' }, 'Every action completed', 'actions_completed');
  });
  return getCapa(db, id);
}

/** 409 naming the actions still open: effectiveness can only be judged once every action is done. */
async function requireActionsDone(w: Writer, capa: { id: string; number: string; status: string }): Promise<void> {
  if (capa.status === 'effectiveness_check') return;
  requireStatus('capa', capa, ['open', 'effectiveness_check'], 'checked for effectiveness');
  const open = await w.tx.select().from(capaActions).where(and(eq(capaActions.capaId, capa.id), eq(capaActions.status, 'open'))).orderBy(asc(capaActions.position));
  if (!open.length) {
    throw conflict(`The last check found the actions of ${capa.number} did not work; add a further action and complete it before checking again.`, {
      code: 'capa.needs_new_action',
      params: { number: capa.number },
    });
  }
  const list = open.map((a) => `${a.position} (${a.owner}, due ${a.dueDate})`).join(', ');
  throw conflict(`The effectiveness of ${capa.number} can be checked only after every action is completed; still open: action ${list}.`, {
    code: 'capa.actions_open',
    params: { number: capa.number, actions: open.map((a) => a.position).join(', ') },
  });
}

/** QA signs the effectiveness check: effective closes the CAPA, not effective reopens it with a next check date. */
export async function checkEffectiveness(db: Db, id: string, body: EffectivenessBody) {
  await write(db, async (w) => {
    const capa = await w.lockById(capas, id, 'CAPA');
    await requireActionsDone(w, capa);
    if (body.result === 'not_effective' && !body.nextDueDate) {
      throw unprocessable('The actions did not work: give the date of the next effectiveness check, then add further actions.', {
        code: 'capa.next_check_required',
        errors: [{ path: 'body.nextDueDate', message: 'Required' }],
      });
    }
    if (body.nextDueDate) requireNotPast(body.nextDueDate, await today(w), 'body.nextDueDate');
    const at = new Date();
    const check = await w.insert(capaEffectivenessChecks, CHECK_ENTITY, { capaId: id, result: body.result, evidence: body.evidence, checkedBy: requireUserActor().username, checkedAt: at });
    await sign(w, body.signature, CHECK_ENTITY, check.id, signedCheck(check));
    if (body.result === 'effective') {
      await w.update(capas, CAPA_ENTITY, id, { status: 'closed', closedAt: at }, `Effective: ${body.signature.meaning}`, 'close');
    } else {
      await w.update(capas, CAPA_ENTITY, id, { status: 'open', effectivenessDueDate: body.nextDueDate! }, `Not effective: ${body.evidence}`.slice(0, 500), 'reopen');
    }
  });
  return getCapa(db, id);
}
