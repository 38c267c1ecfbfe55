/** The calendar day of an instant in the site's zone (full site time as tooltip); "—" when missing. */
import { useTranslation } from 'react-i18next';
import { useTimeZone } from '../../../app/session';
import { formatDateTime } from '../../../lib/time';
import { localDay } from './trainingTime';

export function DateOnly({ value, never }: { value: string | null | undefined; never?: boolean }) {
  const tz = useTimeZone();
  const { t } = useTranslation();
  if (!value) return <>{never ? t('training.common.noExpiry') : '—'}</>;
  return (
    <time dateTime={value} title={formatDateTime(value, tz)} style={{ whiteSpace: 'nowrap' }}>
      {localDay(value, tz)}
    </time>
  );
}
