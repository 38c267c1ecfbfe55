/**
 * Wall-clock time in an IANA time zone ↔ UTC instant, using only `Intl.DateTimeFormat` (the
 * runtime's tz database), so the package needs no date library. Works to the minute, which is
 * all an ISBT 128 label carries.
 */

import { Isbt128Error, quote } from './errors';

export interface WallClock {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  /** 1–31 */
  readonly day: number;
  /** 0–23 */
  readonly hour: number;
  /** 0–59 */
  readonly minute: number;
}

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Throws `invalid_time_zone` unless the runtime knows the IANA zone name (e.g. `Asia/Shanghai`). */
export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

/** The wall clock in `timeZone` at an instant; seconds are dropped (rounded down). */
export function wallClockAt(epochMs: number, timeZone: string): WallClock {
  const parts = formatterFor(timeZone).formatToParts(new Date(epochMs));
  const field = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value);
  return {
    year: field('year'),
    month: field('month'),
    day: field('day'),
    hour: field('hour'),
    minute: field('minute'),
  };
}

/**
 * The instant a wall-clock time in `timeZone` denotes. Around daylight-saving changes this
 * follows RFC 5545 and Temporal's "compatible" choice: a time skipped by the spring-forward gap
 * is moved later by the gap's length; a time that occurs twice at fall-back takes the earlier one.
 */
export function instantOfWallClock(wall: WallClock, timeZone: string): number {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  // Real zones change offset at most once within a day, so the offsets a day either side are the
  // only two candidates.
  const earlierOffsetGuess = asUtc - offsetMs(asUtc - DAY_MS, timeZone);
  const laterOffsetGuess = asUtc - offsetMs(asUtc + DAY_MS, timeZone);
  const matches = [earlierOffsetGuess, laterOffsetGuess].filter((epochMs) =>
    sameWallClock(wallClockAt(epochMs, timeZone), wall),
  );
  if (matches.length > 0) return Math.min(...matches);
  return earlierOffsetGuess; // in the gap: the pre-transition offset lands after the gap
}

/** UTC offset of `timeZone` at an instant, in milliseconds (east of Greenwich positive). */
function offsetMs(epochMs: number, timeZone: string): number {
  const wholeMinute = Math.floor(epochMs / 60_000) * 60_000;
  const wall = wallClockAt(wholeMinute, timeZone);
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute) - wholeMinute;
}

function sameWallClock(a: WallClock, b: WallClock): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day && a.hour === b.hour && a.minute === b.minute;
}

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter) return formatter;
  try {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
  } catch {
    throw new Isbt128Error('invalid_time_zone', `${quote(timeZone)} is not an IANA time zone such as "Asia/Shanghai"`);
  }
  formatters.set(timeZone, formatter);
  return formatter;
}
