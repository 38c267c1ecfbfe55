/**
 * The database: embedded PGlite (default, a folder on disk) or PostgreSQL (DATABASE_URL).
 * Both speak the same SQL and are used through the same Drizzle schema, so every module is
 * written once. PGlite is a single connection; it serializes queries and transactions itself.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import pg from 'pg';
import * as schema from './schema';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Executor = Db | Tx;
export type Engine = 'embedded' | 'postgres';

export interface Database {
  db: Db;
  engine: Engine;
  /** Runs raw SQL (maintenance, tests); returns rows. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs fn alone across every server sharing this database (PostgreSQL advisory lock on one connection). */
  exclusive<T>(lockId: number, fn: (db: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  /** An already created PGlite instance (tests clone one from a migrated template). */
  pglite?: PGlite;
}

/** Opens the configured engine. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openPglite(options.pglite ?? (await createPglite(options.dataDir)));
}

async function createPglite(dataDir: string | undefined): Promise<PGlite> {
  if (dataDir) fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  return PGlite.create(dataDir ? { dataDir } : {});
}

function openPglite(client: PGlite): Database {
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    engine: 'embedded',
    query: async <T>(sql: string, params: unknown[] = []) => (await client.query<T>(sql, params)).rows,
    // One connection, one process: nothing else can run beside fn.
    exclusive: (_lockId, fn) => fn(db),
    close: () => client.close(),
  };
}

function openPostgres(url: string): Database {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // A pool error on an idle client must not crash the server; the next query reports it.
  pool.on('error', () => undefined);
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    engine: 'postgres',
    query: async <T>(sql: string, params: unknown[] = []) =>
      (await pool.query(sql, params)).rows as T[],
    exclusive: async (lockId, fn) => {
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [lockId]);
        return await fn(drizzlePg(client, { schema }) as unknown as Db);
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [lockId]).catch(() => undefined);
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
