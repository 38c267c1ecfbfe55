/**
 * Excursion detection at the limits. The limits are the labelled storage temperatures (storage.ts:
 * Yescarta/Breyanzi USPI §16.2 ≤ −150 °C; Ryoncil ≤ −135 °C; Zolgensma ≤ −60 °C); a reading exactly
 * at the limit is inside ("less than or equal to minus 150 °C"). Durations are worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { detectExcursions, distanceOutside, type Reading } from './excursion';
import { storageRangeFor, withinRange } from './storage';
import { veinToVein } from './vein-to-vein';

const cart = storageRangeFor('autologous');
const t = (minute: number) => new Date(Date.UTC(2026, 4, 1, 0, minute)).toISOString();
const series = (temps: number[]): Reading[] => temps.map((temperatureC, i) => ({ at: t(i * 5), temperatureC }));

describe('storage ranges', () => {
  it.each([
    ['autologous', -150, true],
    ['autologous', -149.9, false],
    ['autologous', -196, true],
    ['allogeneic', -135, true],
    ['allogeneic', -134.9, false],
    ['vector', -60, true],
    ['vector', -59.99, false],
  ] as const)('%s at %s °C is within range: %s', (type, temperatureC, inside) => {
    expect(withinRange(temperatureC, storageRangeFor(type))).toBe(inside);
  });

  it('honours a lower limit when a range has one', () => {
    const fridge = { minC: 2, maxC: 8 };
    expect([1.9, 2, 8, 8.1].map((c) => withinRange(c, fridge))).toEqual([false, true, true, false]);
    expect(distanceOutside(1.5, fridge)).toBeCloseTo(0.5);
    expect(distanceOutside(9, fridge)).toBeCloseTo(1);
  });
});

describe('detectExcursions', () => {
  it('finds none when every reading is at or below the limit', () => {
    const s = detectExcursions(series([-190, -150, -180]), cart);
    expect(s).toMatchObject({
      readings: 3,
      excursions: [],
      firstOutAt: null,
      lastOutAt: null,
      durationMinutes: 0,
      extremeC: null,
      minC: -190,
      maxC: -150,
    });
  });

  it('counts one excursion from the first reading out to the first reading back in', () => {
    // 00:00 −180, 00:05 −149.9 (out), 00:10 −120 (out, worst), 00:15 −150 (back in at the limit)
    const s = detectExcursions(series([-180, -149.9, -120, -150]), cart);
    expect(s.excursions).toEqual([{ startAt: t(5), endAt: t(15), durationMinutes: 10, extremeC: -120, readings: 2 }]);
    expect(s).toMatchObject({ firstOutAt: t(5), lastOutAt: t(10), durationMinutes: 10, extremeC: -120 });
  });

  it('sums separate excursions and keeps the worst extreme; a series ending out of range ends at its last reading', () => {
    // out 00:05 → back 00:10 (5 min, −140); out 00:15 → 00:25 still out at the end (10 min, −100)
    const s = detectExcursions(series([-160, -140, -170, -145, -130, -100]), cart);
    expect(s.excursions.map((e) => [e.startAt, e.endAt, e.durationMinutes, e.extremeC])).toEqual([
      [t(5), t(10), 5, -140],
      [t(15), t(25), 10, -100],
    ]);
    expect(s).toMatchObject({ firstOutAt: t(5), lastOutAt: t(25), durationMinutes: 15, extremeC: -100 });
  });

  it('sorts readings by time before judging them', () => {
    const shuffled = [
      { at: t(10), temperatureC: -170 },
      { at: t(0), temperatureC: -170 },
      { at: t(5), temperatureC: -100 },
    ];
    expect(detectExcursions(shuffled, cart).excursions).toEqual([
      { startAt: t(5), endAt: t(10), durationMinutes: 5, extremeC: -100, readings: 1 },
    ]);
  });

  it('a single out-of-range last reading is an excursion of zero minutes', () => {
    expect(detectExcursions(series([-170, -149]), cart)).toMatchObject({
      durationMinutes: 0,
      extremeC: -149,
      firstOutAt: t(5),
      lastOutAt: t(5),
    });
  });
});

describe('veinToVein', () => {
  it('measures each leg between known milestones and the total from collection to infusion', () => {
    const day = (d: number, h = 0) => new Date(Date.UTC(2026, 4, d, h)).toISOString();
    const v = veinToVein({
      collection: day(1),
      manufacturing_started: day(1, 6),
      manufacturing_completed: day(11),
      release: day(18),
      shipment: day(19),
      receipt: day(19, 5),
      infusion: day(20, 2),
    });
    expect(v.legs.map((l) => [l.key, l.durationMinutes])).toEqual([
      ['to_manufacturing', 360],
      ['manufacturing', 9 * 1440 + 1080],
      ['qc_release', 7 * 1440],
      ['awaiting_shipment', 1440],
      ['transport', 300],
      ['at_site', 1260],
    ]);
    // 19 days and 2 hours
    expect(v.totalMinutes).toBe(19 * 1440 + 120);
    expect(v.legs.reduce((sum, l) => sum + l.durationMinutes!, 0)).toBe(v.totalMinutes);
  });

  it('leaves legs without both ends, and the total before the infusion, without a duration', () => {
    const v = veinToVein({ collection: '2026-05-01T00:00:00Z', manufacturing_started: '2026-05-01T02:00:00Z' });
    expect(v.legs.map((l) => l.durationMinutes)).toEqual([120, null, null, null, null, null]);
    expect(v.totalMinutes).toBeNull();
  });
});
