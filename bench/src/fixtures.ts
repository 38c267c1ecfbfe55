/**
 * What every benchmark suite stands on: a fresh, migrated database on the engine under test (never
 * the operator's data), a site, users created through the same services as real work, and the real
 * server listening on 127.0.0.1 with one extra bare route to measure against.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../../apps/server/src/app';
import type { App } from '../../apps/server/src/platform/app-types';
import { openDatabase, type Database, type Db } from '../../apps/server/src/db/client';
import { migrate } from '../../apps/server/src/db/migrate';
import type { Role } from '../../apps/server/src/platform/access';
import { runWithContext } from '../../apps/server/src/platform/context';
import { createUser, getUserById } from '../../apps/server/src/modules/identity/identity.service';
import { actorOf, SESSION_COOKIE } from '../../apps/server/src/modules/identity/sessions';
import { createSite } from '../../apps/server/src/modules/sites/sites.service';
import type { Load, Measurement } from './measure';

export const BENCH_PASSWORD = 'Bench-Password-2026';
/** Outside /api/v1, so it needs no permission: the server's hooks run, but no database query. */
export const BARE_PATH = '/bench/bare';

export type EngineName = 'PGlite' | 'PostgreSQL';

export interface BenchDatabase {
  engine: EngineName;
  database: Database;
  /** Closes and, on PostgreSQL, drops the database. Safe to call twice. */
  dispose(): Promise<void>;
}

/** A fresh in-memory PGlite database, migrated. */
export async function openPgliteBench(): Promise<BenchDatabase> {
  const database = await openDatabase({});
  await migrate(database);
  let closed = false;
  return {
    engine: 'PGlite',
    database,
    dispose: async () => {
      if (closed) return;
      closed = true;
      await database.close();
    },
  };
}

function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** CREATE/DROP DATABASE on the maintenance database, through the server's own driver. */
async function adminQuery(url: string, sql: string): Promise<void> {
  const admin = await openDatabase({ databaseUrl: url });
  try {
    await admin.query(sql);
  } finally {
    await admin.close();
  }
}

/** A fresh database with a random name on the server of `adminUrl`, migrated; dropped by dispose(). */
export async function openPostgresBench(adminUrl: string): Promise<BenchDatabase> {
  const name = `hepatica_bench_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
  let database: Database | undefined;
  let disposed = false;
  const dispose = async () => {
    if (disposed) return;
    disposed = true;
    await database?.close().catch(() => undefined);
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  };
  try {
    database = await openDatabase({ databaseUrl: withDatabaseName(adminUrl, name) });
    await migrate(database);
  } catch (error) {
    await dispose();
    throw error;
  }
  return { engine: 'PostgreSQL', database, dispose };
}

export interface BenchUser {
  id: string;
  username: string;
}

/** The home site every module needs (its FIN prefixes subject codes, COIs and DINs). */
export async function seedSite(db: Db): Promise<void> {
  await createSite(db, { name: 'Bench CGT Center', fin: 'B9999', timeZone: 'Asia/Shanghai' });
}

export async function seedUser(db: Db, username: string, roles: Role[]): Promise<BenchUser> {
  const user = await createUser(db, { username, displayName: `Bench ${username}`, password: BENCH_PASSWORD, roles });
  return { id: user.id, username };
}

/** Runs service calls as `user`, so their audit events name the person who would do the work. */
export async function asUser<T>(db: Db, user: BenchUser, fn: () => Promise<T>): Promise<T> {
  const actor = actorOf(await getUserById(db, user.id));
  return runWithContext({ requestId: 'bench', actor }, fn);
}

export interface BenchServer {
  app: App;
  baseUrl: string;
  /** Logs in over HTTP; returns the Cookie header value for the session. */
  login(user: BenchUser): Promise<string>;
  close(): Promise<void>;
}

/** The real application on an ephemeral 127.0.0.1 port, plus the bare route. */
export async function startBenchServer(database: Database): Promise<BenchServer> {
  const { app } = await buildApp({ database, logLevel: 'silent' });
  app.get(BARE_PATH, { schema: { hide: true } }, () => ({ ok: true }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    app,
    baseUrl,
    login: async (user) => {
      const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: user.username, password: BENCH_PASSWORD }),
      });
      if (response.status !== 200)
        throw new Error(`Login as ${user.username} answered ${response.status}: ${await response.text()}`);
      const session = response.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
      if (!session) throw new Error('Login set no session cookie');
      return session.split(';')[0]!;
    },
    close: () => app.close(),
  };
}

/** What a suite is handed: the engine's database and server, and the load to apply. */
export interface SuiteContext {
  engine: EngineName;
  database: Database;
  server: BenchServer;
  load: Load;
  /** Lines printed under the engine's table: results that are not load measurements (e.g. query timings). */
  notes: string[];
}

/** A benchmark suite: seeds what it needs through the services, then returns its measurements. */
export interface Suite {
  name: string;
  run(context: SuiteContext): Promise<Measurement[]>;
}
