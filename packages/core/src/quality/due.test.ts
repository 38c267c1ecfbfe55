/**
 * Due dates at the day boundary. Asia/Shanghai is UTC+8 without daylight saving (since 1991), so its
 * local midnight is 16:00 UTC of the day before; Europe/Berlin switches from UTC+1 to UTC+2 at 01:00 UTC
 * on the last Sunday of March (EU Directive 2000/84/EC): 2026-03-29. Expected dates worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { addDays, daysOverdue, dueDateAfter, isIsoDate, isOverdue } from './due';

describe('addDays', () => {
  it.each([
    ['2026-12-31', 1, '2027-01-01'],
    ['2028-02-28', 1, '2028-02-29'], // 2028 is a leap year
    ['2027-02-28', 1, '2027-03-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-01-31', 30, '2026-03-02'],
    ['2026-11-25', 0, '2026-11-25'],
  ])('%s + %i days = %s', (date, days, expected) => expect(addDays(date, days)).toBe(expected));

  it('refuses what is not a date or a whole number of days', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2026-11-25', 1.5)).toThrow(RangeError);
  });
});

describe('isIsoDate', () => {
  it.each([
    ['2026-02-28', true],
    ['2028-02-29', true],
    ['2027-02-29', false],
    ['2026-13-01', false],
    ['2026-1-01', false],
    ['26-11-25', false],
  ])('%s → %s', (value, expected) => expect(isIsoDate(value)).toBe(expected));
});

describe('dueDateAfter (counts from the local date of opening)', () => {
  it.each([
    // 15:59 UTC is still 30 November in Shanghai (23:59); 16:00 UTC is already 1 December.
    ['2026-11-30T15:59:00Z', 30, 'Asia/Shanghai', '2026-12-30'],
    ['2026-11-30T16:00:00Z', 30, 'Asia/Shanghai', '2026-12-31'],
    ['2026-11-30T16:00:00Z', 30, 'UTC', '2026-12-30'],
    // 23:30 UTC on 28 March is 00:30 on 29 March in Berlin (UTC+1 before the switch at 01:00 UTC).
    ['2026-03-28T23:30:00Z', 1, 'Europe/Berlin', '2026-03-30'],
  ])('%s + %i days in %s = %s', (from, days, zone, expected) => expect(dueDateAfter(new Date(from), days, zone)).toBe(expected));
});

describe('isOverdue and daysOverdue (at the local day boundary)', () => {
  it.each([
    // Due 2026-12-25 in Shanghai: the 25th ends at 2026-12-25T16:00:00Z.
    ['2026-12-25T15:59:59Z', 'Asia/Shanghai', false, 0],
    ['2026-12-25T16:00:00Z', 'Asia/Shanghai', true, 1],
    ['2026-12-24T16:00:00Z', 'Asia/Shanghai', false, 0],
    // The same instant in UTC is still the 25th.
    ['2026-12-25T16:00:00Z', 'UTC', false, 0],
    ['2026-12-26T00:00:00Z', 'UTC', true, 1],
    // 16:00 UTC on 4 January is 00:00 on 5 January in Shanghai: 11 days after the 25th.
    ['2027-01-04T16:00:00Z', 'Asia/Shanghai', true, 11],
  ])('due 2026-12-25, at %s in %s → overdue %s, %i days', (at, zone, overdue, days) => {
    expect(isOverdue('2026-12-25', new Date(at), zone)).toBe(overdue);
    expect(daysOverdue('2026-12-25', new Date(at), zone)).toBe(days);
  });

  it('is never overdue once done or without a due date', () => {
    expect(isOverdue('2026-12-25', new Date('2027-06-01T00:00:00Z'), 'UTC', true)).toBe(false);
    expect(isOverdue(null, new Date('2027-06-01T00:00:00Z'), 'UTC')).toBe(false);
  });
});
