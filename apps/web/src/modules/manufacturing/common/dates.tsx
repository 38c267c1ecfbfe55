/** Dates of the manufacturing records in the site's time zone: due dates that warn, and date inputs. */
import { Text, Tooltip } from '@mantine/core';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useTimeZone } from '../../../app/session';
import { dayBoundaryIso, formatDateTime } from '../../../lib/time';

/** `YYYY-MM-DD` of an instant in the site's zone. */
export function localDay(iso: string | null | undefined, tz: string): string {
  if (!iso) return '';
  const d = dayjs(iso);
  return d.isValid() ? d.tz(tz).format('YYYY-MM-DD') : iso;
}

/** A day typed in an `<input type="date">` as the end of that day in the site's zone (expiry, due dates). */
export function endOfDayIso(day: string, tz: string): string | undefined {
  return dayBoundaryIso(day, tz, true);
}

/** Today in the site's zone, plus `days`, as `YYYY-MM-DD` (default values of date inputs). */
export function dayFromToday(tz: string, days = 0): string {
  return dayjs().tz(tz).add(days, 'day').format('YYYY-MM-DD');
}

/** The day of an instant; red when past, orange within `warnDays`, with the exact time as tooltip. */
export function DueDate({
  value,
  warnDays = 30,
  testId,
  size = 'sm',
  flag = true,
}: {
  value: string | null | undefined;
  warnDays?: number;
  testId?: string;
  size?: string;
  /** False for dates that no longer matter (a superseded due date in the history). */
  flag?: boolean;
}) {
  const { t } = useTranslation();
  const tz = useTimeZone();
  if (!value) return <Text span>—</Text>;
  const ms = new Date(value).getTime() - Date.now();
  const state = !flag ? 'ok' : ms <= 0 ? 'past' : ms <= warnDays * 86_400_000 ? 'soon' : 'ok';
  const color = state === 'past' ? 'red.8' : state === 'soon' ? 'orange.8' : undefined;
  return (
    <Tooltip label={formatDateTime(value, tz)} withArrow>
      <Text span size={size} c={color} fw={state === 'ok' ? undefined : 600} data-testid={testId} data-state={state}>
        {localDay(value, tz)}
        {state === 'past' && ` · ${t('mfg.common.overdue')}`}
      </Text>
    </Tooltip>
  );
}
