/**
 * First-run setup on an empty database: the bootstrap administrator and, with HEPATICA_DEMO=1,
 * the demo center. Returns the login lines to print.
 */
import { randomBytes } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import type { Config } from '../config';
import type { Database } from '../db/client';
import { users } from '../modules/identity/identity.tables';
import { createUser } from '../modules/identity/identity.service';
import { DEMO_PASSWORD } from './demo-password';
import { DEMO_USERS, seedDemoCenter } from './seed';

export async function firstRunSetup(database: Database, config: Pick<Config, 'adminPassword' | 'demo'>): Promise<string[]> {
  const { db } = database;
  const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(users);
  const lines: string[] = [];
  if (n === 0) {
    const password = config.adminPassword ?? generatedPassword();
    await createUser(db, { username: 'admin', displayName: 'Administrator', password, roles: ['admin'] });
    lines.push(`  admin        ${password}${config.adminPassword ? '   (from HEPATICA_ADMIN_PASSWORD)' : '   (generated, printed once)'}`);
    if (config.demo) await seedDemoCenter(db);
  }
  const [demoUser] = await db.select({ id: users.id }).from(users).where(eq(users.username, DEMO_USERS[0]!.username));
  if (demoUser) {
    lines.push(`  Demo center logins (password for each: ${DEMO_PASSWORD}):`);
    for (const u of DEMO_USERS) lines.push(`  ${u.username.padEnd(12)} ${u.roles.join(', ').padEnd(12)} ${u.displayName}`);
  }
  return lines;
}

/** 18 random bytes as base64url plus fixed classes, so the policy (3 of 4 classes) always holds. */
function generatedPassword(): string {
  return `${randomBytes(18).toString('base64url')}-Aa1`;
}
