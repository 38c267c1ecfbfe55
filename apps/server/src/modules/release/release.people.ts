/** Who did what, as the release screens and the certificate print them: username and printed name. */
import { and, arrayContains, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { users } from '../identity/identity.tables';

export interface Person {
  id: string;
  username: string;
  name: string;
}

/** The people with the given ids; an id with no user (never expected) prints as itself. */
export async function peopleByIds(db: Executor, ids: readonly (string | null)[]): Promise<Map<string, Person>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (!wanted.length) return new Map();
  const rows = await db.select({ id: users.id, username: users.username, name: users.displayName }).from(users).where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r]));
}

export function personOr(map: Map<string, Person>, id: string): Person {
  return map.get(id) ?? { id, username: id, name: id };
}

/** Active users with the physician role: whom a conditional release can name as treating physician. */
export async function activePhysicians(db: Executor): Promise<Person[]> {
  const rows = await db
    .select({ id: users.id, username: users.username, name: users.displayName })
    .from(users)
    .where(and(eq(users.active, true), arrayContains(users.roles, ['physician'])))
    .orderBy(asc(users.displayName));
  return rows;
}
