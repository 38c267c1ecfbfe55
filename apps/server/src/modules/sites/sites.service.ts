/** Sites and the identifier counters that hand out DIN, COI and subject-code sequence numbers. */
import { asc, eq, sql } from 'drizzle-orm';
import type { Db, Executor, Tx } from '../../db/client';
import { notFound, unprocessable } from '../../platform/errors';
import { write } from '../../platform/write';
import { identifierCounters, sites } from './sites.tables';

export type Site = typeof sites.$inferSelect;

export function siteView(s: Site) {
  return { id: s.id, name: s.name, fin: s.fin, timeZone: s.timeZone };
}

export async function listSites(db: Executor): Promise<Site[]> {
  return db.select().from(sites).orderBy(asc(sites.createdAt), asc(sites.name));
}

/** The center's home site: the first one configured. Multi-site routing arrives with the partner network. */
export async function homeSite(db: Executor): Promise<Site> {
  const [site] = await listSites(db);
  if (!site) throw unprocessable('No site is configured yet. An administrator must create the site (name, FIN, time zone) first.', { code: 'site.missing' });
  return site;
}

export async function getSite(db: Executor, id: string): Promise<Site> {
  const [site] = await db.select().from(sites).where(eq(sites.id, id));
  if (!site) throw notFound('Site');
  return site;
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export async function createSite(db: Db, input: { name: string; fin: string; timeZone: string }): Promise<Site> {
  if (!isTimeZone(input.timeZone)) {
    throw unprocessable(`"${input.timeZone}" is not a known IANA time zone (e.g. Asia/Shanghai).`, {
      code: 'site.unknown_time_zone',
      params: { timeZone: input.timeZone },
      errors: [{ path: 'body.timeZone', message: 'Unknown time zone' }],
    });
  }
  return write(db, (w) => w.insert(sites, 'site', input));
}

/**
 * Hands out the next number of a counter, atomically: the upsert takes a row lock, so parallel
 * transactions queue and each gets its own value. The number is recorded in the audit event of the
 * record it identifies (a DIN, a COI), which is why the counter itself is not audited separately.
 */
export async function nextSequence(tx: Tx, key: string): Promise<number> {
  const result = await tx
    .insert(identifierCounters)
    .values({ key, last: 1 })
    .onConflictDoUpdate({ target: identifierCounters.key, set: { last: sql`${identifierCounters.last} + 1` } })
    .returning({ last: identifierCounters.last });
  return result[0]!.last;
}

/** Two-digit year of an instant in the site's time zone (ISBT 128 identifiers carry the local year). */
export function localYear2(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en', { timeZone, year: '2-digit' }).format(at);
}
