/**
 * Deviations: departures from procedure or specification, numbered DEV-YYYY-NNNN (the year in the
 * site's time zone). The rules that detect one (an EM action excursion, an out-of-range batch value,
 * an aborted batch) call openDeviation inside the same transaction as the record that revealed it, so
 * a detected departure can never go unrecorded. People open them too (deviations.lifecycle.ts, which
 * also classifies, investigates and closes them). This file opens and reads.
 */
import { dueDateAfter, isOverdue, localDate, localYear } from '@hepatica/core';
import { and, asc, desc, eq, gte, inArray, isNull, lt, notInArray, or, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { currentActor } from '../../platform/context';
import { notFound } from '../../platform/errors';
import type { Writer } from '../../platform/write';
import { batches } from '../batches/batches.tables';
import { rooms } from '../facility/facility.tables';
import { homeSite, nextSequence } from '../sites/sites.service';
import { capas } from './capa.tables';
import { closeDaysOf } from './deviations.due';
import { deviationSignatures } from './deviations.signed';
import { DEVIATION_DONE_STATUSES, type BatchImpact, type DeviationQuery, type DeviationSeverity, type DeviationSource, type DeviationStatus, type RootCauseCategory } from './deviations.schema';
import { deviationBatches, deviations } from './quality.tables';

export type Deviation = typeof deviations.$inferSelect;
export const DEVIATION_ENTITY = 'deviation';

export interface NewDeviation {
  title: string;
  description: string;
  severity: DeviationSeverity;
  source: DeviationSource;
  roomId?: string | null | undefined;
  /** The batch the deviation happened in, if any (it is also listed among the affected batches). */
  batchId?: string | null | undefined;
  /** Further batches it may have affected (e.g. every batch in a room during an EM excursion). */
  batchIds?: readonly string[] | undefined;
  /** When it was opened: now, unless a record made earlier is being entered. */
  openedAt?: Date | undefined;
}

/** DEV-2026-0001: four digits at least, more once a year passes 9 999 deviations. */
export function deviationNumber(year: number, sequence: number): string {
  return `DEV-${year}-${String(sequence).padStart(4, '0')}`;
}

/**
 * Opens a deviation in the caller's transaction: numbered, attributed to the acting user, due for
 * closure after the site's period for its severity, audited, with its affected batches linked.
 * Returns the row with the ids of the affected batches.
 * @example await openDeviation(w, { title, description, severity: 'major', source: 'batch_value', batchId })
 */
export async function openDeviation(w: Writer, input: NewDeviation): Promise<Deviation & { batchIds: string[] }> {
  const openedAt = input.openedAt ?? new Date();
  const { timeZone } = await homeSite(w.tx);
  const year = localYear(openedAt, timeZone);
  const row = await w.insert(deviations, DEVIATION_ENTITY, {
    number: deviationNumber(year, await nextSequence(w.tx, `deviation:${year}`)),
    title: input.title,
    description: input.description,
    severity: input.severity,
    status: 'open',
    source: input.source,
    roomId: input.roomId ?? null,
    batchId: input.batchId ?? null,
    openedAt,
    openedBy: currentActor().username,
    dueDate: dueDateAfter(openedAt, await closeDaysOf(w.tx, input.severity), timeZone),
  });
  const batchIds = [...new Set([...(input.batchId ? [input.batchId] : []), ...(input.batchIds ?? [])])];
  if (batchIds.length) {
    await w.tx.insert(deviationBatches).values(batchIds.map((batchId) => ({ deviationId: row.id, batchId })));
    // The link table has no id of its own: its rows are audited as one event on the deviation.
    await w.event({ action: 'link_batches', entityType: DEVIATION_ENTITY, entityId: row.id, after: { batchIds } });
  }
  return { ...row, batchIds };
}

type DeviationRow = { deviation: Deviation; roomCode: string | null };

function selectDeviations(db: Executor) {
  return db
    .select({ deviation: deviations, roomCode: rooms.code })
    .from(deviations)
    .leftJoin(rooms, eq(rooms.id, deviations.roomId));
}

async function linkedBatchIds(db: Executor, deviationIds: string[]): Promise<Map<string, string[]>> {
  const linked = new Map(deviationIds.map((id) => [id, [] as string[]]));
  if (!deviationIds.length) return linked;
  const rows = await db
    .select({ deviationId: deviationBatches.deviationId, batchId: deviationBatches.batchId })
    .from(deviationBatches)
    .where(inArray(deviationBatches.deviationId, deviationIds))
    .orderBy(asc(deviationBatches.batchId));
  for (const r of rows) linked.get(r.deviationId)!.push(r.batchId);
  return linked;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** Closed or cancelled: no longer open, never overdue. */
const isDone = (status: string) => (DEVIATION_DONE_STATUSES as readonly string[]).includes(status);

/** Deviations as the API shows them (contract type Deviation); overdue is judged now, in the site's time zone. */
export async function deviationViews(db: Executor, rows: DeviationRow[]) {
  const linked = await linkedBatchIds(db, rows.map((r) => r.deviation.id));
  const { timeZone } = await homeSite(db);
  const now = new Date();
  return rows.map(({ deviation: d, roomCode }) => ({
    id: d.id,
    number: d.number,
    title: d.title,
    description: d.description,
    severity: d.severity as DeviationSeverity,
    status: d.status as DeviationStatus,
    source: d.source as DeviationSource,
    roomId: d.roomId,
    roomCode,
    batchId: d.batchId,
    batchIds: linked.get(d.id)!,
    openedAt: d.openedAt.toISOString(),
    openedBy: d.openedBy,
    dueDate: d.dueDate,
    overdue: isOverdue(d.dueDate, now, timeZone, isDone(d.status)),
    classifiedAt: iso(d.classifiedAt),
    classifiedBy: d.classifiedBy,
    owner: d.owner,
    capaRequired: d.capaRequired,
    investigation: d.investigation,
    rootCause: d.rootCause,
    rootCauseCategory: d.rootCauseCategory as RootCauseCategory | null,
    closedAt: iso(d.closedAt),
    closedBy: d.closedBy,
    conclusion: d.conclusion,
    cancelledAt: iso(d.cancelledAt),
    cancelledBy: d.cancelledBy,
    cancelReason: d.cancelReason,
  }));
}

/** Today's local date in the site's time zone: due dates before it are past. */
export async function siteToday(db: Executor): Promise<string> {
  return localDate(new Date(), (await homeSite(db)).timeZone);
}

/** Overdue (neither closed nor cancelled, due before today) or, with `false`, every deviation that is not. */
function overdueCondition(overdue: boolean, today: string): SQL {
  const late = and(notInArray(deviations.status, [...DEVIATION_DONE_STATUSES]), lt(deviations.dueDate, today))!;
  return overdue ? late : or(inArray(deviations.status, [...DEVIATION_DONE_STATUSES]), isNull(deviations.dueDate), gte(deviations.dueDate, today))!;
}

/** Newest first; a batch filter finds the deviations that happened in it or may have affected it. */
export async function listDeviations(db: Executor, query: Partial<DeviationQuery> = {}) {
  const where: SQL[] = [];
  if (query.status) where.push(eq(deviations.status, query.status));
  if (query.source) where.push(eq(deviations.source, query.source));
  if (query.severity) where.push(eq(deviations.severity, query.severity));
  if (query.roomId) where.push(eq(deviations.roomId, query.roomId));
  if (query.owner) where.push(eq(deviations.owner, query.owner));
  if (query.overdue !== undefined) where.push(overdueCondition(query.overdue, await siteToday(db)));
  if (query.batchId) {
    const linked = db.select({ id: deviationBatches.deviationId }).from(deviationBatches).where(eq(deviationBatches.batchId, query.batchId));
    where.push(or(eq(deviations.batchId, query.batchId), inArray(deviations.id, linked))!);
  }
  const rows = await selectDeviations(db)
    .where(and(...where))
    .orderBy(desc(deviations.openedAt), desc(deviations.number))
    .limit(500);
  return deviationViews(db, rows);
}

/** The row, locked for update when read through a writer's transaction; 404 when there is none. */
export async function getDeviationRow(db: Executor, id: string): Promise<Deviation> {
  const [row] = await db.select().from(deviations).where(eq(deviations.id, id));
  if (!row) throw notFound('Deviation');
  return row;
}

async function affectedBatches(db: Executor, id: string) {
  const rows = await db
    .select({ batch: batches, link: deviationBatches })
    .from(deviationBatches)
    .innerJoin(batches, eq(batches.id, deviationBatches.batchId))
    .where(eq(deviationBatches.deviationId, id))
    .orderBy(asc(batches.startedAt));
  return rows.map(({ batch: b, link }) => ({
    id: b.id,
    batchNumber: b.batchNumber,
    status: b.status,
    roomId: b.roomId,
    startedAt: b.startedAt.toISOString(),
    completedAt: iso(b.completedAt),
    impact: link.impact as BatchImpact | null,
    impactRationale: link.impactRationale,
    assessedBy: link.assessedBy,
    assessedAt: iso(link.assessedAt),
  }));
}

/** The CAPAs answering a deviation, oldest first. */
export async function capasOfDeviation(db: Executor, id: string) {
  return db
    .select({ id: capas.id, number: capas.number, title: capas.title, status: capas.status })
    .from(capas)
    .where(eq(capas.deviationId, id))
    .orderBy(asc(capas.number));
}

/** One deviation with its affected batches (and their assessed impact), its CAPAs and its signatures. */
export async function getDeviation(db: Executor, id: string) {
  const [row] = await selectDeviations(db).where(eq(deviations.id, id));
  if (!row) throw notFound('Deviation');
  const [view] = await deviationViews(db, [row]);
  const affected = await affectedBatches(db, id);
  const linkedCapas = await capasOfDeviation(db, id);
  return {
    ...view!,
    batches: affected,
    capas: linkedCapas,
    signatures: await deviationSignatures(db, row.deviation, affected, linkedCapas),
  };
}
