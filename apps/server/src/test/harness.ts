/**
 * In-process test harness: a migrated database on the engine under test, the app built on it
 * (no network), a site, and typed builders for users of any role.
 */
import type { LightMyRequestResponse } from 'fastify';
import { buildApp, type BuiltApp } from '../app';
import type { Role } from '../platform/access';
import { createUser } from '../modules/identity/identity.service';
import { createSite } from '../modules/sites/sites.service';
import { createTestDatabase, type TestDatabase } from './database';

export const TEST_PASSWORD = 'Correct-Horse-42';

export interface TestUser {
  id: string;
  username: string;
  password: string;
  cookie: string;
}

export interface Harness extends BuiltApp {
  database: TestDatabase;
  createTestUser(options: { roles: Role[]; username?: string }): Promise<TestUser>;
  request(user: TestUser | null, method: string, url: string, body?: unknown): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

let counter = 0;

export async function createHarness(): Promise<Harness> {
  const database = await createTestDatabase();
  await createSite(database.db, { name: 'Test Liver CGT Center', fin: 'A9999', timeZone: 'Asia/Shanghai' });
  const built = await buildApp({ database, logLevel: 'silent' });
  await built.app.ready();
  const { app } = built;

  async function createTestUser({ roles, username }: { roles: Role[]; username?: string }): Promise<TestUser> {
    counter += 1;
    const name = username ?? `u${counter}.${roles.join('.').replaceAll('_', '-')}`.slice(0, 32);
    const user = await createUser(database.db, { username: name, displayName: `Test ${name}`, password: TEST_PASSWORD, roles });
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: name, password: TEST_PASSWORD } });
    const cookie = res.cookies.find((c) => c.name === 'hepatica_session');
    if (!cookie) throw new Error(`login failed for test user ${name}: ${res.body}`);
    return { id: user.id, username: name, password: TEST_PASSWORD, cookie: `hepatica_session=${cookie.value}` };
  }

  function request(user: TestUser | null, method: string, url: string, body?: unknown) {
    return app.inject({
      method: method as 'GET',
      url,
      headers: user ? { cookie: user.cookie } : {},
      ...(body !== undefined ? { payload: body as object } : {}),
    });
  }

  return {
    ...built,
    database,
    createTestUser,
    request,
    close: async () => {
      await app.close();
      await database.dispose();
    },
  };
}
