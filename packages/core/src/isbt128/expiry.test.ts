import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  expiryToInstant,
  formatExpiry,
  formatExpiryDataStructure,
  isLeapYear,
  parseExpiry,
  validateExpiry,
} from './expiry';

/** Independent reference for ordinal day → date: walk the Gregorian month lengths. */
function referenceDate(year: number, dayOfYear: number): string {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const months = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  let day = dayOfYear;
  let month = 0;
  while (day > (months[month] ?? 0)) day -= months[month++] ?? 0;
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

describe('parseExpiry (cyyjjjhhmm)', () => {
  it.each([
    // ST-001 v6.2.2 Appendix C Figure 21, label 4: "0180292359" printed as "Expiry Date: 29 JAN 2018".
    { content: '0180292359', date: '2018-01-29', time: '23:59', source: 'ST-001 Fig. 21' },
    // ST-012 v1.4.0 §6.2 DataMatrix symbol 1: &>0183652359 beside SEC expiry 20181231.
    { content: '0183652359', date: '2018-12-31', time: '23:59', source: 'ST-012 §6.2' },
    // ST-012 v1.4.0 §7 Figure 12: collection date/time (same cyyjjjhhmm layout, DS 007) "0170091330 2017-01-09 13:30".
    { content: '0170091330', date: '2017-01-09', time: '13:30', source: 'ST-012 Fig. 12' },
    // Calendar edges, computed (Gregorian rule): 2024 and 2000 are leap years.
    { content: '0240600000', date: '2024-02-29', time: '00:00', source: 'computed' },
    { content: '0243662359', date: '2024-12-31', time: '23:59', source: 'computed' },
    { content: '0003661200', date: '2000-12-31', time: '12:00', source: 'computed' },
  ])('$content → $date $time ($source)', ({ content, date, time }) => {
    expect(parseExpiry(content)).toMatchObject({ content, date, time });
  });

  it('reads year = 2000 + cyy and the ordinal day', () => {
    expect(parseExpiry('0180292359')).toMatchObject({ year: 2018, dayOfYear: 29 });
  });
});

describe('validateExpiry', () => {
  it.each([
    { content: '0253662359', code: 'invalid_date', message: 'Expiry day 366 does not exist: 2025 is not a leap year' },
    { content: '1003662359', code: 'invalid_date', message: 'Expiry day 366 does not exist: 2100 is not a leap year' },
    {
      content: '0180002359',
      code: 'invalid_date',
      message: 'Expiry day 000 does not exist: days of the year run from 001 to 365',
    },
    {
      content: '0183672359',
      code: 'invalid_date',
      message: 'Expiry day 367 does not exist: days of the year run from 001 to 365',
    },
    {
      content: '0180292400',
      code: 'invalid_time',
      message: 'Expiry hour "24" does not exist: hours run from 00 to 23',
    },
    {
      content: '0180292360',
      code: 'invalid_time',
      message: 'Expiry minute "60" does not exist: minutes run from 00 to 59',
    },
    {
      content: '018029235',
      code: 'wrong_length',
      message: 'An expiration date and time has 10 characters; got 9 ("018029235")',
    },
    { content: '01802923590', code: 'wrong_length', message: undefined },
    { content: '01802923A9', code: 'invalid_character', message: undefined },
    { content: '', code: 'empty', message: undefined },
  ])('$content → $code', ({ content, code, message }) => {
    const problem = validateExpiry(content);
    expect(problem?.code).toBe(code);
    if (message) expect(problem?.message).toBe(message);
  });
});

describe('expiryToInstant', () => {
  it.each([
    // ST-001 v6.2.2 §7.4.4.2: "15 JAN 2017 15:15 EST (15 JAN 2017 20:15 UTC)".
    { content: '0170151515', timeZone: 'America/New_York', instant: '2017-01-15T20:15:00.000Z' },
    // China has had no DST since 1991 (IANA tzdb): Asia/Shanghai is UTC+8. Computed.
    { content: '0183652359', timeZone: 'Asia/Shanghai', instant: '2018-12-31T15:59:00.000Z' },
    // CET in January is UTC+1 (IANA tzdb, Europe/Berlin); ST-012 Figure 12's 13:30 CET. Computed.
    { content: '0170091330', timeZone: 'Europe/Berlin', instant: '2017-01-09T12:30:00.000Z' },
    { content: '0180292359', timeZone: 'UTC', instant: '2018-01-29T23:59:00.000Z' },
  ])('$content in $timeZone → $instant', ({ content, timeZone, instant }) => {
    expect(expiryToInstant(content, timeZone).toISOString()).toBe(instant);
  });

  // US DST 2025 (IANA tzdb): starts Sunday 9 March (day 068) 02:00 → 03:00, ends Sunday 2 November
  // (day 306) 02:00 → 01:00. The expected instants are written with explicit offsets as the reference.
  it.each([
    { content: '0250680159', instant: '2025-03-09T01:59:00-05:00', why: 'last minute before the gap' },
    { content: '0250680230', instant: '2025-03-09T03:30:00-04:00', why: 'inside the gap: moved forward by its length' },
    { content: '0250680300', instant: '2025-03-09T03:00:00-04:00', why: 'first minute after the gap' },
    { content: '0253060130', instant: '2025-11-02T01:30:00-04:00', why: 'repeated hour: the earlier instant' },
    { content: '0253060200', instant: '2025-11-02T02:00:00-05:00', why: 'after the repeated hour' },
  ])('America/New_York $content: $why', ({ content, instant }) => {
    expect(expiryToInstant(content, 'America/New_York').getTime()).toBe(Date.parse(instant));
  });

  it('refuses an unknown time zone', () => {
    expect(() => expiryToInstant('0180292359', 'Mars/Olympus_Mons')).toThrow(
      expect.objectContaining({ code: 'invalid_time_zone' }),
    );
  });
});

describe('formatExpiry', () => {
  it.each([
    { instant: '2018-12-31T15:59:00Z', timeZone: 'Asia/Shanghai', content: '0183652359' },
    { instant: '2018-12-31T15:59:59.999Z', timeZone: 'Asia/Shanghai', content: '0183652359' }, // seconds dropped
    { instant: '2017-01-15T20:15:00Z', timeZone: 'America/New_York', content: '0170151515' }, // ST-001 §7.4.4.2
    { instant: '2024-02-28T16:00:00Z', timeZone: 'Asia/Shanghai', content: '0240600000' }, // midnight local
  ])('$instant in $timeZone → $content', ({ instant, timeZone, content }) => {
    expect(formatExpiry(new Date(instant), timeZone)).toBe(content);
  });

  it('builds the data structure with its identifier &> (ST-001 §2.4.5)', () => {
    expect(formatExpiryDataStructure(new Date('2018-12-31T15:59:00Z'), 'Asia/Shanghai')).toBe('&>0183652359');
  });

  it.each([
    { instant: new Date('1999-12-31T00:00:00Z'), code: 'invalid_date' },
    { instant: new Date('nonsense'), code: 'invalid_argument' },
  ])('refuses $instant', ({ instant, code }) => {
    expect(() => formatExpiry(instant, 'UTC')).toThrow(expect.objectContaining({ code }));
  });
});

describe('properties', () => {
  const minuteInstant = fc
    .integer({ min: Date.UTC(2000, 0, 2) / 60_000, max: Date.UTC(2999, 11, 30) / 60_000 })
    .map((minutes) => new Date(minutes * 60_000));

  it('ordinal days agree with a month-walking reference and with leap-year rules', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2999 }), fc.integer({ min: 1, max: 366 }), (year, day) => {
        const content = `${String(year - 2000).padStart(3, '0')}${String(day).padStart(3, '0')}2359`;
        if (day === 366 && !isLeapYear(year)) {
          expect(validateExpiry(content)?.code).toBe('invalid_date');
        } else {
          expect(parseExpiry(content).date).toBe(referenceDate(year, day));
        }
      }),
    );
  });

  it.each(['UTC', 'Asia/Shanghai', 'Asia/Kolkata'])('instants round-trip in %s (no DST)', (timeZone) => {
    fc.assert(
      fc.property(minuteInstant, (instant) => {
        expect(expiryToInstant(formatExpiry(instant, timeZone), timeZone).getTime()).toBe(instant.getTime());
      }),
    );
  });

  it('in a DST zone the label time round-trips, and reading never gives a later instant', () => {
    fc.assert(
      fc.property(minuteInstant, (instant) => {
        const content = formatExpiry(instant, 'America/New_York');
        const read = expiryToInstant(content, 'America/New_York');
        expect(read.getTime()).toBeLessThanOrEqual(instant.getTime());
        expect(formatExpiry(read, 'America/New_York')).toBe(content);
      }),
    );
  });
});
