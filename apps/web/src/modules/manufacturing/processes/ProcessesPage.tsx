/** The master batch records: code, version, name, product, type, status, effective since; new process. */
import { Stack, Table } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/session';
import { DateTime } from '../../../components/DateTime';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyHint, QueryView } from '../../../components/states';
import { StatusBadge } from '../common/badges';
import { CodeLink } from '../common/CodeLink';
import { FilterSelect } from '../common/CodeSelect';
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
                <CodeLink to={`/manufacturing/processes/${p.id}`} testId="process-link">
                  {p.code}
                </CodeLink>
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
      <PageHeader
        title={t('mfg.process.pageTitle')}
        hint={t('mfg.process.pageHint')}
        action={
          can('processes:write') && {
            label: t('mfg.process.new'),
            to: '/manufacturing/processes/new',
            testId: 'process-new',
          }
        }
      />
      <FilterSelect
        label={t('mfg.process.status')}
        codes={PROCESS_STATUSES}
        wordOf={(s) => t(`mfg.processStatus.${s}`)}
        value={status}
        onChange={setStatus}
        w={220}
        testId="process-status-filter"
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
