import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import type * as DrizzleKitApi from 'drizzle-kit/api';
import * as schema from './schema';
import { migrationsFolder } from './migrate';

const require = createRequire(import.meta.url);
// drizzle-kit's programmatic API compares a schema with a snapshot, exactly as `drizzle-kit generate` does.
const { generateDrizzleJson, generateMigration } = require('drizzle-kit/api') as typeof DrizzleKitApi;

describe('migrations', () => {
  it('match the schema code (run `npm run db:generate` when this fails)', async () => {
    const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as { entries: { idx: number }[] };
    const lastIdx = String(journal.entries.at(-1)!.idx).padStart(4, '0');
    const snapshot = JSON.parse(fs.readFileSync(path.join(migrationsFolder, `meta/${lastIdx}_snapshot.json`), 'utf8'));
    const current = generateDrizzleJson(schema, snapshot.id);
    const pending = await generateMigration(snapshot, current);
    expect(pending).toEqual([]);
  });
});
