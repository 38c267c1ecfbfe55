/**
 * The academy's dashboard: people trained in a calendar year (site time zone) against the annual
 * target, by category, institution and month, internal vs external, and qualifications expiring in
 * the next 30/60/90 days. Every figure is an SQL aggregate, so the cost does not grow with the rows
 * read into the server.
 *
 * Definitions: a learner counts as trained in a year when they achieved at least one qualification
 * in it that was not revoked (a revoked qualification is one that should not have been granted).
 * `byCategory` counts distinct learners per category (a learner trained in two categories counts in
 * both); `byInstitution` and `byMonth` count each learner once (byMonth: the month of their first
 * qualification that year), so both add up to `trained`. The expiry windows nest ("within 60"
 * includes "within 30") and count active qualifications still valid now.
 */
import { COURSE_CATEGORIES, daysUntil, localMonthStarts, localYear, startOfLocalDay, type CourseCategory } from '@hepatica/core';
import { and, asc, desc, eq, gt, gte, lt, ne, sql, type SQL } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client';
import { write } from '../../platform/write';
import { homeSite } from '../sites/sites.service';
import { trainingCourses, trainingLearners, trainingQualifications, trainingTargets } from './training.tables';

/** The center's mission: train 100+ clinicians and researchers a year. */
export const DEFAULT_TARGET = 100;
const EXPIRING_ITEMS_LIMIT = 200;

const q = trainingQualifications;
const l = trainingLearners;
const int = (expression: SQL) => sql<number>`(${expression})::int`.mapWith(Number);
const ts = (at: Date) => sql`${at.toISOString()}::timestamptz`;

export async function getDashboard(db: Executor, year?: number, now = new Date()) {
  const { timeZone } = await homeSite(db);
  const y = year ?? localYear(now, timeZone);
  const months = localMonthStarts(y, timeZone);
  const inYear = and(gte(q.achievedAt, months[0]!), lt(q.achievedAt, months[12]!), ne(q.status, 'revoked'));
  const [totals, byCategory, byInstitution, byMonth, expiring, target] = await Promise.all([
    trainedTotals(db, inYear),
    trainedByCategory(db, inYear),
    trainedByInstitution(db, inYear),
    trainedByMonth(db, inYear, months),
    expiringSoon(db, now, timeZone),
    getTarget(db, y),
  ]);
  return { year: y, target, ...totals, byCategory, byInstitution, byMonth, expiring };
}

async function trainedTotals(db: Executor, inYear: SQL | undefined) {
  const [row] = await db
    .select({
      trained: int(sql`count(distinct ${l.id})`),
      internal: int(sql`count(distinct ${l.id}) filter (where ${l.kind} = 'internal')`),
      external: int(sql`count(distinct ${l.id}) filter (where ${l.kind} = 'external')`),
    })
    .from(q)
    .innerJoin(l, eq(l.id, q.learnerId))
    .where(inYear);
  return row ?? { trained: 0, internal: 0, external: 0 };
}

/** Every category, most trained first, so charts keep a stable set of bars. */
async function trainedByCategory(db: Executor, inYear: SQL | undefined) {
  const rows = await db
    .select({ category: trainingCourses.category, count: int(sql`count(distinct ${q.learnerId})`) })
    .from(q)
    .innerJoin(trainingCourses, eq(trainingCourses.id, q.courseId))
    .where(inYear)
    .groupBy(trainingCourses.category);
  const counts = new Map(rows.map((r) => [r.category, r.count]));
  return COURSE_CATEGORIES.map((category: CourseCategory) => ({ category, count: counts.get(category) ?? 0 })).sort((a, b) => b.count - a.count);
}

async function trainedByInstitution(db: Executor, inYear: SQL | undefined) {
  const count = int(sql`count(distinct ${l.id})`);
  return db
    .select({ institution: l.institution, count })
    .from(q)
    .innerJoin(l, eq(l.id, q.learnerId))
    .where(inYear)
    .groupBy(l.institution)
    .orderBy(desc(count), asc(l.institution));
}

/** Learners by the month (site time zone) of their first qualification of the year. */
async function trainedByMonth(db: Executor, inYear: SQL | undefined, months: Date[]) {
  const firsts = db
    .select({ learnerId: q.learnerId, first: sql<string>`min(${q.achievedAt})`.as('first') })
    .from(q)
    .where(inYear)
    .groupBy(q.learnerId)
    .as('firsts');
  const columns = Object.fromEntries(
    months.slice(0, 12).map((start, i) => [`m${i + 1}`, int(sql`count(*) filter (where ${firsts.first} >= ${ts(start)} and ${firsts.first} < ${ts(months[i + 1]!)})`)]),
  );
  const [row] = await db.select(columns).from(firsts);
  return Array.from({ length: 12 }, (_, i) => ({ month: i + 1, count: (row?.[`m${i + 1}`] as number | undefined) ?? 0 }));
}

/** Active qualifications valid now that expire before the end of the 30th/60th/90th local day from today. */
async function expiringSoon(db: Executor, now: Date, timeZone: string) {
  const [end30, end60, end90] = [31, 61, 91].map((days) => startOfLocalDay(now, timeZone, days)) as [Date, Date, Date];
  const soon = and(eq(q.status, 'active'), gt(q.validUntil, now), lt(q.validUntil, end90));
  const [counts] = await db
    .select({
      within30: int(sql`count(*) filter (where ${q.validUntil} < ${ts(end30)})`),
      within60: int(sql`count(*) filter (where ${q.validUntil} < ${ts(end60)})`),
      within90: int(sql`count(*)`),
    })
    .from(q)
    .where(soon);
  const rows = await db
    .select({ qualificationId: q.id, learnerName: l.name, courseCode: trainingCourses.code, validUntil: q.validUntil })
    .from(q)
    .innerJoin(l, eq(l.id, q.learnerId))
    .innerJoin(trainingCourses, eq(trainingCourses.id, q.courseId))
    .where(soon)
    .orderBy(asc(q.validUntil), asc(l.name))
    .limit(EXPIRING_ITEMS_LIMIT);
  const items = rows.map((r) => ({
    qualificationId: r.qualificationId,
    learnerName: r.learnerName,
    courseCode: r.courseCode,
    validUntil: r.validUntil!.toISOString(),
    daysLeft: daysUntil(r.validUntil!, now, timeZone),
  }));
  return { ...(counts ?? { within30: 0, within60: 0, within90: 0 }), items };
}

export async function getTarget(db: Executor, year: number): Promise<number> {
  const [row] = await db.select({ target: trainingTargets.target }).from(trainingTargets).where(eq(trainingTargets.year, year));
  return row?.target ?? DEFAULT_TARGET;
}

/** Sets a year's target; the reason is kept in the audit trail. */
export async function setTarget(db: Db, year: number, target: number, reason: string): Promise<{ year: number; target: number }> {
  return write(db, async (w) => {
    const [existing] = await w.tx.select().from(trainingTargets).where(eq(trainingTargets.year, year)).for('update');
    if (existing) {
      const row = await w.update(trainingTargets, 'training_target', existing.id, { target }, reason);
      return { year: row.year, target: row.target };
    }
    const row = await w.insert(trainingTargets, 'training_target', { year, target });
    // An insert's audit event has no reason of its own; record why the target was set beside it.
    await w.event({ action: 'target_set', entityType: 'training_target', entityId: row.id, after: { year, target }, reason });
    return { year: row.year, target: row.target };
  });
}
