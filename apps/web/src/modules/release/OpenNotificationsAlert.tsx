/** On the home page: open release notifications waiting for the physician's acknowledgement. */
import { Alert, Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../app/session';
import { useNotifications } from './release.api';

export function OpenNotificationsAlert() {
  const { t } = useTranslation();
  const { can } = useSession();
  const allowed = can('notifications:read');
  const query = useNotifications({ status: 'open' }, allowed);
  const count = query.data?.items.length ?? 0;
  if (!allowed || !count) return null;
  return (
    <Alert
      color="red"
      variant="light"
      title={t('release.notifications.openTitle', { count })}
      data-testid="home-open-notifications"
    >
      <Anchor component={Link} to="/release/notifications">
        {t('release.notifications.openLink')}
      </Anchor>
    </Alert>
  );
}
