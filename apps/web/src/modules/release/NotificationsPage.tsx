/**
 * Release notifications: a physician sees those addressed to them (open ones first) and acknowledges
 * each; QA, the QP and the director see every one, to follow the duty through to acknowledgement.
 */
import { SegmentedControl, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { EmptyHint, QueryView } from '../../components/states';
import { NotificationCard } from './NotificationCard';
import { useNotifications } from './release.api';
import type { NotificationStatus } from './release.types';

export function NotificationsPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<NotificationStatus | ''>('open');
  const query = useNotifications({ status });
  return (
    <Stack data-testid="release-notifications-page">
      <PageHeader title={t('release.notifications.title')} hint={t('release.notifications.description')} />
      <SegmentedControl
        w="fit-content"
        value={status}
        onChange={(v) => setStatus(v as NotificationStatus | '')}
        data={[
          { value: 'open', label: t('release.notificationStatus.open') },
          { value: 'acknowledged', label: t('release.notificationStatus.acknowledged') },
          { value: '', label: t('release.notifications.all') },
        ]}
        data-testid="notifications-filter"
      />
      <QueryView query={query}>
        {(data) =>
          data.items.length ? (
            data.items.map((n) => <NotificationCard key={n.id} notification={n} withBatchLink />)
          ) : (
            <EmptyHint title={t('release.notifications.none')} testId="notifications-empty" />
          )
        }
      </QueryView>
    </Stack>
  );
}
