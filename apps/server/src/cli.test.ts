import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from './db/client';
import { migrate } from './db/migrate';
import { createUser } from './modules/identity/identity.service';
import { createTestDatabase, testEngine, type TestDatabase } from './test/database';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../bin/hepatica.mjs', import.meta.url));

/** `npx hepatica audit verify` against a real database of the engine under test, tampered directly. */
describe('hepatica audit verify', () => {
  let env: NodeJS.ProcessEnv;
  let pgDatabase: TestDatabase | undefined;
  let dataDir: string | undefined;

  async function withDb<T>(fn: (q: (sql: string) => Promise<unknown>, db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
    const database = pgDatabase ?? (await openDatabase({ dataDir }));
    try {
      return await fn((sql) => database.query(sql), database);
    } finally {
      if (!pgDatabase) await database.close();
    }
  }

  beforeAll(async () => {
    if (testEngine === 'postgres') {
      pgDatabase = await createTestDatabase();
      env = { ...process.env, DATABASE_URL: pgDatabase.url };
    } else {
      dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hepatica-cli-')), 'data');
      env = { ...process.env, DATABASE_URL: '', HEPATICA_DATA_DIR: dataDir };
    }
    await withDb(async (_q, database) => {
      await migrate(database);
      for (const name of ['alice', 'bob', 'carol']) {
        await createUser(database.db, { username: name, displayName: name, password: 'Long-Enough-Pass-1', roles: ['qa'] });
      }
    });
  });
  afterAll(async () => {
    await pgDatabase?.dispose();
  });

  const verify = () => run('node', [BIN, 'audit', 'verify'], { env }).then(
    (r) => ({ code: 0, out: r.stdout + r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
  );

  it('exits 0 on an intact chain and non-zero naming the seq of the first tampered event', async () => {
    const intact = await verify();
    expect(intact.out).toMatch(/intact: 3 events/);
    expect(intact.code).toBe(0);
    await withDb(async (q) => {
      await q('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete');
      await q(`UPDATE audit_events SET actor = 'mallory' WHERE seq = 2`);
      await q('ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete');
    });
    const broken = await verify();
    expect(broken.code).toBe(1);
    expect(broken.out).toMatch(/BROKEN at seq 2/);
  });
});
