/**
 * Helpers for suites that load a large synthetic history with SQL and time the service functions
 * that read it (genealogy, trail): deterministic ids, median timings, and the same call with the
 * planner forbidden index scans, to show what the indexes are worth.
 */
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../apps/server/src/db/client';

/**
 * A deterministic id as SQL, so rows loaded by different statements agree without a lookup:
 * md5('<prefix><n>') shaped as a version-4 UUID (the API's id parameters accept only well-formed UUIDs).
 */
export const syntheticId = (prefix: string, n: string) =>
  `overlay(overlay(md5('${prefix}' || ${n}) placing '4' from 13) placing '8' from 17)::uuid`;

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Median of `runs` timed calls after one warm-up call (or a single cold call when runs is 0). */
export async function timed<T>(runs: number, fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  let result = await fn(); // warm-up: catalog caches and buffer pages, as on a server that has been running
  const times: number[] = runs ? [] : [performance.now() - start];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = await fn();
    times.push(performance.now() - start);
  }
  return { ms: median(times), result };
}

/** fn in a transaction of its own with planner settings SET LOCAL: they end with it, on error too, and never reach another query on a pooled connection. */
export function withSettings<T>(db: Db, settings: Record<string, string>, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    for (const [name, value] of Object.entries(settings)) await tx.execute(sql.raw(`SET LOCAL ${name} = ${value}`));
    return fn(tx);
  });
}

/** fn with the planner forbidden index scans: what it would cost if the indexes were missing. */
export function withoutIndexScans<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return withSettings(db, { enable_indexscan: 'off', enable_bitmapscan: 'off', enable_indexonlyscan: 'off' }, fn);
}
