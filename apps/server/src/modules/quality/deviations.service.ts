/**
 * Deviations: departures from procedure or specification, numbered DEV-YYYY-NNNN (the year in the
 * site's time zone). The rules that detect one (an EM action excursion, an out-of-range batch value)
 * call openDeviation inside the same transaction as the record that revealed it, so a detected
 * departure can never go unrecorded. Investigation, CAPA and closure come with issue 5.
 */
import { localYear } from '@hepatica/core';
import { and, asc, desc, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { currentActor } from '../../platform/context';
import { notFound } from '../../platform/errors';
import type { Writer } from '../../platform/write';
import { batches } from '../batches/batches.tables';
import { rooms } from '../facility/facility.tables';
import { homeSite, nextSequence } from '../sites/sites.service';
import type { DeviationQuery, DeviationSeverity, DeviationSource, DeviationStatus } from './deviations.schema';
import { deviationBatches, deviations } from './quality.tables';

export type Deviation = typeof deviations.$inferSelect;

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
 * Opens a deviation in the caller's transaction: numbered, attributed to the acting user, audited,
 * with its affected batches linked. Returns the row with the ids of the affected batches.
 * @example await openDeviation(w, { title, description, severity: 'major', source: 'batch_value', batchId })
 */
export async function openDeviation(w: Writer, input: NewDeviation): Promise<Deviation & { batchIds: string[] }> {
  const openedAt = input.openedAt ?? new Date();
  const year = localYear(openedAt, (await homeSite(w.tx)).timeZone);
  const row = await w.insert(deviations, 'deviation', {
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
  });
  const batchIds = [...new Set([...(input.batchId ? [input.batchId] : []), ...(input.batchIds ?? [])])];
  if (batchIds.length) {
    await w.tx.insert(deviationBatches).values(batchIds.map((batchId) => ({ deviationId: row.id, batchId })));
    // The link table has no id of its own: its rows are audited as one event on the deviation.
    await w.event({ action: 'link_batches', entityType: 'deviation', entityId: row.id, after: { batchIds } });
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

/** Deviations as the API shows them (contract type Deviation). */
export async function deviationViews(db: Executor, rows: DeviationRow[]) {
  const linked = await linkedBatchIds(db, rows.map((r) => r.deviation.id));
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
  }));
}

/** Newest first; a batch filter finds the deviations that happened in it or may have affected it. */
export async function listDeviations(db: Executor, query: DeviationQuery = {}) {
  const where: SQL[] = [];
  if (query.status) where.push(eq(deviations.status, query.status));
  if (query.source) where.push(eq(deviations.source, query.source));
  if (query.roomId) where.push(eq(deviations.roomId, query.roomId));
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

export async function getDeviation(db: Executor, id: string) {
  const [row] = await selectDeviations(db).where(eq(deviations.id, id));
  if (!row) throw notFound('Deviation');
  const [view] = await deviationViews(db, [row]);
  const affected = await db
    .select({ batch: batches })
    .from(deviationBatches)
    .innerJoin(batches, eq(batches.id, deviationBatches.batchId))
    .where(eq(deviationBatches.deviationId, id))
    .orderBy(asc(batches.startedAt));
  return {
    ...view!,
    batches: affected.map(({ batch: b }) => ({
      id: b.id,
      batchNumber: b.batchNumber,
      status: b.status,
      roomId: b.roomId,
      startedAt: b.startedAt.toISOString(),
      completedAt: b.completedAt?.toISOString() ?? null,
    })),
  };
}

