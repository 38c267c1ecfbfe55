/**
 * One physician notification of a late non-conforming result: what happened to which product, its state,
 * and — for the physician it is addressed to, while open — the signed acknowledgement of what they decided.
 */
import { Anchor, Badge, Button, Card, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../app/session';
import { DateTime } from '../../components/DateTime';
import { SignDialog } from '../../components/SignDialog';
import { SignaturesList } from '../../components/SignaturesList';
import { LATE_RESULT_ACK_MEANINGS } from '../../components/signatureMeanings';
import { RefusalAlert } from '../manufacturing/common/RefusalAlert';
import { useSignFlow } from '../manufacturing/common/useSignFlow';
import { useAcknowledge } from './release.api';
import type { ReleaseNotification } from './release.types';

function Acknowledge({ notification }: { notification: ReleaseNotification }) {
  const { t } = useTranslation();
  const flow = useSignFlow();
  const acknowledge = useAcknowledge(notification.id);
  const [text, setText] = useState('');
  return (
    <Stack gap="xs">
      <RefusalAlert error={flow.refusal} testId="acknowledge-error" />
      <Textarea
        label={t('release.notification.acknowledgement')}
        description={t('release.notification.acknowledgementHint')}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        required

        rows={3}
        maxLength={2000}
        data-testid="acknowledge-text"
      />
      <Button onClick={flow.open} disabled={!text.trim()} w="fit-content" data-testid="acknowledge-sign">
        {t('release.notification.acknowledge')}
      </Button>
      <SignDialog
        key={flow.dialogKey}
        opened={flow.opened}
        onClose={flow.close}
        record={t('release.notification.record', { batch: notification.batchNumber, test: notification.testCode })}
        meanings={LATE_RESULT_ACK_MEANINGS}
        onSign={(signature) => flow.sign(() => acknowledge.mutateAsync({ acknowledgement: text.trim(), signature }))}
      />
    </Stack>
  );
}

export function NotificationCard({
  notification: n,
  withBatchLink = false,
}: {
  notification: ReleaseNotification;
  withBatchLink?: boolean;
}) {
  const { t } = useTranslation();
  const { me, can } = useSession();
  const open = n.status === 'open';
  return (
    <Card
      withBorder
      padding="sm"
      bg={open ? 'red.0' : undefined}
      data-testid="release-notification"
      data-status={n.status}
    >
      <Stack gap={6}>
        <Group gap="xs">
          <Badge color={open ? 'red' : 'gray'}>{t(`release.notificationStatus.${n.status}`)}</Badge>
          <Text fw={600} size="sm">
            {t('release.notification.summary', { test: n.testCode, batch: n.batchNumber, product: n.product })}
          </Text>
        </Group>
        <Text size="sm">
          {n.din && <>{t('release.notification.din', { din: n.din })} · </>}
          {n.subjectCode && <>{t('release.notification.subject', { subject: n.subjectCode })} · </>}
          {t('release.notification.to', { name: n.physician.name })} · <DateTime value={n.createdAt} />
        </Text>
        <Text size="sm" c="dimmed">
          {n.message}
        </Text>
        {withBatchLink && can('release:read') && (
          <Anchor component={Link} to={`/release/batches/${n.batchId}`} size="sm">
            {t('release.notification.openBatch')}
          </Anchor>
        )}
        {n.acknowledgedAt && (
          <Text size="sm" data-testid="acknowledged-text">
            {t('release.notification.acknowledgedAt')} <DateTime value={n.acknowledgedAt} />: {n.acknowledgement}
          </Text>
        )}
        {n.signatures.length > 0 && (
          <SignaturesList signatures={n.signatures} testId={`notification-signatures-${n.id}`} />
        )}
        {open && can('notifications:acknowledge') && me.user.id === n.physician.id && <Acknowledge notification={n} />}
      </Stack>
    </Card>
  );
}
