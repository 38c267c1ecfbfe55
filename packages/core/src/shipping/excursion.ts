/**
 * Excursion detection on a data logger's series: which readings left the range, when, for how long
 * and how far. An excursion runs from its first out-of-range reading to the first reading back in
 * range (the product was out of range at least until then); a series that ends out of range ends
 * its excursion at the last reading. The extreme is the reading farthest outside the range.
 */
import { withinRange, type TemperatureRange } from './storage';

export interface Reading {
  /** ISO 8601 instant. */
  readonly at: string;
  readonly temperatureC: number;
}

export interface Excursion {
  readonly startAt: string;
  readonly endAt: string;
  readonly durationMinutes: number;
  /** The reading farthest outside the range during this excursion. */
  readonly extremeC: number;
  readonly readings: number;
}

export interface ExcursionSummary {
  readonly readings: number;
  readonly firstReadingAt: string | null;
  readonly lastReadingAt: string | null;
  readonly minC: number | null;
  readonly maxC: number | null;
  readonly excursions: readonly Excursion[];
  /** First out-of-range reading. */
  readonly firstOutAt: string | null;
  /** Last out-of-range reading. */
  readonly lastOutAt: string | null;
  /** Sum of the excursions' durations. */
  readonly durationMinutes: number;
  /** The reading farthest outside the range over the whole series. */
  readonly extremeC: number | null;
}

type Limits = Pick<TemperatureRange, 'minC' | 'maxC'>;

/** How far outside the range a temperature is, in °C (0 inside). */
export function distanceOutside(temperatureC: number, range: Limits): number {
  if (temperatureC > range.maxC) return temperatureC - range.maxC;
  if (range.minC !== null && temperatureC < range.minC) return range.minC - temperatureC;
  return 0;
}

const minutesBetween = (from: string, to: string) =>
  Math.round(((Date.parse(to) - Date.parse(from)) / 60_000) * 100) / 100;

/** Sorts by time; the caller has checked that times are valid and distinct. */
export function sortReadings(readings: readonly Reading[]): Reading[] {
  return [...readings].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/** Finds every excursion of the series (any order) against the range. */
export function detectExcursions(readings: readonly Reading[], range: Limits): ExcursionSummary {
  const series = sortReadings(readings);
  const excursions: Excursion[] = [];
  let open: { startAt: string; lastAt: string; extremeC: number; count: number } | null = null;
  const close = (endAt: string) => {
    excursions.push({
      startAt: open!.startAt,
      endAt,
      durationMinutes: minutesBetween(open!.startAt, endAt),
      extremeC: open!.extremeC,
      readings: open!.count,
    });
    open = null;
  };
  for (const r of series) {
    if (withinRange(r.temperatureC, range)) {
      if (open) close(r.at);
      continue;
    }
    if (!open) open = { startAt: r.at, lastAt: r.at, extremeC: r.temperatureC, count: 0 };
    open.lastAt = r.at;
    open.count += 1;
    if (distanceOutside(r.temperatureC, range) > distanceOutside(open.extremeC, range)) open.extremeC = r.temperatureC;
  }
  if (open) close((open as { lastAt: string }).lastAt);
  return summarise(series, excursions, range);
}

function summarise(series: Reading[], excursions: Excursion[], range: Limits): ExcursionSummary {
  const temperatures = series.map((r) => r.temperatureC);
  const outside = series.filter((r) => !withinRange(r.temperatureC, range));
  const extreme = excursions.reduce<number | null>(
    (worst, e) =>
      worst === null || distanceOutside(e.extremeC, range) > distanceOutside(worst, range) ? e.extremeC : worst,
    null,
  );
  return {
    readings: series.length,
    firstReadingAt: series[0]?.at ?? null,
    lastReadingAt: series.at(-1)?.at ?? null,
    // reduce, not Math.min(...): a logger series can be longer than the engine's argument limit.
    minC: temperatures.length ? temperatures.reduce((a, b) => Math.min(a, b)) : null,
    maxC: temperatures.length ? temperatures.reduce((a, b) => Math.max(a, b)) : null,
    excursions,
    firstOutAt: outside[0]?.at ?? null,
    lastOutAt: outside.at(-1)?.at ?? null,
    durationMinutes: Math.round(excursions.reduce((sum, e) => sum + e.durationMinutes, 0) * 100) / 100,
    extremeC: extreme,
  };
}
