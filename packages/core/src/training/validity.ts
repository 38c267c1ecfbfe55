/**
 * Validity arithmetic of training qualifications: when a qualification expires, whether it is valid
 * at an instant, how many calendar days it has left and which expiry window (30/60/90 days) it is in.
 *
 * The rule (docs/training-api.md, "Assessments, qualifications, the gate"): a qualification achieved
 * at an instant is valid until the same local wall-clock time `validityMonths` calendar months later
 * in the site's time zone, the day clamped to the last day of the target month (Jan 31 + 1 month =
 * Feb 28, or Feb 29 in a leap year); it is valid while `at < validUntil`. Months and leap years follow
 * the proleptic Gregorian calendar, as JavaScript dates and `Intl` do.
 */

import { instantOfWallClock, wallClockAt } from '../isbt128/time-zone';
import type { EffectiveQualificationStatus, StoredQualificationStatus } from './enums';

/** The longest requalification interval the catalogue allows (10 years). */
export const MAX_VALIDITY_MONTHS = 120;
/** The expiry windows the training dashboard reports, in days. */
export const EXPIRY_WINDOWS = [30, 60, 90] as const;
export type ExpiryWindow = (typeof EXPIRY_WINDOWS)[number];

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** Days in a month of the Gregorian calendar (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The instant `months` calendar months after `instant`, at the same wall-clock time in `timeZone`,
 * the day clamped to the target month's last day. Seconds and milliseconds are kept. A local time
 * that does not exist on the target day (skipped by a daylight-saving change) moves later by the gap.
 *
 * @example addMonthsInZone(new Date('2026-01-31T01:00:00Z'), 1, 'UTC') // 2026-02-28T01:00:00Z
 */
export function addMonthsInZone(instant: Date, months: number, timeZone: string): Date {
  const epochMs = instant.getTime();
  if (Number.isNaN(epochMs)) throw new RangeError('addMonthsInZone: instant is not a valid date');
  if (!Number.isSafeInteger(months)) throw new RangeError(`addMonthsInZone: months must be a whole number, not ${months}`);
  assertZone(timeZone);
  const wall = wallClockAt(epochMs, timeZone);
  const monthIndex = wall.year * 12 + (wall.month - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  const day = Math.min(wall.day, daysInMonth(year, month));
  // The wall clock is whole minutes; zone offsets are whole minutes, so the rest of the minute carries over.
  const withinMinute = epochMs - Math.floor(epochMs / MINUTE_MS) * MINUTE_MS;
  return new Date(instantOfWallClock({ ...wall, year, month, day }, timeZone) + withinMinute);
}

/** Expiry of a qualification; null when the course's qualification does not expire. */
export function qualificationValidUntil(achievedAt: Date, validityMonths: number | null, timeZone: string): Date | null {
  if (validityMonths === null) return null;
  if (!Number.isInteger(validityMonths) || validityMonths < 0 || validityMonths > MAX_VALIDITY_MONTHS) {
    throw new RangeError(`qualificationValidUntil: validityMonths must be 0–${MAX_VALIDITY_MONTHS} or null, not ${validityMonths}`);
  }
  return addMonthsInZone(achievedAt, validityMonths, timeZone);
}

/**
 * What a stored qualification is worth at `at`. Suspension, revocation, a required requalification
 * and supersession outrank the date: an expired and suspended qualification shows as suspended.
 */
export function effectiveQualificationStatus(
  qualification: { status: StoredQualificationStatus; validUntil: Date | null },
  at: Date,
): EffectiveQualificationStatus {
  if (qualification.status !== 'active') return qualification.status;
  if (qualification.validUntil === null) return 'valid';
  return at.getTime() < qualification.validUntil.getTime() ? 'valid' : 'expired';
}

/**
 * Calendar days from the local date of `at` to the local date of `validUntil` in `timeZone`:
 * 0 when it expires later today, 1 tomorrow, negative once the expiry date has passed.
 */
export function daysUntil(validUntil: Date, at: Date, timeZone: string): number {
  assertZone(timeZone);
  return localDayNumber(validUntil, timeZone) - localDayNumber(at, timeZone);
}

/**
 * The smallest expiry window (30, 60 or 90 days) that `daysLeft` falls in, or null when it is
 * already past (negative) or further away than 90 days. The windows nest: "within 60" includes
 * everything "within 30".
 */
export function expiryWindow(daysLeft: number): ExpiryWindow | null {
  if (daysLeft < 0) return null;
  return EXPIRY_WINDOWS.find((window) => daysLeft <= window) ?? null;
}

/** The instant the local calendar day of `at`, shifted by `days`, begins in `timeZone`. */
export function startOfLocalDay(at: Date, timeZone: string, days = 0): Date {
  assertZone(timeZone);
  const wall = wallClockAt(at.getTime(), timeZone);
  const date = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + days));
  return new Date(
    instantOfWallClock(
      { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: 0, minute: 0 },
      timeZone,
    ),
  );
}

/** The instants a calendar year begins and ends (exclusive) in `timeZone`. */
export function localYearBounds(year: number, timeZone: string): { start: Date; end: Date } {
  const months = localMonthStarts(year, timeZone);
  return { start: months[0]!, end: months[12]! };
}

/**
 * The 13 instants at which the months of a calendar year begin in `timeZone`: January 1 to
 * January 1 of the next year, so month m (1–12) runs from index m − 1 up to index m.
 */
export function localMonthStarts(year: number, timeZone: string): Date[] {
  assertZone(timeZone);
  return Array.from({ length: 13 }, (_, i) => {
    const [y, month] = i === 12 ? [year + 1, 1] : [year, i + 1];
    return new Date(instantOfWallClock({ year: y, month, day: 1, hour: 0, minute: 0 }, timeZone));
  });
}

/** The local calendar date of an instant, as YYYY-MM-DD. */
export function localDate(at: Date, timeZone: string): string {
  assertZone(timeZone);
  const wall = wallClockAt(at.getTime(), timeZone);
  return `${wall.year}-${String(wall.month).padStart(2, '0')}-${String(wall.day).padStart(2, '0')}`;
}

/** The local calendar year of an instant. */
export function localYear(at: Date, timeZone: string): number {
  assertZone(timeZone);
  return wallClockAt(at.getTime(), timeZone).year;
}

function localDayNumber(at: Date, timeZone: string): number {
  const wall = wallClockAt(at.getTime(), timeZone);
  return Date.UTC(wall.year, wall.month - 1, wall.day) / DAY_MS;
}

function assertZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw new RangeError(`"${timeZone}" is not an IANA time zone such as "Asia/Shanghai"`);
  }
}
