import { describe, expect, it } from 'vitest';
import {
  addMonths, generateVisits, isWithinWindow, occurrenceDays, scheduleProblems, siteDay, visitStatus, weekOf,
  type VisitDefinitionRule,
} from './visits';

const def = (over: Partial<VisitDefinitionRule>): VisitDefinitionRule => ({
  id: 'd1', code: 'D28', name: { en: 'Day 28', zh: '第28天' }, phase: 'follow_up', anchor: 'infusion',
  dayOffset: 28, windowBefore: 3, windowAfter: 3, assessments: ['labs'], repeat: null, ...over,
});

describe('siteDay: the calendar day at the site', () => {
  it.each([
    // Asia/Shanghai is UTC+8 all year (no DST since 1991).
    ['2026-03-07T15:59:00Z', 'Asia/Shanghai', '2026-03-07'],
    ['2026-03-07T16:00:00Z', 'Asia/Shanghai', '2026-03-08'],
    // New York: EST (UTC-5) before 2026-03-08 02:00, EDT (UTC-4) after.
    ['2026-03-08T04:59:00Z', 'America/New_York', '2026-03-07'],
    ['2026-03-08T05:00:00Z', 'America/New_York', '2026-03-08'],
    ['2026-03-09T03:59:00Z', 'America/New_York', '2026-03-08'],
    ['2026-03-09T04:00:00Z', 'America/New_York', '2026-03-09'],
  ])('%s in %s is %s', (at, zone, day) => {
    expect(siteDay(new Date(at), zone)).toBe(day);
  });
});

describe('generateVisits: day offsets are calendar days, not 24-hour steps', () => {
  it.each([
    // Anchor on the day before the US spring-forward: day 7 is still the 7th calendar day.
    ['2026-03-07', 7, '2026-03-14'],
    ['2026-10-31', 7, '2026-11-07'], // across the US fall-back (2026-11-01)
    ['2026-12-28', 7, '2027-01-04'], // across the year
    ['2026-03-01', -14, '2026-02-15'], // negative offset (screening before the anchor)
  ])('anchor %s + %i days = %s', (anchor, dayOffset, target) => {
    const { visits } = generateVisits([def({ dayOffset })], { infusion: anchor });
    expect(visits[0]!.targetDate).toBe(target);
    expect(visits[0]!.dayOffset).toBe(dayOffset);
  });

  it('an infusion late in the evening in New York is anchored on that New York day', () => {
    const anchor = siteDay(new Date('2026-03-08T02:30:00Z'), 'America/New_York'); // 21:30 EST on Mar 7
    expect(anchor).toBe('2026-03-07');
    expect(generateVisits([def({ dayOffset: 1, windowBefore: 0, windowAfter: 0 })], { infusion: anchor }).visits[0]!.targetDate).toBe('2026-03-08');
  });

  it('gives windows around the target day', () => {
    const v = generateVisits([def({})], { infusion: '2026-11-02' }).visits[0]!;
    expect(v).toMatchObject({ code: 'D28', occurrence: null, targetDate: '2026-11-30', windowStart: '2026-11-27', windowEnd: '2026-12-03' });
  });

  it('an anchor not yet happened puts the definition in awaiting', () => {
    const s = generateVisits([def({ code: 'SCR', anchor: 'consent', dayOffset: 0 }), def({})], { consent: '2026-01-05', infusion: null });
    expect(s.visits.map((v) => v.code)).toEqual(['SCR']);
    expect(s.awaiting.map((d) => d.code)).toEqual(['D28']);
  });

  it('numbers repeated occurrences <code>.<n> and sorts by target day', () => {
    const s = generateVisits(
      [def({ code: 'M3', dayOffset: 90 }), def({ id: 'd2', code: 'CRS', dayOffset: 1, windowBefore: 0, windowAfter: 0, repeat: { every: 1, unit: 'day', count: 14 } })],
      { infusion: '2026-01-01' },
    );
    expect(s.visits.map((v) => v.code)).toEqual([...Array.from({ length: 14 }, (_, i) => `CRS.${i + 1}`), 'M3']);
    expect(s.visits[13]).toMatchObject({ targetDate: '2026-01-15', occurrence: 14, dayOffset: 14 });
  });
});

describe('monthly and yearly repeats are calendar months, clamped to the month end', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'], // leap year
    ['2026-01-31', 3, '2026-04-30'],
    ['2028-02-29', 12, '2029-02-28'],
    ['2026-11-30', 3, '2027-02-28'],
  ])('%s + %i months = %s', (day, months, expected) => {
    expect(addMonths(day, months)).toBe(expected);
  });

  it('each occurrence counts from the first, so Jan 31 monthly gives Feb 28 then Mar 31', () => {
    expect(occurrenceDays({ dayOffset: 0, phase: 'follow_up', repeat: { every: 1, unit: 'month', count: 3 } }, '2026-01-31'))
      .toEqual(['2026-01-31', '2026-02-28', '2026-03-31']);
  });
});

describe('long-term follow-up', () => {
  const ltfu = def({ code: 'LTFU', phase: 'ltfu', dayOffset: 365, windowBefore: 30, windowAfter: 30, repeat: { every: 1, unit: 'year' } });
  it.each([['2026-01-15'], ['2027-06-30'], ['2028-02-29']])('yearly for 15 years from an infusion on %s gives 15 visits', (infusion) => {
    const { visits } = generateVisits([ltfu], { infusion }, 15);
    expect(visits).toHaveLength(15);
    expect(visits[0]!.code).toBe('LTFU.1');
    expect(visits[14]!.code).toBe('LTFU.15');
    expect(visits[14]!.targetDate <= addMonths(infusion, 180)).toBe(true);
  });
  it('without the follow-up years an open-ended repeat gives nothing', () => {
    expect(generateVisits([ltfu], { infusion: '2026-01-15' }, null).visits).toHaveLength(0);
  });
});

describe('visitStatus on site days', () => {
  const w = { windowStart: '2026-03-05', windowEnd: '2026-03-11' };
  it.each([
    ['2026-03-04T15:59:00Z', 'upcoming'], // 23:59 on Mar 4 in Shanghai
    ['2026-03-04T16:00:00Z', 'in_window'], // 00:00 on Mar 5 (window start)
    ['2026-03-11T15:59:00Z', 'in_window'], // 23:59 on Mar 11 (window end)
    ['2026-03-11T16:00:00Z', 'overdue'], // the day after
  ])('at %s in Shanghai: %s', (at, status) => {
    expect(visitStatus(w, new Date(at), 'Asia/Shanghai')).toBe(status);
  });
  it.each([
    ['2026-03-05T04:59:00Z', 'upcoming'], // 23:59 EST Mar 4
    ['2026-03-05T05:00:00Z', 'in_window'],
    ['2026-03-12T03:59:00Z', 'in_window'], // 23:59 EDT Mar 11 (after spring-forward)
    ['2026-03-12T04:00:00Z', 'overdue'],
  ])('at %s in New York: %s', (at, status) => {
    expect(visitStatus(w, new Date(at), 'America/New_York')).toBe(status);
  });
  it('done or missed wins over the calendar', () => {
    expect(visitStatus({ ...w, recorded: 'done' }, new Date('2027-01-01T00:00:00Z'), 'Asia/Shanghai')).toBe('done');
    expect(visitStatus({ ...w, recorded: 'missed' }, new Date('2026-01-01T00:00:00Z'), 'Asia/Shanghai')).toBe('missed');
  });
  it('flags a visit done outside its window', () => {
    expect(isWithinWindow(w, new Date('2026-03-11T15:00:00Z'), 'Asia/Shanghai')).toBe(true);
    expect(isWithinWindow(w, new Date('2026-03-11T16:30:00Z'), 'Asia/Shanghai')).toBe(false);
    expect(isWithinWindow(w, new Date('2026-03-04T15:00:00Z'), 'Asia/Shanghai')).toBe(false);
  });
});

describe('weekOf and scheduleProblems', () => {
  it('Monday to Sunday', () => {
    expect(weekOf('2026-12-07')).toEqual({ from: '2026-12-07', to: '2026-12-13' }); // a Monday
    expect(weekOf('2026-12-13')).toEqual({ from: '2026-12-07', to: '2026-12-13' }); // a Sunday
  });
  it('refuses duplicate codes, ltfu without years, repeats without count', () => {
    const problems = scheduleProblems(
      [def({ code: 'M3' }), def({ code: 'm3' }), def({ code: 'LT', phase: 'ltfu', repeat: { every: 1, unit: 'year' } }), def({ code: 'X', repeat: { every: 1, unit: 'day' } })],
      null,
    );
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['visits.1.code', 'visit.duplicate_code'],
      ['ltfu', 'visit.ltfu_required'],
      ['visits.3.repeat.count', 'visit.count_required'],
    ]);
    expect(scheduleProblems([def({ code: 'X', repeat: { every: 1, unit: 'day', count: 401 } })], null)[0]!.code).toBe('visit.too_many_occurrences');
    expect(scheduleProblems([def({ code: 'A.1' })], null)[0]!.code).toBe('visit.bad_code');
  });
});
