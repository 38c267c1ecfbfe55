/**
 * Process entry: configuration -> database -> migrations -> first-run setup -> HTTP server.
 * Ready when GET /api/v1/health answers 200.
 */
import { fileURLToPath } from 'node:url';
import { loadConfig, type Config } from './config';
import { buildApp } from './app';
import { openDatabase, type Database } from './db/client';
import { migrate } from './db/migrate';
import { firstRunSetup } from './demo/setup';

export const WEB_ROOT = fileURLToPath(new URL('../../web/dist', import.meta.url));

export async function startServer(config: Config = loadConfig()): Promise<{ close: () => Promise<void>; url: string }> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrate(database);
  const logins = await firstRunSetup(database, config);
  const { app } = await buildApp({ database, logLevel: config.logLevel, webRoot: WEB_ROOT });
  const url = await app.listen({ port: config.port, host: config.host });
  printBanner(config, database, url, logins);
  return {
    url,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

function printBanner(config: Config, database: Database, url: string, logins: string[]): void {
  const where = database.engine === 'embedded' ? `embedded database in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  const lines = [
    '',
    `Hepatica is running at ${url.replace('[::1]', 'localhost')}  (${where})`,
    `API docs: ${url}/api/docs`,
    ...(logins.length ? ['', 'Logins (demo passwords are public: change them or start with HEPATICA_DEMO=0 for real use):', ...logins] : []),
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}
