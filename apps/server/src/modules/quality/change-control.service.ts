/**
 * Change control, numbered CC-YYYY-NNNN: draft → assessed (impact on documents, processes,
 * specifications, equipment, validation, regulatory filings) → approved by QA with a signature, never
 * by the requester → implemented (signed) → closed by QA once the change proved effective (signed).
 * Editing a draft or an assessed change needs a reason, and sends an assessed change back to draft.
 * A change no longer wanted is withdrawn before implementation (change-control.withdraw.ts).
 */
import { isOverdue, localDate, localYear } from '@hepatica/core';
import { and, desc, eq, inArray, lt, not, or, type SQL } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client';
import { currentActor, requireUserActor } from '../../platform/context';
import { conflict, notFound, unprocessable } from '../../platform/errors';
import { sign } from '../../platform/signatures';
import { write } from '../../platform/write';
import { homeSite, nextSequence } from '../sites/sites.service';
import { requireNotPast } from './capa.service';
import { changeControls } from './change-control.tables';
import { CHANGE_BEFORE_IMPLEMENTATION, type ChangeImpact, type ChangeQuery, type ChangeStatus, type ChangeView, type CloseChangeBody, type CreateChangeBody, type ImplementChangeBody, type UpdateChangeBody } from './change-control.schema';
import { requireStatus, signaturesOfParts, type SignedPart } from './quality.common';

export type Change = typeof changeControls.$inferSelect;
export const CHANGE_ENTITY = 'change_control';
const ENTITY = CHANGE_ENTITY;
const IMPLEMENTATION = 'change_control_implementation';
const CLOSURE = 'change_control_closure';
export const WITHDRAWAL = 'change_control_withdrawal';
const BEFORE_IMPLEMENTATION: readonly string[] = CHANGE_BEFORE_IMPLEMENTATION;

export function changeNumber(year: number, sequence: number): string {
  return `CC-${year}-${String(sequence).padStart(4, '0')}`;
}

/** What each signature vouches for: the approved change, its implementation, its closure, its withdrawal. */
export function signedParts(c: Change): SignedPart[] {
  return [
    [ENTITY, c.id, { number: c.number, title: c.title, description: c.description, justification: c.justification, category: c.category, impact: c.impact, implementationDueDate: c.implementationDueDate }],
    [IMPLEMENTATION, c.id, { number: c.number, note: c.implementationNote, effectivenessDueDate: c.effectivenessDueDate }],
    [CLOSURE, c.id, { number: c.number, effectiveness: c.effectivenessNote }],
    [WITHDRAWAL, c.id, { number: c.number, title: c.title, reason: c.withdrawReason }],
  ];
}

/** The date the current stage is due; none once closed or withdrawn (never overdue then). */
function stageDue(c: Change): string | null {
  if (BEFORE_IMPLEMENTATION.includes(c.status)) return c.implementationDueDate;
  return c.status === 'implemented' ? c.effectivenessDueDate : null;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export async function changeViews(db: Executor, rows: Change[]): Promise<ChangeView[]> {
  const { timeZone } = await homeSite(db);
  const now = new Date();
  return rows.map((c) => ({
    id: c.id,
    number: c.number,
    title: c.title,
    description: c.description,
    justification: c.justification,
    category: c.category as ChangeView['category'],
    status: c.status as ChangeStatus,
    requestedBy: c.requestedBy,
    requestedAt: c.requestedAt.toISOString(),
    impact: (c.impact as ChangeImpact | null) ?? null,
    assessedBy: c.assessedBy,
    assessedAt: iso(c.assessedAt),
    approvedBy: c.approvedBy,
    approvedAt: iso(c.approvedAt),
    implementationDueDate: c.implementationDueDate,
    implementationNote: c.implementationNote,
    implementedBy: c.implementedBy,
    implementedAt: iso(c.implementedAt),
    effectivenessDueDate: c.effectivenessDueDate,
    effectivenessNote: c.effectivenessNote,
    closedBy: c.closedBy,
    closedAt: iso(c.closedAt),
    withdrawnAt: iso(c.withdrawnAt),
    withdrawnBy: c.withdrawnBy,
    withdrawReason: c.withdrawReason,
    dueDate: stageDue(c),
    overdue: isOverdue(stageDue(c), now, timeZone),
  }));
}

function overdueCondition(overdue: boolean, today: string): SQL {
  const late = or(
    and(inArray(changeControls.status, [...CHANGE_BEFORE_IMPLEMENTATION]), lt(changeControls.implementationDueDate, today)),
    and(eq(changeControls.status, 'implemented'), lt(changeControls.effectivenessDueDate, today)),
  )!;
  // effectivenessDueDate is set whenever the status is implemented, so NOT(late) has no unknowns.
  return overdue ? late : not(late);
}

export async function listChanges(db: Executor, query: Partial<ChangeQuery> = {}) {
  const where: SQL[] = [];
  if (query.status) where.push(eq(changeControls.status, query.status));
  if (query.category) where.push(eq(changeControls.category, query.category));
  if (query.owner) where.push(eq(changeControls.requestedBy, query.owner));
  if (query.overdue !== undefined) where.push(overdueCondition(query.overdue, localDate(new Date(), (await homeSite(db)).timeZone)));
  const rows = await db.select().from(changeControls).where(and(...where)).orderBy(desc(changeControls.requestedAt), desc(changeControls.number)).limit(500);
  return changeViews(db, rows);
}

export async function getChange(db: Executor, id: string) {
  const [row] = await db.select().from(changeControls).where(eq(changeControls.id, id));
  if (!row) throw notFound('Change control');
  const [view] = await changeViews(db, [row]);
  return { ...view!, signatures: await signaturesOfParts(db, signedParts(row)) };
}

/** A change request as a draft; `requestedAt` is now unless a record made earlier is being entered. */
export async function requestChange(db: Db, body: CreateChangeBody, requestedAt = new Date()) {
  const id = await write(db, async (w) => {
    const { timeZone } = await homeSite(w.tx);
    requireNotPast(body.implementationDueDate, localDate(requestedAt, timeZone), 'body.implementationDueDate');
    const year = localYear(requestedAt, timeZone);
    const row = await w.insert(changeControls, ENTITY, {
      number: changeNumber(year, await nextSequence(w.tx, `change_control:${year}`)),
      ...body,
      status: 'draft',
      requestedBy: currentActor().username,
      requestedAt,
    });
    return row.id;
  });
  return getChange(db, id);
}

export async function updateChange(db: Db, id: string, body: UpdateChangeBody) {
  await write(db, async (w) => {
    const c = await w.lockById(changeControls, id, 'Change control');
    requireStatus('change_control', c, ['draft', 'assessed'], 'edited');
    const { reason, ...input } = body;
    const patch: Partial<Change> = {};
    for (const [k, v] of Object.entries(input)) if (v !== undefined && c[k as keyof Change] !== v) (patch as Record<string, unknown>)[k] = v;
    if (!Object.keys(patch).length) throw unprocessable('Nothing to change: every value given is the one already recorded.', { code: 'quality.nothing_to_change' });
    if (patch.implementationDueDate) requireNotPast(patch.implementationDueDate, localDate(new Date(), (await homeSite(w.tx)).timeZone), 'body.implementationDueDate');
    // The assessment judged the change as it was: a changed request is assessed again.
    if (c.status === 'assessed') Object.assign(patch, { status: 'draft', assessedBy: null, assessedAt: null });
    await w.update(changeControls, ENTITY, id, patch, reason);
  });
  return getChange(db, id);
}

export async function assessChange(db: Db, id: string, impact: ChangeImpact) {
  await write(db, async (w) => {
    const c = await w.lockById(changeControls, id, 'Change control');
    requireStatus('change_control', c, ['draft'], 'assessed');
    await w.update(changeControls, ENTITY, id, { impact, status: 'assessed', assessedBy: requireUserActor().username, assessedAt: new Date() }, 'Impact assessed', 'assess');
  });
  return getChange(db, id);
}

/** QA approves with a signature; whoever requested the change cannot approve it. */
export async function approveChange(db: Db, id: string, signature: { password: string; meaning: string }) {
  await write(db, async (w) => {
    const c = await w.lockById(changeControls, id, 'Change control');
    requireStatus('change_control', c, ['assessed'], 'approved');
    const actor = requireUserActor();
    if (actor.username === c.requestedBy) {
      throw conflict(`You requested ${c.number}, so you cannot approve it; another QA reviewer must approve it.`, {
        code: 'change_control.requester_cannot_approve',
        params: { number: c.number, requester: c.requestedBy },
      });
    }
    const after = await w.update(changeControls, ENTITY, id, { status: 'approved', approvedBy: actor.username, approvedAt: new Date() }, `Approved: ${signature.meaning}`, 'approve');
    await sign(w, signature, ENTITY, id, signedParts(after)[0]![2]);
  });
  return getChange(db, id);
}

export async function implementChange(db: Db, id: string, body: ImplementChangeBody) {
  await write(db, async (w) => {
    const c = await w.lockById(changeControls, id, 'Change control');
    requireStatus('change_control', c, ['approved'], 'implemented');
    requireNotPast(body.effectivenessDueDate, localDate(new Date(), (await homeSite(w.tx)).timeZone), 'body.effectivenessDueDate');
    const patch = { status: 'implemented', implementationNote: body.note, effectivenessDueDate: body.effectivenessDueDate, implementedBy: requireUserActor().username, implementedAt: new Date() };
    const after = await w.update(changeControls, ENTITY, id, patch, `Implemented: ${body.signature.meaning}`, 'implement');
    await sign(w, body.signature, IMPLEMENTATION, id, signedParts(after)[1]![2]);
  });
  return getChange(db, id);
}

export async function closeChange(db: Db, id: string, body: CloseChangeBody) {
  await write(db, async (w) => {
    const c = await w.lockById(changeControls, id, 'Change control');
    requireStatus('change_control', c, ['implemented'], 'closed');
    const patch = { status: 'closed', effectivenessNote: body.effectiveness, closedBy: requireUserActor().username, closedAt: new Date() };
    const after = await w.update(changeControls, ENTITY, id, patch, `Closed: ${body.signature.meaning}`, 'close');
    await sign(w, body.signature, CLOSURE, id, signedParts(after)[2]![2]);
  });
  return getChange(db, id);
}
