/** Accounts: creating users, logging in and out (with lockout), and API tokens. */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { runWithContext, currentContext, requireUserActor } from '../../platform/context';
import { badRequest, locked, notFound, unauthorized, conflict } from '../../platform/errors';
import { write } from '../../platform/write';
import { apiTokens, sessions, users } from './identity.tables';
import { hashPassword, passwordPolicyViolations, verifyPassword } from './passwords';
import { actorOf, newSecret, secretHash, SESSION_HOURS } from './sessions';
import type { UserView } from './identity.schema';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;
// Compared against when the username is unknown, so a wrong name costs the same time as a wrong password.
const DUMMY_HASH = hashPassword('not-a-real-password-Hx9!');

type UserRow = typeof users.$inferSelect;

export function toUserView(u: UserRow): UserView {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    roles: u.roles,
    active: u.active,
    lockedUntil: u.lockedUntil && u.lockedUntil > new Date() ? u.lockedUntil.toISOString() : null,
  };
}

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  roles: string[];
}

export async function createUser(db: Db, input: NewUser): Promise<UserView> {
  const violations = passwordPolicyViolations(input.password, input.username);
  if (violations.length) {
    throw badRequest(`The password ${violations.join('; ')}.`, {
      code: 'user.password_policy',
      errors: violations.map((message) => ({ path: 'body.password', message, code: 'password_policy' })),
    });
  }
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.username, input.username));
  if (existing) throw conflict(`The username "${input.username}" is already taken.`, { code: 'user.username_taken', params: { username: input.username } });
  const passwordHash = await hashPassword(input.password);
  const row = await write(db, (w) =>
    w.insert(users, 'user', { ...input, roles: [...new Set(input.roles)], passwordHash }),
  );
  return toUserView(row);
}

export async function listUsers(db: Db): Promise<UserView[]> {
  return (await db.select().from(users).orderBy(asc(users.username))).map(toUserView);
}

export async function getUserById(db: Db, id: string): Promise<UserRow> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  if (!row) throw notFound('User');
  return row;
}

export interface UserChanges {
  displayName?: string | undefined;
  roles?: string[] | undefined;
  active?: boolean | undefined;
  unlock?: boolean | undefined;
  reason: string;
}

export async function updateUser(db: Db, id: string, changes: UserChanges): Promise<UserView> {
  const patch: Partial<UserRow> = {};
  if (changes.displayName !== undefined) patch.displayName = changes.displayName;
  if (changes.roles !== undefined) patch.roles = [...new Set(changes.roles)];
  if (changes.active !== undefined) patch.active = changes.active;
  if (changes.unlock) Object.assign(patch, { lockedUntil: null, failedLogins: 0 });
  const row = await write(db, (w) => w.update(users, 'user', id, patch, changes.reason));
  return toUserView(row);
}

export interface LoginResult {
  user: UserRow;
  sessionSecret: string;
}

/** Checks the password, enforcing the lockout, and opens a session. Every attempt is audited. */
export async function login(db: Db, username: string, password: string): Promise<LoginResult> {
  const [user] = await db.select().from(users).where(eq(users.username, username));
  if (!user || !user.active) {
    await verifyPassword(await DUMMY_HASH, password);
    throw unauthorized('The username or password is not correct.', { code: 'auth.bad_credentials' });
  }
  assertNotLocked(user);
  if (!(await verifyPassword(user.passwordHash, password))) {
    const lockedUntil = await recordPasswordFailure(db, user, 'login');
    if (lockedUntil) throw lockedProblem(lockedUntil);
    throw unauthorized('The username or password is not correct.', { code: 'auth.bad_credentials' });
  }
  return openSession(db, user);
}

/** The refusal of a locked account, at login, at signing and as a witness alike (423 auth.locked). */
export function lockedProblem(until: Date) {
  const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
  return locked(
    `This account is locked after ${MAX_FAILED_LOGINS} wrong passwords in a row (at login or when signing). Try again in ${minutes} minute(s) or ask an administrator to unlock it.`,
    { code: 'auth.locked', params: { minutes, attempts: MAX_FAILED_LOGINS } },
  );
}

/** Refuses an account that is locked out now. */
export function assertNotLocked(user: Pick<UserRow, 'lockedUntil'>): void {
  if (user.lockedUntil && user.lockedUntil > new Date()) throw lockedProblem(user.lockedUntil);
}

/** Where a wrong password was given: at login, or to sign (as the signer or as a witness). */
export type PasswordUse = 'login' | 'signature';

/**
 * Counts a wrong password against the account, wherever it was given: guessing through the signature
 * dialog must cost the same as guessing at login (21 CFR 11.300(d)). The count is read and written under
 * the user's row lock in a transaction of its own, audited as the user's; the failure that makes
 * MAX_FAILED_LOGINS in a row locks the account. Returns the end of the lockout when this one locked it.
 */
export async function recordPasswordFailure(db: Db, user: UserRow, use: PasswordUse): Promise<Date | null> {
  return asUser(user, () =>
    write(db, async (w) => {
      const failures = (await w.lockById(users, user.id, 'user')).failedLogins + 1;
      const lock = failures >= MAX_FAILED_LOGINS;
      const lockedUntil = lock ? new Date(Date.now() + LOCKOUT_MINUTES * 60_000) : null;
      await w.update(users, 'user', user.id, { failedLogins: lock ? 0 : failures, lockedUntil }, null, lock ? 'lockout' : `${use}_failed`);
      return lockedUntil;
    }),
  );
}

async function openSession(db: Db, user: UserRow): Promise<LoginResult> {
  const sessionSecret = newSecret();
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3_600_000);
  await asUser(user, () =>
    write(db, async (w) => {
      await w.tx.insert(sessions).values({ id: secretHash(sessionSecret), userId: user.id, expiresAt });
      await w.update(users, 'user', user.id, { failedLogins: 0, lockedUntil: null }, null, 'login');
    }),
  );
  return { user, sessionSecret };
}

/** Login happens before the request has a user: attribute its audit events to that user. */
function asUser<T>(user: UserRow, fn: () => Promise<T>): Promise<T> {
  return runWithContext({ requestId: currentContext()?.requestId ?? 'login', actor: actorOf(user) }, fn);
}

export async function logout(db: Db, sessionSecret: string): Promise<void> {
  const actor = requireUserActor();
  await write(db, async (w) => {
    await w.tx.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, secretHash(sessionSecret)));
    await w.event({ action: 'logout', entityType: 'user', entityId: actor.id });
  });
}

export async function createApiToken(db: Db, name: string): Promise<{ id: string; name: string; token: string }> {
  const actor = requireUserActor();
  const token = `hx_${newSecret()}`;
  const row = await write(db, (w) =>
    w.insert(apiTokens, 'api_token', { userId: actor.id, name, tokenHash: secretHash(token) }),
  );
  return { id: row.id, name: row.name, token };
}
