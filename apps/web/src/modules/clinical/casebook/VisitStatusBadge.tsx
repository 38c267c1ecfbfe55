/** A visit's state, computed by the server in the site's time zone: upcoming, in window, overdue, done, missed. */
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, string> = { upcoming: 'blue', in_window: 'yellow', overdue: 'red', done: 'teal', missed: 'gray' };

export function VisitStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status] ?? 'gray'} autoContrast variant={status === 'overdue' ? 'filled' : 'light'} data-testid="visit-status" data-status={status}>
      {t(`clinical.casebook.visits.statuses.${status}`, { defaultValue: status })}
    </Badge>
  );
}
