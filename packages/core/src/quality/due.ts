/**
 * Due dates of quality events (deviations, CAPA actions and effectiveness checks, change controls).
 * A due date is a calendar date in the site's time zone: "due 2026-12-25" means the work may still be
 * done on the 25th, local time, and is overdue from the first minute of the 26th. Deadlines count
 * calendar days (weekends and holidays included), as quality procedures usually state them.
 */
import { localDate } from '../training/validity';

export const DEVIATION_SEVERITIES = ['minor', 'major', 'critical'] as const;
export type DeviationSeverity = (typeof DEVIATION_SEVERITIES)[number];

/**
 * Days from opening to closure of a deviation, per severity, unless the site configures others. Site
 * policy, not a regulation: EU GMP and 21 CFR 211.192 require timely investigation without fixing a
 * number; 30 days is the common industry expectation.
 */
export const DEFAULT_DEVIATION_CLOSE_DAYS: Readonly<Record<DeviationSeverity, number>> = { minor: 30, major: 30, critical: 30 };
/** The longest closure period a site may configure (one year). */
export const MAX_CLOSE_DAYS = 365;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** True for a real calendar date written YYYY-MM-DD (2026-02-30 is not one). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value;
}

/**
 * The calendar date `days` after `date` (both YYYY-MM-DD); negative days go back.
 * @example addDays('2026-12-31', 1) // '2027-01-01'
 */
export function addDays(date: string, days: number): string {
  if (!isIsoDate(date)) throw new RangeError(`addDays: "${date}" is not a YYYY-MM-DD date`);
  if (!Number.isSafeInteger(days)) throw new RangeError(`addDays: days must be a whole number, not ${days}`);
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The due date `days` calendar days after the local date of `from` in `timeZone`.
 * @example dueDateAfter(new Date('2026-11-30T17:00:00Z'), 30, 'Asia/Shanghai') // '2026-12-31' (opened on Dec 1 local)
 */
export function dueDateAfter(from: Date, days: number, timeZone: string): string {
  return addDays(localDate(from, timeZone), days);
}

/** Overdue: not yet done and the local date at `at` is past the due date. No due date is never overdue. */
export function isOverdue(dueDate: string | null, at: Date, timeZone: string, done = false): boolean {
  if (done || dueDate === null) return false;
  return localDate(at, timeZone) > dueDate;
}

/** Whole local days past the due date at `at`: 0 on the due date itself and before it. */
export function daysOverdue(dueDate: string, at: Date, timeZone: string): number {
  const today = localDate(at, timeZone);
  return Math.max(0, Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${dueDate}T00:00:00Z`)) / DAY_MS));
}
