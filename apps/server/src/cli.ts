/**
 * The `hepatica` command: start, migrate, audit verify, users. Each command exits non-zero on
 * failure with a message a person can act on.
 */
import { loadConfig } from './config';
import { openDatabase } from './db/client';
import { migrate } from './db/migrate';
import { verifyAuditChain } from './platform/audit.verify';
import { startServer } from './main';

const USAGE = `Usage: hepatica <command>
  start          migrate, seed the demo center on an empty database (HEPATICA_DEMO=1), serve HTTP
  migrate        apply database migrations and exit
  audit verify   recompute the audit hash chain; exit 1 naming the first broken event
`;

async function withDatabase<T>(fn: (database: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

async function auditVerify(): Promise<number> {
  return withDatabase(async (database) => {
    const result = await verifyAuditChain(database.db);
    if (result.ok) {
      process.stdout.write(`Audit trail intact: ${result.count} events, last seq ${result.lastSeq}.\n`);
      return 0;
    }
    process.stderr.write(`Audit trail BROKEN at seq ${result.brokenSeq}: ${result.reason}. ${result.count} events before it verified.\n`);
    return 1;
  });
}

async function run(args: string[]): Promise<number> {
  const [command, sub] = args;
  if (command === 'start' || command === undefined) {
    const server = await startServer();
    const stop = () => void server.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return -1;
  }
  if (command === 'migrate') {
    await withDatabase((database) => migrate(database));
    process.stdout.write('Migrations applied.\n');
    return 0;
  }
  if (command === 'audit' && sub === 'verify') return auditVerify();
  process.stderr.write(USAGE);
  return command === 'help' || command === '--help' ? 0 : 2;
}

run(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    process.stderr.write(`hepatica: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
