/** Batches for QA and the QP: completed ones awaiting review or certification, and conditional releases still open. */
import { Anchor, Card, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateTime } from '../../components/DateTime';
import { PageHeader } from '../../components/PageHeader';
import { QueryView } from '../../components/states';
import { useBatches } from '../manufacturing/batches/batches.api';
import type { BatchStatus } from '../manufacturing/batches.types';
import { StatusBadge } from '../manufacturing/common/badges';

function Queue({ status, title, testId }: { status: BatchStatus; title: string; testId: string }) {
  const { t } = useTranslation();
  const query = useBatches({ status });
  return (
    <Card withBorder>
      <Title order={4} mb="sm">
        {title}
      </Title>
      <QueryView query={query}>
        {(data) =>
          data.items.length ? (
            <Table withTableBorder striped fz="sm" data-testid={testId}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('release.queue.batch')}</Table.Th>
                  <Table.Th>{t('release.batch.product')}</Table.Th>
                  <Table.Th>{t('release.batch.din')}</Table.Th>
                  <Table.Th>{t('release.batch.subject')}</Table.Th>
                  <Table.Th>{t('release.queue.completedAt')}</Table.Th>
                  <Table.Th>{t('release.queue.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((b) => (
                  <Table.Tr key={b.id}>
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={`/release/batches/${b.id}`}
                        ff="monospace"
                        data-testid={`release-open-${b.batchNumber}`}
                      >
                        {b.batchNumber}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{b.product}</Table.Td>
                    <Table.Td ff="monospace">{b.din ?? '—'}</Table.Td>
                    <Table.Td>{b.subjectCode ?? '—'}</Table.Td>
                    <Table.Td>
                      <DateTime value={b.completedAt} />
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge kind="batchStatus" value={b.status} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : (
            <Text size="sm" c="dimmed">
              {t('release.queue.empty')}
            </Text>
          )
        }
      </QueryView>
    </Card>
  );
}

export function ReleaseQueuePage() {
  const { t } = useTranslation();
  return (
    <Stack data-testid="release-queue-page">
      <PageHeader title={t('release.queue.title')} hint={t('release.queue.hint')} />
      <Queue status="completed" title={t('release.queue.awaiting')} testId="release-queue-completed" />
      <Queue
        status="conditionally_released"
        title={t('release.queue.conditional')}
        testId="release-queue-conditional"
      />
    </Stack>
  );
}
