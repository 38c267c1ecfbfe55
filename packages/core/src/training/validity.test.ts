/**
 * Validity arithmetic of qualifications. The rule is our policy (docs/training-api.md: "validUntil =
 * achievedAt + validityMonths in the site time zone, same local time, clamped to the month's last day;
 * valid while at < validUntil"); months and leap years follow the Gregorian calendar (a year is a leap
 * year when divisible by 4, except centuries not divisible by 400). Every expected value below was
 * worked out by hand and is checked again by `reference`, an independent implementation that uses
 * neither Date nor Intl: Howard Hinnant's civil-day algorithms and the zones' offset rules written
 * out (Asia/Shanghai UTC+8 without daylight saving since 1991; Europe/Berlin UTC+1, UTC+2 from 01:00
 * UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October, EU Directive 2000/84/EC).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonthsInZone,
  daysInMonth,
  daysUntil,
  effectiveQualificationStatus,
  expiryWindow,
  localDate,
  localMonthStarts,
  localYearBounds,
  qualificationValidUntil,
  startOfLocalDay,
} from './validity';
import type { StoredQualificationStatus } from './enums';

// ---------------------------------------------------------------- independent reference

const MINUTE = 60_000;
const DAY = 86_400_000;

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function monthLength(year: number, month: number): number {
  return [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms"). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z: number): { y: number; m: number; d: number } {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return { y: era * 400 + yoe + (m <= 2 ? 1 : 0), m, d };
}

/** Last Sunday of a month at 01:00 UTC, in ms (1970-01-01 was a Thursday: weekday = (days + 4) mod 7, 0 = Sunday). */
function lastSunday0100Utc(year: number, month: number): number {
  const last = daysFromCivil(year, month, monthLength(year, month));
  const weekday = (((last + 4) % 7) + 7) % 7;
  return (last - weekday) * DAY + 60 * MINUTE;
}

const ZONES: Record<string, { offsets: number[]; offsetAt: (ms: number) => number }> = {
  UTC: { offsets: [0], offsetAt: () => 0 },
  'Asia/Shanghai': { offsets: [480], offsetAt: () => 480 },
  'Europe/Berlin': {
    offsets: [60, 120],
    offsetAt: (ms) => {
      const { y } = civilFromDays(Math.floor(ms / DAY));
      return ms >= lastSunday0100Utc(y, 3) && ms < lastSunday0100Utc(y, 10) ? 120 : 60;
    },
  },
};

/** Local wall clock (minutes since the epoch, as if UTC) → instant, with Temporal's "compatible" disambiguation. */
function referenceInstant(localMinutes: number, zone: string): number {
  const { offsets, offsetAt } = ZONES[zone]!;
  const fits = offsets.filter((o) => offsetAt((localMinutes - o) * MINUTE) === o).map((o) => (localMinutes - o) * MINUTE);
  if (fits.length > 0) return Math.min(...fits);
  // In a spring-forward gap: read the time with the offset before the change, which lands after the gap.
  return (localMinutes - Math.min(...offsets)) * MINUTE;
}

/** achievedAt + months by the rule, computed without Date or Intl. */
function reference(fromIso: string, months: number, zone: string): string {
  const fromMs = Date.parse(fromIso);
  const seconds = fromMs % MINUTE;
  const wholeMinute = fromMs - seconds;
  const localMinutes = wholeMinute / MINUTE + ZONES[zone]!.offsetAt(wholeMinute);
  const days = Math.floor(localMinutes / 1440);
  const minuteOfDay = localMinutes - days * 1440;
  const { y, m, d } = civilFromDays(days);
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = (index % 12) + 1;
  const td = Math.min(d, monthLength(ty, tm));
  const targetLocal = daysFromCivil(ty, tm, td) * 1440 + minuteOfDay;
  return new Date(referenceInstant(targetLocal, zone) + seconds).toISOString();
}

// ---------------------------------------------------------------- the rule

describe('addMonthsInZone', () => {
  it.each([
    // Month ends: the day is clamped to the target month's last day.
    { from: '2026-01-31T09:00:00.000Z', months: 1, zone: 'UTC', to: '2026-02-28T09:00:00.000Z', why: 'Jan 31 + 1 → Feb 28 (2026 is not leap)' },
    { from: '2028-01-31T09:00:00.000Z', months: 1, zone: 'UTC', to: '2028-02-29T09:00:00.000Z', why: 'Jan 31 + 1 → Feb 29 (2028 is leap)' },
    { from: '2026-08-31T09:00:00.000Z', months: 6, zone: 'UTC', to: '2027-02-28T09:00:00.000Z', why: 'Aug 31 + 6 → Feb 28' },
    { from: '2027-08-31T09:00:00.000Z', months: 6, zone: 'UTC', to: '2028-02-29T09:00:00.000Z', why: 'Aug 31 + 6 → Feb 29 (leap)' },
    { from: '2026-03-31T09:00:00.000Z', months: 1, zone: 'UTC', to: '2026-04-30T09:00:00.000Z', why: 'Mar 31 + 1 → Apr 30' },
    { from: '2026-12-15T09:00:00.000Z', months: 1, zone: 'UTC', to: '2027-01-15T09:00:00.000Z', why: 'across the year end' },
    // Leap years: Feb 29 exists only every fourth year (and not in 2100).
    { from: '2028-02-29T09:00:00.000Z', months: 12, zone: 'UTC', to: '2029-02-28T09:00:00.000Z', why: 'Feb 29 + 12 → Feb 28' },
    { from: '2028-02-29T09:00:00.000Z', months: 48, zone: 'UTC', to: '2032-02-29T09:00:00.000Z', why: 'Feb 29 + 48 → Feb 29' },
    { from: '2096-02-29T09:00:00.000Z', months: 48, zone: 'UTC', to: '2100-02-28T09:00:00.000Z', why: '2100 is not leap (century rule)' },
    // Site time zone: the local date counts, not the UTC date.
    { from: '2026-01-31T20:00:00.000Z', months: 1, zone: 'Asia/Shanghai', to: '2026-02-28T20:00:00.000Z', why: 'Feb 1 04:00 local + 1 → Mar 1 04:00 local' },
    { from: '2026-01-30T20:00:00.000Z', months: 1, zone: 'Asia/Shanghai', to: '2026-02-27T20:00:00.000Z', why: 'Jan 31 04:00 local + 1 → Feb 28 04:00 local (UTC would say Feb 28 20:00Z)' },
    { from: '2026-01-31T17:00:00.000Z', months: 12, zone: 'Asia/Shanghai', to: '2027-01-31T17:00:00.000Z', why: 'Feb 1 01:00 local + 12' },
    // Daylight saving (Europe/Berlin): the local time is kept, so the UTC time moves by the hour.
    { from: '2026-01-15T08:00:00.000Z', months: 6, zone: 'Europe/Berlin', to: '2026-07-15T07:00:00.000Z', why: '09:00 CET → 09:00 CEST' },
    { from: '2026-05-10T07:00:00.000Z', months: 6, zone: 'Europe/Berlin', to: '2026-11-10T08:00:00.000Z', why: '09:00 CEST → 09:00 CET' },
    { from: '2026-01-29T01:30:00.000Z', months: 2, zone: 'Europe/Berlin', to: '2026-03-29T01:30:00.000Z', why: '02:30 does not exist on Mar 29 2026: 03:30 CEST' },
    // Bounds of the catalogue: 0 and 120 months.
    { from: '2026-05-20T03:15:00.000Z', months: 0, zone: 'Asia/Shanghai', to: '2026-05-20T03:15:00.000Z', why: '0 months: the same instant' },
    { from: '2028-02-29T02:00:00.000Z', months: 120, zone: 'Asia/Shanghai', to: '2038-02-28T02:00:00.000Z', why: '120 months from Feb 29 → Feb 28' },
    { from: '2026-02-28T02:00:00.000Z', months: 120, zone: 'Asia/Shanghai', to: '2036-02-28T02:00:00.000Z', why: '120 months' },
    // Seconds and milliseconds are kept.
    { from: '2026-04-30T01:02:03.456Z', months: 1, zone: 'Asia/Shanghai', to: '2026-05-30T01:02:03.456Z', why: 'seconds kept' },
  ])('$why', ({ from, months, zone, to }) => {
    expect(reference(from, months, zone), 'hand-computed value disagrees with the independent reference').toBe(to);
    expect(addMonthsInZone(new Date(from), months, zone).toISOString()).toBe(to);
  });

  it('agrees with the independent reference for any instant 2000–2037 and 0–120 months', () => {
    const instants = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2037, 0, 1) });
    fc.assert(
      fc.property(instants, fc.integer({ min: 0, max: 120 }), fc.constantFrom('UTC', 'Asia/Shanghai', 'Europe/Berlin'), (ms, months, zone) => {
        const from = new Date(ms).toISOString();
        // An hour repeated at fall-back is ambiguous in reverse; the reference cannot tell which one was meant.
        fc.pre(!(zone === 'Europe/Berlin' && inRepeatedHour(ms)));
        expect(addMonthsInZone(new Date(ms), months, zone).toISOString()).toBe(reference(from, months, zone));
      }),
      { numRuns: 500 },
    );
  });

  it('refuses an unknown zone, an invalid date and fractional months', () => {
    expect(() => addMonthsInZone(new Date('2026-01-01T00:00:00Z'), 1, 'Mars/Olympus')).toThrow(/IANA time zone/);
    expect(() => addMonthsInZone(new Date('nonsense'), 1, 'UTC')).toThrow(/valid date/);
    expect(() => addMonthsInZone(new Date('2026-01-01T00:00:00Z'), 1.5, 'UTC')).toThrow(/whole number/);
  });
});

/** The hour after a fall-back change in Berlin, when local times repeat (01:00–02:00 UTC on the last Sunday of October). */
function inRepeatedHour(ms: number): boolean {
  const { y } = civilFromDays(Math.floor(ms / DAY));
  const change = lastSunday0100Utc(y, 10);
  return ms >= change - 60 * MINUTE && ms < change + 60 * MINUTE;
}

describe('qualificationValidUntil', () => {
  it('adds the course validity in the site time zone', () => {
    expect(qualificationValidUntil(new Date('2026-01-31T20:00:00Z'), 1, 'Asia/Shanghai')?.toISOString()).toBe('2026-02-28T20:00:00.000Z');
    // Feb 1 2026 04:00 local + 24 months → Feb 1 2028 04:00 local, which is still Jan 31 in UTC.
    expect(qualificationValidUntil(new Date('2026-01-31T20:00:00Z'), 24, 'Asia/Shanghai')?.toISOString()).toBe('2028-01-31T20:00:00.000Z');
    expect(reference('2026-01-31T20:00:00.000Z', 24, 'Asia/Shanghai')).toBe('2028-01-31T20:00:00.000Z');
  });

  it('is null when the course does not expire', () => {
    expect(qualificationValidUntil(new Date('2026-01-31T20:00:00Z'), null, 'Asia/Shanghai')).toBeNull();
  });

  it.each([-1, 121, 2.5])('refuses a validity of %s months', (months) => {
    expect(() => qualificationValidUntil(new Date('2026-01-31T20:00:00Z'), months, 'UTC')).toThrow(RangeError);
  });
});

describe('effectiveQualificationStatus', () => {
  const validUntil = new Date('2027-02-28T20:00:00.000Z');
  it.each<{ status: StoredQualificationStatus; until: Date | null; at: string; effective: string }>([
    { status: 'active', until: validUntil, at: '2027-02-28T19:59:59.999Z', effective: 'valid' },
    { status: 'active', until: validUntil, at: '2027-02-28T20:00:00.000Z', effective: 'expired' }, // valid while at < validUntil
    { status: 'active', until: validUntil, at: '2030-01-01T00:00:00.000Z', effective: 'expired' },
    { status: 'active', until: null, at: '2099-01-01T00:00:00.000Z', effective: 'valid' },
    { status: 'suspended', until: validUntil, at: '2026-06-01T00:00:00.000Z', effective: 'suspended' },
    { status: 'suspended', until: validUntil, at: '2030-01-01T00:00:00.000Z', effective: 'suspended' },
    { status: 'revoked', until: null, at: '2026-06-01T00:00:00.000Z', effective: 'revoked' },
    { status: 'requalification_required', until: validUntil, at: '2026-06-01T00:00:00.000Z', effective: 'requalification_required' },
    { status: 'superseded', until: validUntil, at: '2026-06-01T00:00:00.000Z', effective: 'superseded' },
  ])('$status until $until at $at → $effective', ({ status, until, at, effective }) => {
    expect(effectiveQualificationStatus({ status, validUntil: until }, new Date(at))).toBe(effective);
  });
});

describe('daysUntil and expiry windows', () => {
  // Expires 2026-03-01 04:00 Asia/Shanghai (UTC+8).
  const validUntil = new Date('2026-02-28T20:00:00Z');
  it.each([
    { at: '2026-02-28T15:59:00Z', days: 1, why: 'Feb 28 23:59 local: tomorrow' },
    { at: '2026-02-28T16:00:00Z', days: 0, why: 'Mar 1 00:00 local: today (UTC still says Feb 28)' },
    { at: '2026-02-28T21:00:00Z', days: 0, why: 'Mar 1 05:00 local: expired earlier today' },
    { at: '2026-03-01T16:00:00Z', days: -1, why: 'Mar 2 local: yesterday' },
    { at: '2025-12-01T00:00:00Z', days: 90, why: 'Dec 1 → Mar 1: 30 + 31 + 28 + 1 = 90 days' },
  ])('$why → $days', ({ at, days }) => {
    expect(daysUntil(validUntil, new Date(at), 'Asia/Shanghai')).toBe(days);
  });

  it.each([
    [-1, null],
    [0, 30],
    [30, 30],
    [31, 60],
    [60, 60],
    [61, 90],
    [90, 90],
    [91, null],
  ])('%s days left → window %s', (days, window) => {
    expect(expiryWindow(days)).toBe(window);
  });
});

describe('calendar helpers', () => {
  it('knows the length of every month of leap and common years', () => {
    for (const year of [1900, 2000, 2026, 2028, 2100]) {
      for (let month = 1; month <= 12; month++) expect(daysInMonth(year, month), `${year}-${month}`).toBe(monthLength(year, month));
    }
  });

  it('finds the year bounds and local days in the site time zone', () => {
    expect(localYearBounds(2026, 'Asia/Shanghai')).toEqual({
      start: new Date('2025-12-31T16:00:00Z'),
      end: new Date('2026-12-31T16:00:00Z'),
    });
    const months = localMonthStarts(2026, 'Europe/Berlin');
    expect(months).toHaveLength(13);
    expect(months[2]!.toISOString()).toBe('2026-02-28T23:00:00.000Z'); // Mar 1 00:00 CET
    expect(months[3]!.toISOString()).toBe('2026-03-31T22:00:00.000Z'); // Apr 1 00:00 CEST
    expect(months[12]!.toISOString()).toBe('2026-12-31T23:00:00.000Z');
    expect(startOfLocalDay(new Date('2026-02-28T16:30:00Z'), 'Asia/Shanghai').toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect(startOfLocalDay(new Date('2026-02-28T16:30:00Z'), 'Asia/Shanghai', 31).toISOString()).toBe('2026-03-31T16:00:00.000Z');
    expect(startOfLocalDay(new Date('2026-03-29T12:00:00Z'), 'Europe/Berlin').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(localDate(new Date('2026-01-31T20:00:00Z'), 'Asia/Shanghai')).toBe('2026-02-01');
  });
});
