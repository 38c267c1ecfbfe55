/** The QP's decisions on the batch, with the exceptional record and signatures, and the notifications owed. */
import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateTime } from '../../components/DateTime';
import { SignaturesList } from '../../components/SignaturesList';
import { NotificationCard } from './NotificationCard';
import type { ReleaseCheck } from './release.types';

export function DecisionHistory({ check }: { check: ReleaseCheck }) {
  const { t } = useTranslation();
  if (!check.releases.length) return null;
  return (
    <Card withBorder data-testid="decision-history">
      <Stack>
        <Title order={4}>{t('release.history.title')}</Title>
        {check.releases.map((r) => (
          <Stack key={r.id} gap={4} data-testid={`decision-${r.decision}`}>
            <Group gap="xs">
              <Badge color={r.decision === 'reject' ? 'red' : 'teal'}>{t(`release.decision.${r.decision}`)}</Badge>
              <Text size="sm">
                {r.certifier.name} · <DateTime value={r.certifiedAt} />
              </Text>
            </Group>
            {r.productExpiresAt && (
              <Text size="sm" data-testid={`decision-expiry-${r.id}`}>
                {t('release.history.expiry')}: <DateTime value={r.productExpiresAt} />
              </Text>
            )}
            {r.pendingTests.length > 0 && (
              <Text size="sm">
                {t('release.history.pending', {
                  tests: r.pendingTests.join(', '),
                  physician: r.treatingPhysician?.name ?? '—',
                })}
              </Text>
            )}
            {r.exceptional && (
              <Stack gap={2} data-testid="exceptional-record">
                <Text size="sm" fw={600} c="red">
                  {t('release.exceptional.recorded', { tests: r.outOfSpecification.join(', ') })}
                </Text>
                <Text size="sm">
                  {t('release.exceptional.requestBy', { name: r.exceptional.physicianRequest.requestedBy })}{' '}
                  <DateTime value={r.exceptional.physicianRequest.requestedAt} />: {r.exceptional.physicianRequest.text}
                </Text>
                <Text size="sm">{t('release.exceptional.justificationIs', { text: r.exceptional.justification })}</Text>
              </Stack>
            )}
            {r.comment && (
              <Text size="sm" c="dimmed">
                {r.comment}
              </Text>
            )}
            <SignaturesList signatures={r.signatures} testId={`decision-signatures-${r.id}`} />
          </Stack>
        ))}
        {check.notifications.map((n) => (
          <NotificationCard key={n.id} notification={n} />
        ))}
      </Stack>
    </Card>
  );
}
