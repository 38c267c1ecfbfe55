/**
 * Date-time display and input in the site's time zone. The API speaks UTC ISO 8601; people read and type
 * local times of the center (e.g. Asia/Shanghai), so every conversion goes through these helpers.
 */
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/** `2026-11-25 14:30 (Asia/Shanghai)`; an empty string for a missing or invalid value. */
export function formatDateTime(iso: string | null | undefined, tz: string, withZone = true): string {
  if (!iso) return '';
  const d = dayjs(iso);
  if (!d.isValid()) return iso;
  const text = d.tz(tz).format('YYYY-MM-DD HH:mm');
  return withZone ? `${text} (${tz})` : text;
}

/** Value for an `<input type="datetime-local">` showing "now" in the site's zone. */
export function nowLocalInput(tz: string, now: Date = new Date()): string {
  return dayjs(now).tz(tz).format('YYYY-MM-DDTHH:mm');
}

/**
 * Reads a `datetime-local` value (`2026-11-25T14:30`) as a wall-clock time in the site's zone and returns
 * UTC ISO 8601, or null when the text is not a valid date-time.
 * Example: localInputToIso('2026-11-25T14:30', 'Asia/Shanghai') === '2026-11-25T06:30:00.000Z'
 */
export function localInputToIso(value: string, tz: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null;
  const d = dayjs.tz(value, tz);
  return d.isValid() ? d.toISOString() : null;
}

/** Start (or end) of a calendar day `YYYY-MM-DD` in the site's zone, as UTC ISO; for date filters. */
export function dayBoundaryIso(date: string, tz: string, end = false): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  const d = dayjs.tz(`${date}T00:00`, tz);
  return (end ? d.endOf('day') : d).toISOString();
}

/** True when `iso` lies in the future (used for account lockouts). */
export function isFuture(iso: string | null | undefined, now: Date = new Date()): boolean {
  return !!iso && dayjs(iso).isAfter(now);
}
