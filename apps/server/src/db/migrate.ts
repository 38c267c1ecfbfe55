/** Applies the generated SQL migrations in db/migrations, on either engine. */
import { fileURLToPath } from 'node:url';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { Database } from './client';

const MIGRATION_LOCK = 72460001;

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/** Brings the schema up to date; safe to run on every start (applied migrations are skipped). */
export async function migrate(database: Database): Promise<void> {
  if (database.engine === 'embedded') {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
  } else {
    // Several servers may start at once: one migrates, the others wait on the advisory lock.
    await database.exclusive(MIGRATION_LOCK, (db) =>
      migratePg(db as unknown as NodePgDatabase, { migrationsFolder }),
    );
  }
}
