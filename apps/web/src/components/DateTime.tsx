/** A UTC instant shown in the site's time zone: `2026-11-25 14:30 (Asia/Shanghai)`. */
import { formatDateTime } from '../lib/time';
import { useTimeZone } from '../app/session';

export function DateTime({ value, withZone = true }: { value: string | null | undefined; withZone?: boolean }) {
  const tz = useTimeZone();
  if (!value) return <>—</>;
  return <time dateTime={value}>{formatDateTime(value, tz, withZone)}</time>;
}
