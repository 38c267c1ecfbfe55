/** Materials (filter by kind, new material) and all lots (filter by status: QA works the quarantine list). */
import { Button, Group, NativeSelect, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../../../app/session';
import { EmptyHint, QueryView } from '../../../components/states';
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
                <Text
                  component={Link}
                  to={`/manufacturing/materials/${m.id}`}
                  c="teal.8"
                  ff="monospace"
                  fw={600}
                  style={{ whiteSpace: 'nowrap' }}
                  data-testid="material-link"
                >
                  {m.code}
                </Text>
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
        <NativeSelect
          label={t('mfg.material.kind')}
          data={[
            { value: '', label: t('mfg.common.all') },
            ...MATERIAL_KINDS.map((k) => ({ value: k, label: t(`mfg.materialKind.${k}`) })),
          ]}
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as MaterialKind | '')}
          data-testid="material-kind-filter"
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
      <NativeSelect
        label={t('mfg.lot.status')}
        data={[
          { value: '', label: t('mfg.common.all') },
          ...LOT_STATUSES.map((s) => ({ value: s, label: t(`mfg.lotStatus.${s}`) })),
        ]}
        value={status}
        onChange={(e) => setStatus(e.currentTarget.value as LotStatus | '')}
        w={220}
        data-testid="lot-status-filter"
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
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'lots' ? 'lots' : 'materials';
  return (
    <Stack data-testid="materials-page">
      <Title order={2}>{t('mfg.material.pageTitle')}</Title>
      <Tabs
        value={tab}
        onChange={(v) => setParams(v === 'lots' ? { tab: 'lots' } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="materials" data-testid="tab-materials">
            {t('mfg.material.list')}
          </Tabs.Tab>
          <Tabs.Tab value="lots" data-testid="tab-lots">
            {t('mfg.lot.list')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="materials" pt="md">
          <MaterialsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="lots" pt="md">
          <LotsPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
