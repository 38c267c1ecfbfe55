/** Executed batch records: number, process and version, product, subject, room, status, started, completed; start a batch. */
import { Button, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../../app/session';
import { DateTime } from '../../../components/DateTime';
import { EmptyHint, QueryView } from '../../../components/states';
import { StatusBadge } from '../common/badges';
import { BATCH_STATUSES, type BatchStatus, type BatchSummary } from '../batches.types';
import { useBatches } from './batches.api';
import { BatchStartModal } from './BatchStartModal';

function BatchesTable({ items }: { items: BatchSummary[] }) {
  const { t } = useTranslation();
  const sorted = [...items].sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table striped highlightOnHover verticalSpacing="sm" data-testid="batches-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('mfg.batch.number')}</Table.Th>
            <Table.Th>{t('mfg.batch.process')}</Table.Th>
            <Table.Th>{t('mfg.batch.product')}</Table.Th>
            <Table.Th>{t('mfg.batch.subject')}</Table.Th>
            <Table.Th>{t('mfg.batch.room')}</Table.Th>
            <Table.Th>{t('mfg.batch.status')}</Table.Th>
            <Table.Th>{t('mfg.batch.steps')}</Table.Th>
            <Table.Th>{t('mfg.batch.startedAt')}</Table.Th>
            <Table.Th>{t('mfg.batch.completedAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((b) => (
            <Table.Tr key={b.id} data-testid="batch-row" data-number={b.batchNumber} data-status={b.status}>
              <Table.Td>
                <Text
                  component={Link}
                  to={`/manufacturing/batches/${b.id}`}
                  c="teal.8"
                  ff="monospace"
                  fw={700}
                  style={{ whiteSpace: 'nowrap' }}
                  data-testid="batch-link"
                >
                  {b.batchNumber}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {b.processCode} v{b.processVersion}
                </Text>
              </Table.Td>
              <Table.Td>{b.product}</Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {b.subjectCode ?? '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {b.roomCode}
                </Text>
              </Table.Td>
              <Table.Td>
                <StatusBadge kind="batchStatus" value={b.status} />
              </Table.Td>
              <Table.Td>
                {b.stepCount != null ? (
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }} data-testid="batch-row-steps">
                    {b.completedSteps ?? 0} / {b.stepCount}
                  </Text>
                ) : (
                  '—'
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <DateTime value={b.startedAt} withZone={false} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <DateTime value={b.completedAt} withZone={false} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function BatchesPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [status, setStatus] = useState<BatchStatus | ''>('');
  const [starting, setStarting] = useState(false);
  const query = useBatches({ status });
  return (
    <Stack data-testid="batches-page">
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('mfg.batch.pageTitle')}</Title>
        {can('batches:execute') && (
          <Button size="lg" onClick={() => setStarting(true)} data-testid="batch-start">
            {t('mfg.batch.start')}
          </Button>
        )}
      </Group>
      <NativeSelect
        label={t('mfg.batch.status')}
        data={[
          { value: '', label: t('mfg.common.all') },
          ...BATCH_STATUSES.map((s) => ({ value: s, label: t(`mfg.batchStatus.${s}`) })),
        ]}
        value={status}
        onChange={(e) => setStatus(e.currentTarget.value as BatchStatus | '')}
        w={220}
        data-testid="batch-status-filter"
      />
      <QueryView query={query}>
        {(data) =>
          data.items.length > 0 ? (
            <BatchesTable items={data.items} />
          ) : (
            <EmptyHint title={t('mfg.batch.empty')} description={t('mfg.batch.emptyHint')} />
          )
        }
      </QueryView>
      {can('batches:execute') && <BatchStartModal opened={starting} onClose={() => setStarting(false)} />}
    </Stack>
  );
}
