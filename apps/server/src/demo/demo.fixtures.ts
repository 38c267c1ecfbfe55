/** Test set-up for the demo seeds: a fresh database with the demo center, the app on it, its users signed in. */
import { afterAll, beforeAll } from 'vitest';
import { buildApp, type BuiltApp } from '../app';
import { createTestDatabase, type TestDatabase } from '../test/database';
import { DEMO_PASSWORD } from './demo-password';
import { seedDemoCenter } from './seed';

/**
 * In the calling describe block: the seeded demo center before its tests, closed after them. Returns `as`,
 * which signs a demo user in with the demo password and gives a GET with their session.
 */
export function seededDemoCenter() {
  let database: TestDatabase;
  let built: BuiltApp;
  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemoCenter(database.db);
    built = await buildApp({ database, logLevel: 'silent' });
  });
  afterAll(async () => {
    await built.app.close();
    await database.dispose();
  });

  return async function as(username: string) {
    const login = await built.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } });
    const cookie = `hepatica_session=${login.cookies.find((c) => c.name === 'hepatica_session')!.value}`;
    return (url: string) => built.app.inject({ method: 'GET', url, headers: { cookie } });
  };
}
