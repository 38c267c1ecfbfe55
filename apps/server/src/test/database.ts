/**
 * Test databases on the engine under test (HEPATICA_TEST_ENGINE): a clone of a migrated embedded
 * template, or a fresh database on the PostgreSQL server of HEPATICA_TEST_DATABASE_URL.
 */
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { openDatabase, type Database } from '../db/client';
import { migrate } from '../db/migrate';

export const testEngine = process.env.HEPATICA_TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite';

let template: Promise<PGlite> | undefined;

async function migratedTemplate(): Promise<PGlite> {
  const client = await PGlite.create();
  await migrate(await openDatabase({ pglite: client }));
  return client;
}

function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.HEPATICA_TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export interface TestDatabase extends Database {
  /** The connection URL, on PostgreSQL. */
  url?: string;
  /** Closes and, on PostgreSQL, drops the database. */
  dispose(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if (testEngine === 'pglite') {
    template ??= migratedTemplate();
    const database = await openDatabase({ pglite: (await (await template).clone()) as PGlite });
    return { ...database, dispose: () => database.close() };
  }
  const url = process.env.HEPATICA_TEST_DATABASE_URL;
  if (!url) throw new Error('HEPATICA_TEST_ENGINE=postgres needs HEPATICA_TEST_DATABASE_URL');
  const name = `hepatica_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const databaseUrl = withDatabaseName(url, name);
  const database = await openDatabase({ databaseUrl });
  await migrate(database);
  return {
    ...database,
    url: databaseUrl,
    dispose: async () => {
      await database.close();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
