/** Durations of vein-to-vein legs and excursions, in whole minutes, as people say them: "9 d 18 h", "5 h 12 min", "38 min". */
import type { TFunction } from 'i18next';

export function durationParts(minutes: number): { days: number; hours: number; minutes: number } {
  const whole = Math.max(0, Math.round(minutes));
  return { days: Math.floor(whole / 1440), hours: Math.floor((whole % 1440) / 60), minutes: whole % 60 };
}

export function formatDuration(minutes: number | null, t: TFunction): string {
  if (minutes === null) return '—';
  const p = durationParts(minutes);
  if (p.days > 0) return t('bedside.duration.daysHours', { days: p.days, hours: p.hours });
  if (p.hours > 0) return t('bedside.duration.hoursMinutes', { hours: p.hours, minutes: p.minutes });
  return t('bedside.duration.minutes', { minutes: p.minutes });
}

/** A cell count as a dose is prescribed and read on the ward: 1.4e8 → "140 × 10⁶", 2e6 → "2 × 10⁶". */
export function millions(cells: number): string {
  return `${Number((cells / 1e6).toFixed(2))} × 10⁶`;
}

/** The shipment's storage range as printed: "≤ −150 °C" or "2 to 8 °C". */
export function rangeText(range: { minC: number | null; maxC: number }): string {
  const n = (v: number) => String(v).replace('-', '−');
  return range.minC === null ? `≤ ${n(range.maxC)} °C` : `${n(range.minC)} to ${n(range.maxC)} °C`;
}
