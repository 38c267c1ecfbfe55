/** Materials (filter by kind, new material) and all lots (filter by status: QA works the quarantine list). */
import { Button, Group, Stack, Table } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/session';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyHint, QueryView } from '../../../components/states';
import { CodeLink } from '../common/CodeLink';
import { FilterSelect } from '../common/CodeSelect';
import { UrlTabs } from '../common/UrlTabs';
import { LOT_STATUSES, MATERIAL_KINDS, type LotStatus, type Material, type MaterialKind } from '../materials.types';
import { LotsTable } from './LotsTable';
import { MaterialCreateModal } from './MaterialCreateModal';
import { useLots, useMaterials } from './materials.api';

function MaterialsTable({ items }: { items: Material[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover data-testid="materials-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('mfg.material.code')}</Table.Th>
            <Table.Th>{t('mfg.material.name')}</Table.Th>
            <Table.Th>{t('mfg.material.kind')}</Table.Th>
            <Table.Th>{t('mfg.material.storageCondition')}</Table.Th>
            <Table.Th>{t('mfg.material.supplier')}</Table.Th>
            <Table.Th>{t('mfg.material.unit')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((m) => (
            <Table.Tr key={m.id} data-testid="material-row" data-code={m.code}>
              <Table.Td>
                <CodeLink to={`/manufacturing/materials/${m.id}`} testId="material-link">
                  {m.code}
                </CodeLink>
              </Table.Td>
              <Table.Td>{m.name}</Table.Td>
              <Table.Td>{t(`mfg.materialKind.${m.kind}`, { defaultValue: m.kind })}</Table.Td>
              <Table.Td>{m.storageCondition}</Table.Td>
              <Table.Td>{m.supplier}</Table.Td>
              <Table.Td>{m.unit}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function MaterialsPanel() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [kind, setKind] = useState<MaterialKind | ''>('');
  const [creating, setCreating] = useState(false);
  const query = useMaterials(kind);
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <FilterSelect
          label={t('mfg.material.kind')}
          codes={MATERIAL_KINDS}
          wordOf={(k) => t(`mfg.materialKind.${k}`)}
          value={kind}
          onChange={setKind}
          testId="material-kind-filter"
        />
        {can('materials:write') && (
          <Button onClick={() => setCreating(true)} data-testid="material-new">
            {t('mfg.material.new')}
          </Button>
        )}
      </Group>
      <QueryView query={query}>
        {(data) =>
          data.items.length > 0 ? (
            <MaterialsTable items={data.items} />
          ) : (
            <EmptyHint title={t('mfg.material.empty')} description={t('mfg.material.emptyHint')} />
          )
        }
      </QueryView>
      {can('materials:write') && <MaterialCreateModal opened={creating} onClose={() => setCreating(false)} />}
    </Stack>
  );
}

function LotsPanel() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [status, setStatus] = useState<LotStatus | ''>(can('lots:disposition') ? 'quarantine' : '');
  const query = useLots({ status });
  return (
    <Stack>
      <FilterSelect
        label={t('mfg.lot.status')}
        codes={LOT_STATUSES}
        wordOf={(s) => t(`mfg.lotStatus.${s}`)}
        value={status}
        onChange={setStatus}
        w={220}
        testId="lot-status-filter"
      />
      <QueryView query={query}>
        {(data) =>
          data.items.length > 0 ? (
            <LotsTable items={data.items} />
          ) : (
            <EmptyHint title={t('mfg.lot.empty')} description={t('mfg.lot.emptyHint')} />
          )
        }
      </QueryView>
    </Stack>
  );
}

export function MaterialsPage() {
  const { t } = useTranslation();
  return (
    <Stack data-testid="materials-page">
      <PageHeader title={t('mfg.material.pageTitle')} />
      <UrlTabs
        tabs={[
          { value: 'materials', label: t('mfg.material.list'), testId: 'tab-materials', panel: <MaterialsPanel /> },
          { value: 'lots', label: t('mfg.lot.list'), testId: 'tab-lots', panel: <LotsPanel /> },
        ]}
      />
    </Stack>
  );
}
