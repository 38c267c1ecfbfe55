/**
 * Expiration Date and Time, ISBT 128 Data Structure 005 (ST-001 v6.2.2 §2.4.5): `&>cyyjjjhhmm`,
 * c century, yy year, jjj ordinal ("Julian") day 001–366, hhmm 00:00–23:59. The label shows the
 * facility's local time, so converting to an instant needs the facility's IANA time zone.
 *
 * Year: ST-001 calls c "the century"; its published examples read `0180292359` as 29 JAN 2018
 * (Appendix C, Figure 21) — cyy are the year's last three digits, year = 2000 + cyy (2000–2999).
 */

import { CHARSET, checkElements, type ElementSpec } from './elements';
import { Isbt128Error, quote } from './errors';
import { assertTimeZone, instantOfWallClock, wallClockAt } from './time-zone';

export interface ParsedExpiry {
  /** The 10-character data content `cyyjjjhhmm`. */
  readonly content: string;
  readonly year: number;
  /** 1–366 */
  readonly dayOfYear: number;
  /** Local calendar date at the facility, `YYYY-MM-DD`. */
  readonly date: string;
  /** Local time at the facility, `HH:mm`. */
  readonly time: string;
}

export const EXPIRY_DATA_IDENTIFIER = '&>';
/** ST-001 §2.4.5: when no time is specified, 2359 is encoded. */
export const END_OF_DAY = '2359';

const FIRST_YEAR = 2000;
const LAST_YEAR = 2999;
const DAY_MS = 86_400_000;

const EXPIRY_LAYOUT: readonly ElementSpec[] = [
  { field: 'year', length: 3, allowed: CHARSET.digit, expected: 'a digit (century and year, cyy)' },
  { field: 'dayOfYear', length: 3, allowed: CHARSET.digit, expected: 'a digit (day of the year, 001-366)' },
  { field: 'time', length: 4, allowed: CHARSET.digit, expected: 'a digit (time, hhmm)' },
];

/** Returns what is wrong with a `cyyjjjhhmm` content, or null when it names a real date and time. */
export function validateExpiry(content: string): Isbt128Error | null {
  const problem = checkElements(content, EXPIRY_LAYOUT, 'expiration date and time');
  if (problem) return problem;
  const year = FIRST_YEAR + Number(content.slice(0, 3));
  const dayOfYear = Number(content.slice(3, 6));
  if (dayOfYear < 1 || dayOfYear > daysInYear(year)) {
    const why =
      dayOfYear === 366 ? `${year} is not a leap year` : `days of the year run from 001 to ${daysInYear(year)}`;
    return new Isbt128Error('invalid_date', `Expiry day ${content.slice(3, 6)} does not exist: ${why}`, 'dayOfYear');
  }
  return checkTime(content.slice(6, 8), content.slice(8, 10));
}

/**
 * Reads a `cyyjjjhhmm` content (without `&>`).
 * @example parseExpiry('0180292359') // { year: 2018, dayOfYear: 29, date: '2018-01-29', time: '23:59', … }
 */
export function parseExpiry(content: string): ParsedExpiry {
  const problem = validateExpiry(content);
  if (problem) throw problem;
  const year = FIRST_YEAR + Number(content.slice(0, 3));
  const dayOfYear = Number(content.slice(3, 6));
  const date = new Date(Date.UTC(year, 0, dayOfYear)).toISOString().slice(0, 10);
  return { content, year, dayOfYear, date, time: `${content.slice(6, 8)}:${content.slice(8, 10)}` };
}

/**
 * The UTC instant at which a product expires, reading the label time in the facility's zone.
 * @example expiryToInstant('0170151515', 'America/New_York').toISOString() // '2017-01-15T20:15:00.000Z'
 */
export function expiryToInstant(content: string, timeZone: string): Date {
  assertTimeZone(timeZone);
  const expiry = parseExpiry(content);
  const [month, day] = expiry.date.slice(5).split('-').map(Number) as [number, number];
  const [hour, minute] = expiry.time.split(':').map(Number) as [number, number];
  return new Date(instantOfWallClock({ year: expiry.year, month, day, hour, minute }, timeZone));
}

/**
 * The `cyyjjjhhmm` content for an expiry instant, in the facility's local time. Seconds are
 * dropped, so the label never shows a later expiry than the real one.
 * @example formatExpiry(new Date('2018-12-31T15:59:00Z'), 'Asia/Shanghai') // '0183652359'
 */
export function formatExpiry(instant: Date, timeZone: string): string {
  const epochMs = instant.getTime();
  if (Number.isNaN(epochMs)) throw new Isbt128Error('invalid_argument', 'The expiry instant is not a valid date');
  const wall = wallClockAt(epochMs, timeZone);
  if (wall.year < FIRST_YEAR || wall.year > LAST_YEAR) {
    throw new Isbt128Error('invalid_date', `ISBT 128 dates cover ${FIRST_YEAR}-${LAST_YEAR}; got ${wall.year}`, 'year');
  }
  const dayOfYear = (Date.UTC(wall.year, wall.month - 1, wall.day) - Date.UTC(wall.year, 0, 1)) / DAY_MS + 1;
  return [wall.year - FIRST_YEAR, dayOfYear, wall.hour, wall.minute]
    .map((value, index) => String(value).padStart(index < 2 ? 3 : 2, '0'))
    .join('');
}

/** The bar code data of Data Structure 005: `&>` + `cyyjjjhhmm`. */
export function formatExpiryDataStructure(instant: Date, timeZone: string): string {
  return `${EXPIRY_DATA_IDENTIFIER}${formatExpiry(instant, timeZone)}`;
}

/** Gregorian leap years: every 4th year, except centuries not divisible by 400. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

function checkTime(hh: string, mm: string): Isbt128Error | null {
  if (Number(hh) > 23) {
    return new Isbt128Error('invalid_time', `Expiry hour ${quote(hh)} does not exist: hours run from 00 to 23`, 'time');
  }
  if (Number(mm) > 59) {
    return new Isbt128Error(
      'invalid_time',
      `Expiry minute ${quote(mm)} does not exist: minutes run from 00 to 59`,
      'time',
    );
  }
  return null;
}
