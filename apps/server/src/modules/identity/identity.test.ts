import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, TEST_PASSWORD, type Harness } from '../../test/harness';

describe('login, sessions, lockout, tokens', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  const login = (username: string, password: string) => h.request(null, 'POST', '/api/v1/auth/login', { username, password });

  it('sets an HttpOnly, SameSite=Strict session cookie and /auth/me answers with permissions', async () => {
    const nurse = await h.createTestUser({ roles: ['nurse'] });
    const res = await login(nurse.username, TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    const me = await h.request(nurse, 'GET', '/api/v1/auth/me');
    expect(me.json()).toMatchObject({ user: { username: nurse.username, roles: ['nurse'] }, site: { fin: 'A9999', timeZone: 'Asia/Shanghai' } });
    expect(me.json<{ permissions: string[] }>().permissions).toContain('custody:write');
    expect(me.json<{ permissions: string[] }>().permissions).not.toContain('users:write');
  });

  it('refuses a wrong password with 401 problem+json that does not say which part was wrong', async () => {
    const u = await h.createTestUser({ roles: ['qa'] });
    const res = await login(u.username, 'Wrong-password-1');
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    const unknown = await login('nobody-here', 'Wrong-password-1');
    expect(unknown.json<{ detail: string }>().detail).toBe(res.json<{ detail: string }>().detail);
  });

  it('locks the account for 15 minutes after 5 failures in a row, even for the right password', async () => {
    const u = await h.createTestUser({ roles: ['qp'] });
    for (let i = 0; i < 4; i++) expect((await login(u.username, 'Wrong-password-1')).statusCode).toBe(401);
    const fifth = await login(u.username, 'Wrong-password-1');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json<{ detail: string }>().detail).toMatch(/locked/);
    expect((await login(u.username, TEST_PASSWORD)).statusCode).toBe(423);
    const [row] = await h.database.query<{ locked_until: Date }>(`SELECT locked_until FROM users WHERE id = '${u.id}'`);
    const minutes = (new Date(row!.locked_until).getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
    const trail = await h.database.query(`SELECT action FROM audit_events WHERE entity_id = '${u.id}' ORDER BY seq`);
    expect(trail.map((t) => t.action)).toContain('lockout');
  });

  it('logout revokes the session', async () => {
    const u = await h.createTestUser({ roles: ['director'] });
    expect((await h.request(u, 'POST', '/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await h.request(u, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('a bearer token acts as its user; an unknown token is refused', async () => {
    const u = await h.createTestUser({ roles: ['coordinator'] });
    const created = await h.request(u, 'POST', '/api/v1/auth/tokens', { name: 'HIS integration' });
    expect(created.statusCode).toBe(201);
    const { token } = created.json<{ token: string }>();
    const me = await h.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.json()).toMatchObject({ user: { username: u.username } });
    const bad = await h.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: 'Bearer hx_forged' } });
    expect(bad.statusCode).toBe(401);
    const stored = await h.database.query(`SELECT token_hash FROM api_tokens`);
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it('enforces the password policy with a message per rule', async () => {
    const admin = await h.createTestUser({ roles: ['admin'] });
    const res = await h.request(admin, 'POST', '/api/v1/users', { username: 'weakling', displayName: 'Weak', password: 'short', roles: ['nurse'] });
    expect(res.statusCode).toBe(400);
    const errors = res.json<{ errors: { path: string; message: string }[] }>().errors;
    expect(errors.map((e) => e.message)).toEqual(expect.arrayContaining([expect.stringMatching(/12 characters/), expect.stringMatching(/three of/)]));
    expect((await h.request(admin, 'POST', '/api/v1/users', { username: 'weakling', displayName: 'W', password: 'Weakling-Passw0rd', roles: ['nurse'] })).statusCode).toBe(400);
  });

  it('creates a user (admin only) and refuses a duplicate username and unknown roles', async () => {
    const admin = await h.createTestUser({ roles: ['admin'] });
    const body = { username: 'new.nurse', displayName: 'New Nurse', password: 'Strong-Enough-123', roles: ['nurse'] };
    expect((await h.request(admin, 'POST', '/api/v1/users', body)).statusCode).toBe(201);
    expect((await h.request(admin, 'POST', '/api/v1/users', body)).statusCode).toBe(409);
    const badRole = await h.request(admin, 'POST', '/api/v1/users', { ...body, username: 'x.y', roles: ['surgeon'] });
    expect(badRole.statusCode).toBe(400);
    expect(badRole.json<{ errors: { path: string }[] }>().errors[0]!.path).toBe('body.roles.0');
    const coordinator = await h.createTestUser({ roles: ['coordinator'] });
    expect((await h.request(coordinator, 'POST', '/api/v1/users', { ...body, username: 'sneaky' })).statusCode).toBe(403);
  });

  it('an administrator unlocks a locked account with a reason', async () => {
    const admin = await h.createTestUser({ roles: ['admin'] });
    const u = await h.createTestUser({ roles: ['operator'] });
    for (let i = 0; i < 5; i++) await login(u.username, 'Wrong-password-1');
    expect((await h.request(admin, 'PATCH', `/api/v1/users/${u.id}`, { unlock: true })).statusCode).toBe(400);
    const res = await h.request(admin, 'PATCH', `/api/v1/users/${u.id}`, { unlock: true, reason: 'Identity confirmed by phone' });
    expect(res.json()).toMatchObject({ lockedUntil: null });
    expect((await login(u.username, TEST_PASSWORD)).statusCode).toBe(200);
  });
});
