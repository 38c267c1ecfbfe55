/**
 * The whole unit and integration suite. Server integration tests run once on embedded PGlite and,
 * when a PostgreSQL URL is given (DATABASE_URL or HEPATICA_TEST_DATABASE_URL), once more on PostgreSQL,
 * so both engines are proven by the same tests.
 */
import { defineConfig } from 'vitest/config';

const postgresUrl = process.env.HEPATICA_TEST_DATABASE_URL ?? process.env.DATABASE_URL;

const serverProject = (engine: 'pglite' | 'postgres') => ({
  test: {
    name: `server-${engine}`,
    root: 'apps/server',
    include: ['src/**/*.test.ts'],
    env: { HEPATICA_TEST_ENGINE: engine, ...(postgresUrl ? { HEPATICA_TEST_DATABASE_URL: postgresUrl } : {}) },
    testTimeout: 30_000,
    // The demo-seed tests build the whole demo center, ~1 min on PGlite under load.
    hookTimeout: 240_000,
  },
});

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'core', root: 'packages/core', include: ['src/**/*.test.ts'] } },
      'apps/web/vitest.config.ts',
      serverProject('pglite'),
      ...(postgresUrl ? [serverProject('postgres')] : []),
    ],
  },
});
