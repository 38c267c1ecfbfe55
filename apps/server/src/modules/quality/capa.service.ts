/**
 * CAPA: opened from a deviation, an OOS result, an audit finding ... with at least one action, each
 * owned by a person with a due date, and with the criteria and date of its effectiveness check.
 * Numbered CAPA-YYYY-NNNN (year in the site's time zone). This file creates and reads; the actions,
 * their signed completion and the effectiveness check are in capa.lifecycle.ts.
 */
import { isOverdue, localDate, localYear } from '@hepatica/core';
import { and, asc, desc, eq, exists, inArray, lt, ne, not, or, type SQL } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client';
import { currentActor } from '../../platform/context';
import { conflict, notFound, unprocessable } from '../../platform/errors';
import { signaturesOf } from '../../platform/signatures';
import { write, type Writer } from '../../platform/write';
import { homeSite, nextSequence } from '../sites/sites.service';
import type { ActionInput, CapaDetail, CapaQuery, CapaSource, CapaStatus, CheckResult, CreateCapaBody } from './capa.schema';
import { capaActions, capaEffectivenessChecks, capas } from './capa.tables';
import { requireOwner } from './quality.common';
import { deviations } from './quality.tables';

export const CAPA_ENTITY = 'capa';
export const ACTION_ENTITY = 'capa_action';
export const CHECK_ENTITY = 'capa_effectiveness_check';
type Capa = typeof capas.$inferSelect;
type Action = typeof capaActions.$inferSelect;
type Check = typeof capaEffectivenessChecks.$inferSelect;

export function capaNumber(year: number, sequence: number): string {
  return `CAPA-${year}-${String(sequence).padStart(4, '0')}`;
}

/** What the owner's signature on a completed action vouches for. */
export function signedAction(a: Action) {
  return { id: a.id, capaId: a.capaId, description: a.description, owner: a.owner, dueDate: a.dueDate, status: a.status, completionNote: a.completionNote };
}

/** What QA's signature on an effectiveness check vouches for. */
export function signedCheck(c: Check) {
  return { id: c.id, capaId: c.capaId, result: c.result, evidence: c.evidence, checkedBy: c.checkedBy };
}

/** 422 naming the field when a due date lies before the local date the work was planned on. */
export function requireNotPast(dueDate: string, from: string, path: string): void {
  if (dueDate >= from) return;
  throw unprocessable(`The due date ${dueDate} is already past; choose ${from} or later.`, {
    code: 'quality.due_date_past',
    params: { dueDate, from },
    errors: [{ path, message: 'Must not be in the past' }],
  });
}

/** Inserts one action (the next position) after checking its owner and due date. */
export async function insertAction(w: Writer, capaId: string, input: ActionInput, position: number, today: string, path: string): Promise<Action> {
  await requireOwner(w.tx, input.owner, `${path}.owner`);
  requireNotPast(input.dueDate, today, `${path}.dueDate`);
  return w.insert(capaActions, ACTION_ENTITY, { capaId, position, kind: input.kind, description: input.description, owner: input.owner, dueDate: input.dueDate, status: 'open' });
}

async function requireOpenDeviation(w: Writer, deviationId: string): Promise<void> {
  const [d] = await w.tx.select().from(deviations).where(eq(deviations.id, deviationId));
  if (!d) throw unprocessable('There is no such deviation; choose it from the list.', { code: 'capa.unknown_deviation', errors: [{ path: 'body.deviationId', message: 'Unknown deviation' }] });
  if (d.status === 'closed') {
    throw conflict(`${d.number} is closed; a CAPA cannot be added to a closed deviation. Open the CAPA from its own source instead.`, { code: 'capa.deviation_closed', params: { number: d.number } });
  }
  if (d.status === 'cancelled') {
    throw conflict(`${d.number} was cancelled as opened in error; a CAPA cannot answer it. Open the CAPA from its own source instead.`, { code: 'capa.deviation_cancelled', params: { number: d.number } });
  }
}

/**
 * Opens a CAPA with its actions. `openedAt` is now unless a record made earlier is being entered;
 * due dates may not lie before the local date it was opened.
 */
export async function createCapa(db: Db, body: CreateCapaBody, openedAt = new Date()): Promise<CapaDetail> {
  const id = await write(db, async (w) => {
    const { timeZone } = await homeSite(w.tx);
    const today = localDate(openedAt, timeZone);
    if (body.deviationId) await requireOpenDeviation(w, body.deviationId);
    await requireOwner(w.tx, body.owner, 'body.owner');
    requireNotPast(body.effectivenessCheck.dueDate, today, 'body.effectivenessCheck.dueDate');
    const year = localYear(openedAt, timeZone);
    const capa = await w.insert(capas, CAPA_ENTITY, {
      number: capaNumber(year, await nextSequence(w.tx, `capa:${year}`)),
      title: body.title,
      description: body.description,
      source: body.source,
      deviationId: body.deviationId ?? null,
      sourceReference: body.sourceReference ?? null,
      owner: body.owner,
      status: 'open',
      effectivenessDueDate: body.effectivenessCheck.dueDate,
      effectivenessCriteria: body.effectivenessCheck.criteria,
      openedAt,
      openedBy: currentActor().username,
    });
    for (const [i, action] of body.actions.entries()) await insertAction(w, capa.id, action, i + 1, today, `body.actions.${i}`);
    return capa.id;
  });
  return getCapa(db, id);
}

/** Overdue CAPAs (open actions or the check past due) or, with `false`, the others. */
function overdueCondition(db: Executor, overdue: boolean, today: string): SQL {
  const lateAction = db
    .select({ id: capaActions.id })
    .from(capaActions)
    .where(and(eq(capaActions.capaId, capas.id), eq(capaActions.status, 'open'), lt(capaActions.dueDate, today)));
  const late = and(ne(capas.status, 'closed'), or(lt(capas.effectivenessDueDate, today), exists(lateAction)))!;
  // Every column here is NOT NULL, so NOT(late) is exactly "not overdue".
  return overdue ? late : not(late);
}

export async function listCapaRows(db: Executor, query: Partial<CapaQuery> = {}): Promise<Capa[]> {
  const where: SQL[] = [];
  if (query.status) where.push(eq(capas.status, query.status));
  if (query.source) where.push(eq(capas.source, query.source));
  if (query.deviationId) where.push(eq(capas.deviationId, query.deviationId));
  if (query.owner) {
    const ownsAction = db.select({ id: capaActions.id }).from(capaActions).where(and(eq(capaActions.capaId, capas.id), eq(capaActions.owner, query.owner)));
    where.push(or(eq(capas.owner, query.owner), exists(ownsAction))!);
  }
  if (query.overdue !== undefined) where.push(overdueCondition(db, query.overdue, localDate(new Date(), (await homeSite(db)).timeZone)));
  return db.select().from(capas).where(and(...where)).orderBy(desc(capas.openedAt), desc(capas.number)).limit(500);
}

/** CAPAs as the list shows them: counts of actions (open, overdue) and the overdue flags, judged now in the site's time zone. */
export async function capaViews(db: Executor, rows: Capa[]) {
  const ids = rows.map((c) => c.id);
  const actions = ids.length ? await db.select().from(capaActions).where(inArray(capaActions.capaId, ids)) : [];
  const deviationIds = [...new Set(rows.flatMap((c) => (c.deviationId ? [c.deviationId] : [])))];
  const numbers = deviationIds.length ? await db.select({ id: deviations.id, number: deviations.number }).from(deviations).where(inArray(deviations.id, deviationIds)) : [];
  const { timeZone } = await homeSite(db);
  const now = new Date();
  return rows.map((c) => {
    const own = actions.filter((a) => a.capaId === c.id);
    const open = own.filter((a) => a.status === 'open');
    const actionsOverdue = open.filter((a) => isOverdue(a.dueDate, now, timeZone)).length;
    const effectivenessOverdue = isOverdue(c.effectivenessDueDate, now, timeZone, c.status === 'closed');
    return {
      id: c.id,
      number: c.number,
      title: c.title,
      description: c.description,
      source: c.source as CapaSource,
      deviationId: c.deviationId,
      deviationNumber: numbers.find((d) => d.id === c.deviationId)?.number ?? null,
      sourceReference: c.sourceReference,
      owner: c.owner,
      status: c.status as CapaStatus,
      openedAt: c.openedAt.toISOString(),
      openedBy: c.openedBy,
      closedAt: c.closedAt?.toISOString() ?? null,
      effectivenessDueDate: c.effectivenessDueDate,
      effectivenessCriteria: c.effectivenessCriteria,
      actionsTotal: own.length,
      actionsOpen: open.length,
      actionsOverdue,
      effectivenessOverdue,
      overdue: c.status !== 'closed' && (actionsOverdue > 0 || effectivenessOverdue),
    };
  });
}

export async function listCapas(db: Executor, query: Partial<CapaQuery> = {}) {
  return capaViews(db, await listCapaRows(db, query));
}

export async function getCapaRow(db: Executor, id: string): Promise<Capa> {
  const [row] = await db.select().from(capas).where(eq(capas.id, id));
  if (!row) throw notFound('CAPA');
  return row;
}

/** One CAPA with its actions (each with its owner's signature) and its effectiveness checks (each signed by QA). */
export async function getCapa(db: Executor, id: string): Promise<CapaDetail> {
  const capa = await getCapaRow(db, id);
  const [view] = await capaViews(db, [capa]);
  const { timeZone } = await homeSite(db);
  const now = new Date();
  const actions = await db.select().from(capaActions).where(eq(capaActions.capaId, id)).orderBy(asc(capaActions.position));
  const checks = await db.select().from(capaEffectivenessChecks).where(eq(capaEffectivenessChecks.capaId, id)).orderBy(asc(capaEffectivenessChecks.checkedAt));
  return {
    ...view!,
    actions: await Promise.all(
      actions.map(async (a) => ({
        id: a.id,
        position: a.position,
        kind: a.kind as 'corrective' | 'preventive',
        description: a.description,
        owner: a.owner,
        dueDate: a.dueDate,
        status: a.status as 'open' | 'completed',
        overdue: isOverdue(a.dueDate, now, timeZone, a.status === 'completed'),
        completionNote: a.completionNote,
        completedBy: a.completedBy,
        completedAt: a.completedAt?.toISOString() ?? null,
        signatures: await signaturesOf(db, ACTION_ENTITY, a.id, signedAction(a)),
      })),
    ),
    checks: await Promise.all(
      checks.map(async (c) => ({
        id: c.id,
        result: c.result as CheckResult,
        evidence: c.evidence,
        checkedBy: c.checkedBy,
        checkedAt: c.checkedAt.toISOString(),
        signatures: await signaturesOf(db, CHECK_ENTITY, c.id, signedCheck(c)),
      })),
    ),
  };
}
