/**
 * What the clinical demo seeds share: acting as a demo user (so every audit event names who would have done
 * it), the demo password as a signature, and times of day at the demo site (Asia/Shanghai, UTC+8 all year:
 * China keeps no daylight saving time) a number of calendar days before the seed runs.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { runWithContext } from '../platform/context';
import { users } from '../modules/identity/identity.tables';
import { actorOf } from '../modules/identity/sessions';
import { DEMO_PASSWORD } from './demo-password';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** Runs `fn` as the demo user, as a request of theirs would. */
export async function as<T>(db: Db, username: string, fn: () => Promise<T>): Promise<T> {
  const [user] = await db.select().from(users).where(eq(users.username, username));
  if (!user) throw new Error(`demo user ${username} is missing`);
  return runWithContext({ requestId: 'demo-seed', actor: actorOf(user) }, fn);
}

export async function userId(db: Db, username: string): Promise<string> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  if (!user) throw new Error(`demo user ${username} is missing`);
  return user.id;
}

/** The demo user's signature with the demo password. */
export const signed = (meaning: string) => ({ password: DEMO_PASSWORD, meaning });

const SITE_OFFSET = '+08:00';
const SITE_OFFSET_MS = 8 * HOUR;

/** The site's calendar day `daysAgo` days before now (YYYY-MM-DD). */
export function siteDayAgo(daysAgo: number, now = Date.now()): string {
  return new Date(now + SITE_OFFSET_MS - daysAgo * DAY).toISOString().slice(0, 10);
}

/**
 * The instant of `hh:mm` at the site, `daysAgo` calendar days before today; never later than a minute ago
 * (a time of day still to come today is moved back to one minute ago, so no service sees it in the future).
 */
export function siteAt(daysAgo: number, time: string, now = Date.now()): Date {
  const at = new Date(`${siteDayAgo(daysAgo, now)}T${time}:00${SITE_OFFSET}`);
  return at.getTime() > now - 60_000 ? new Date(now - 60_000) : at;
}

export const iso = (d: Date) => d.toISOString();
