/** Dates of the training module in the site's time zone: calendar days, month grids, "days left". */
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/** The calendar day `YYYY-MM-DD` of an instant in the site's zone; '' for a missing or invalid value. */
export function localDay(iso: string | null | undefined, tz: string): string {
  if (!iso) return '';
  const d = dayjs(iso);
  return d.isValid() ? d.tz(tz).format('YYYY-MM-DD') : '';
}

/** The wall-clock time `HH:mm` of an instant in the site's zone. */
export function localTime(iso: string, tz: string): string {
  const d = dayjs(iso);
  return d.isValid() ? d.tz(tz).format('HH:mm') : '';
}

/** Today `YYYY-MM-DD` in the site's zone. */
export function today(tz: string, now: Date = new Date()): string {
  return dayjs(now).tz(tz).format('YYYY-MM-DD');
}

/** Adds whole days to a calendar day `YYYY-MM-DD` (zone-free date arithmetic). */
export function addDays(day: string, n: number): string {
  return dayjs.utc(day).add(n, 'day').format('YYYY-MM-DD');
}

/**
 * The weeks (Monday first) covering the month `YYYY-MM`: each week is seven calendar days `YYYY-MM-DD`,
 * starting on or before the 1st and ending on or after the month's last day.
 */
export function monthGrid(month: string): string[][] {
  const first = dayjs.utc(`${month}-01`);
  const start = first.subtract((first.day() + 6) % 7, 'day');
  const last = first.endOf('month');
  const weeks: string[][] = [];
  for (let cursor = start; !cursor.isAfter(last, 'day'); cursor = cursor.add(7, 'day')) {
    weeks.push(Array.from({ length: 7 }, (_, i) => cursor.add(i, 'day').format('YYYY-MM-DD')));
  }
  return weeks;
}

/** The month `YYYY-MM` `n` months after `month`. */
export function addMonths(month: string, n: number): string {
  return dayjs.utc(`${month}-01`).add(n, 'month').format('YYYY-MM');
}

/** Calendar days from today (site zone) until `iso`; negative when past. */
export function daysUntil(iso: string, tz: string, now: Date = new Date()): number {
  return dayjs.utc(localDay(iso, tz)).diff(dayjs.utc(today(tz, now)), 'day');
}

/** A calendar day written out in the UI language, e.g. "May 2026" / "2026年5月". */
export function monthTitle(month: string, language: string): string {
  return new Intl.DateTimeFormat(language, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );
}

/** Short weekday names Monday … Sunday in the UI language. */
export function weekdayNames(language: string): string[] {
  const fmt = new Intl.DateTimeFormat(language, { weekday: 'short', timeZone: 'UTC' });
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => fmt.format(new Date(Date.UTC(2024, 0, 1 + i))));
}
