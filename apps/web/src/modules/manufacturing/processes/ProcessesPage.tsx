/** The master batch records: code, version, name, product, type, status, effective since; new process. */
import { Button, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../../app/session';
import { DateTime } from '../../../components/DateTime';
import { EmptyHint, QueryView } from '../../../components/states';
import { StatusBadge } from '../common/badges';
import { PROCESS_STATUSES, type Process, type ProcessStatus } from '../processes.types';
import { useProcesses } from './processes.api';

function ProcessesTable({ items }: { items: Process[] }) {
  const { t } = useTranslation();
  const sorted = [...items].sort((a, b) => a.code.localeCompare(b.code) || b.version - a.version);
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover data-testid="processes-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('mfg.process.code')}</Table.Th>
            <Table.Th>{t('mfg.process.version')}</Table.Th>
            <Table.Th>{t('mfg.process.name')}</Table.Th>
            <Table.Th>{t('mfg.process.product')}</Table.Th>
            <Table.Th>{t('mfg.process.productType')}</Table.Th>
            <Table.Th>{t('mfg.process.status')}</Table.Th>
            <Table.Th>{t('mfg.process.steps')}</Table.Th>
            <Table.Th>{t('mfg.process.effectiveAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((p) => (
            <Table.Tr key={p.id} data-testid="process-row" data-code={p.code} data-status={p.status}>
              <Table.Td>
                <Text
                  component={Link}
                  to={`/manufacturing/processes/${p.id}`}
                  c="teal.8"
                  ff="monospace"
                  fw={600}
                  style={{ whiteSpace: 'nowrap' }}
                  data-testid="process-link"
                >
                  {p.code}
                </Text>
              </Table.Td>
              <Table.Td>v{p.version}</Table.Td>
              <Table.Td>{p.name}</Table.Td>
              <Table.Td>{p.product}</Table.Td>
              <Table.Td>{t(`mfg.productType.${p.productType}`, { defaultValue: p.productType })}</Table.Td>
              <Table.Td>
                <StatusBadge kind="processStatus" value={p.status} />
              </Table.Td>
              <Table.Td>{p.steps.length}</Table.Td>
              <Table.Td>
                <DateTime value={p.effectiveAt} withZone={false} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function ProcessesPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [status, setStatus] = useState<ProcessStatus | ''>('');
  const query = useProcesses({ status });
  return (
    <Stack data-testid="processes-page">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('mfg.process.pageTitle')}</Title>
          <Text c="dimmed" size="sm">
            {t('mfg.process.pageHint')}
          </Text>
        </div>
        {can('processes:write') && (
          <Button component={Link} to="/manufacturing/processes/new" data-testid="process-new">
            {t('mfg.process.new')}
          </Button>
        )}
      </Group>
      <NativeSelect
        label={t('mfg.process.status')}
        data={[
          { value: '', label: t('mfg.common.all') },
          ...PROCESS_STATUSES.map((s) => ({ value: s, label: t(`mfg.processStatus.${s}`) })),
        ]}
        value={status}
        onChange={(e) => setStatus(e.currentTarget.value as ProcessStatus | '')}
        w={220}
        data-testid="process-status-filter"
      />
      <QueryView query={query}>
        {(data) =>
          data.items.length > 0 ? (
            <ProcessesTable items={data.items} />
          ) : (
            <EmptyHint title={t('mfg.process.empty')} description={t('mfg.process.emptyHint')} />
          )
        }
      </QueryView>
    </Stack>
  );
}
