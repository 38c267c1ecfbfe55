/**
 * EM alert and action limits per grade, parameter and occupancy state. The Annex 1 defaults are
 * installed, attributed to the system, the first time limits are needed on a database that has none,
 * so every installation starts from the published maxima. A site may tighten a limit (with a reason),
 * never loosen it beyond Annex 1.
 */
import { localDate } from '@hepatica/core';
import { and, eq, type SQL } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client';
import { currentContext, runWithContext, SYSTEM_ACTOR } from '../../platform/context';
import { notFound, unprocessable } from '../../platform/errors';
import { write } from '../../platform/write';
import { homeSite } from '../sites/sites.service';
import { annex1Maximum, defaultLimits, NO_LIMIT } from './facility.annex1';
import { EM_LABELS, EM_PARAMETERS, type EmParameter, type Occupancy, type RoomGrade } from './facility.schema';
import { emLimits } from './facility.tables';

export type EmLimit = typeof emLimits.$inferSelect;

/** An EM limit as the API shows it: "no limit" (stored as Infinity) reads as null. */
export function limitView(l: EmLimit) {
  return {
    id: l.id,
    grade: l.grade as RoomGrade,
    parameter: l.parameter as EmParameter,
    occupancy: l.occupancy as Occupancy,
    alertLimit: l.alertLimit,
    actionLimit: Number.isFinite(l.actionLimit) ? l.actionLimit : null,
    unit: l.unit,
    source: l.source,
  };
}

/** Databases known to hold limits: rows are never deleted, so once seen they stay (saves a query per sample). */
const installed = new WeakSet<Db>();

/** Installs the Annex 1 defaults on a database that has no limits yet; does nothing otherwise. */
export async function ensureEmLimits(db: Db): Promise<void> {
  if (installed.has(db)) return;
  if ((await db.select({ id: emLimits.id }).from(emLimits).limit(1)).length) {
    installed.add(db);
    return;
  }
  const context = { requestId: currentContext()?.requestId ?? 'em-limits', actor: SYSTEM_ACTOR };
  await runWithContext(context, () =>
    write(db, async (w) => {
      // Checked again under the audit-chain lock: two first requests at once install the table once.
      if ((await w.tx.select({ id: emLimits.id }).from(emLimits).limit(1)).length) return;
      for (const row of defaultLimits()) await w.insert(emLimits, 'em_limit', row);
    }),
  );
  installed.add(db);
}

const parameterOrder = (p: string) => EM_PARAMETERS.indexOf(p as EmParameter);

/** Ordered by grade, then parameter as the contract lists them, at rest before in operation. */
export async function listLimits(db: Db, filter: { grade?: RoomGrade; parameter?: EmParameter } = {}): Promise<EmLimit[]> {
  await ensureEmLimits(db);
  const where: SQL[] = [];
  if (filter.grade) where.push(eq(emLimits.grade, filter.grade));
  if (filter.parameter) where.push(eq(emLimits.parameter, filter.parameter));
  const rows = await db.select().from(emLimits).where(and(...where));
  return rows.sort(
    (a, b) => a.grade.localeCompare(b.grade) || parameterOrder(a.parameter) - parameterOrder(b.parameter) || a.occupancy.localeCompare(b.occupancy),
  );
}

/** The limit a sample is judged against. */
export async function limitFor(db: Executor, grade: RoomGrade, parameter: EmParameter, occupancy: Occupancy): Promise<EmLimit> {
  const [row] = await db
    .select()
    .from(emLimits)
    .where(and(eq(emLimits.grade, grade), eq(emLimits.parameter, parameter), eq(emLimits.occupancy, occupancy)));
  if (!row) {
    throw unprocessable(`No ${EM_LABELS[parameter]} limit is configured for grade ${grade}.`, { code: 'em.no_limit', params: { grade, parameter, occupancy } });
  }
  return row;
}

export interface LimitChange {
  alertLimit: number | null;
  actionLimit: number;
  reason: string;
}

/** Changes one limit. Annex 1 §9.9: action limits may be more stringent than the tables, not looser. */
export async function updateLimit(db: Db, id: string, change: LimitChange): Promise<EmLimit> {
  const [row] = await db.select().from(emLimits).where(eq(emLimits.id, id));
  if (!row) throw notFound('EM limit');
  const [grade, parameter, occupancy] = [row.grade as RoomGrade, row.parameter as EmParameter, row.occupancy as Occupancy];
  const maximum = annex1Maximum(grade, parameter, occupancy);
  if (change.actionLimit > maximum) {
    throw unprocessable(
      `Annex 1 allows an action limit of at most ${maximum} ${row.unit} for ${EM_LABELS[parameter]} in grade ${grade}. A stricter limit may be set, never a looser one.`,
      { code: 'em.limit_above_annex1', params: { grade, parameter, occupancy, maximum }, errors: [{ path: 'body.actionLimit', message: `Must be at most ${maximum}` }] },
    );
  }
  if (change.alertLimit !== null && change.alertLimit >= change.actionLimit) {
    throw unprocessable('The alert level must be below the action limit, so that it warns before an action excursion.', {
      code: 'em.alert_not_below_action',
      params: { alertLimit: change.alertLimit, actionLimit: change.actionLimit },
      errors: [{ path: 'body.alertLimit', message: `Must be below the action limit (${change.actionLimit})` }],
    });
  }
  const { timeZone } = await homeSite(db);
  const annex1 = maximum === NO_LIMIT ? 'none (left to the site)' : `${maximum} ${row.unit}`;
  const source = `Site limit set ${localDate(new Date(), timeZone)}: ${change.reason} (EU GMP Annex 1 (2022) maximum: ${annex1}).`;
  return write(db, (w) =>
    w.update(emLimits, 'em_limit', id, { alertLimit: change.alertLimit, actionLimit: change.actionLimit, source }, change.reason),
  );
}
