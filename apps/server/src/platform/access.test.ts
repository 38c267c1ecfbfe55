import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type TestUser } from '../test/harness';
import { hasPermission, ROLES, type Role } from './access';

/**
 * Walks every declared API route with every role: a role without the route's permission gets 403,
 * a role with it never does, and nobody gets in without logging in.
 */
describe('route × role access matrix', () => {
  let h: Harness;
  const users = new Map<Role, TestUser>();
  beforeAll(async () => {
    h = await createHarness();
    for (const role of ROLES) users.set(role, await h.createTestUser({ roles: [role] }));
  });
  afterAll(() => h.close());

  const concrete = (url: string) => url.replace(/:[a-zA-Z]+/g, '00000000-0000-4000-8000-000000000000');

  it('every API route declares a permission', () => {
    expect(h.routes.length).toBeGreaterThan(20);
    for (const r of h.routes) expect(r.permission, `${r.method} ${r.url}`).toBeTruthy();
  });

  it('allows and refuses exactly as declared', async () => {
    const mismatches: string[] = [];
    for (const route of h.routes) {
      if (route.permission === 'public' || route.url === '/api/v1/auth/logout') continue;
      const anonymous = await h.request(null, route.method, concrete(route.url), route.method === 'GET' ? undefined : {});
      if (anonymous.statusCode !== 401) mismatches.push(`anonymous ${route.method} ${route.url} → ${anonymous.statusCode}`);
      for (const role of ROLES) {
        const res = await h.request(users.get(role)!, route.method, concrete(route.url), route.method === 'GET' ? undefined : {});
        const allowed = hasPermission([role], route.permission);
        if (allowed === (res.statusCode === 403)) mismatches.push(`${role} ${route.method} ${route.url} → ${res.statusCode}`);
      }
    }
    expect(mismatches).toEqual([]);
  }, 600_000); // every route × every role: the walk grows with the API, so it has its own time budget
});
