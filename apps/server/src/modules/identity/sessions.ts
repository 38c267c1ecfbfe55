/** Login sessions and API tokens: random secrets handed out once, stored only as SHA-256. */
import { randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/context';
import { sha256Hex } from '../../platform/hashing';
import { apiTokens, sessions, users } from './identity.tables';

export const SESSION_COOKIE = 'hepatica_session';
export const SESSION_HOURS = 12;

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function secretHash(secret: string): string {
  return sha256Hex(secret);
}

type UserRow = typeof users.$inferSelect;

export function actorOf(user: UserRow): Actor {
  return { id: user.id, username: user.username, displayName: user.displayName, roles: user.roles };
}

/** The active user behind a session cookie, or null. */
export async function userForSession(db: Db, secret: string): Promise<UserRow | null> {
  const [row] = await db
    .select({ user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, secretHash(secret)), isNull(sessions.revokedAt), gt(sessions.expiresAt, new Date())))
    .limit(1);
  return row && row.user.active ? row.user : null;
}

/** The active user behind a bearer token, or null. */
export async function userForToken(db: Db, secret: string): Promise<UserRow | null> {
  const [row] = await db
    .select({ user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, secretHash(secret)), isNull(apiTokens.revokedAt)))
    .limit(1);
  return row && row.user.active ? row.user : null;
}
