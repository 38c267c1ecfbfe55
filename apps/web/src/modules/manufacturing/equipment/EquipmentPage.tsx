/** The equipment register: code, name, type, location, status, calibration and maintenance due; register. */
import { Button, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../../app/session';
import { EmptyHint, QueryView } from '../../../components/states';
import { StatusBadge } from '../common/badges';
import { DueDate } from '../common/dates';
import { EQUIPMENT_STATUSES, EQUIPMENT_TYPES, type Equipment, type EquipmentStatus } from '../equipment.types';
import { EquipmentCreateModal } from './EquipmentCreateModal';
import { useEquipmentList } from './equipment.api';

function EquipmentTable({ items }: { items: Equipment[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover data-testid="equipment-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('mfg.equipment.code')}</Table.Th>
            <Table.Th>{t('mfg.equipment.name')}</Table.Th>
            <Table.Th>{t('mfg.equipment.type')}</Table.Th>
            <Table.Th>{t('mfg.equipment.location')}</Table.Th>
            <Table.Th>{t('mfg.equipment.status')}</Table.Th>
            <Table.Th>{t('mfg.equipment.calibrationDue')}</Table.Th>
            <Table.Th>{t('mfg.equipment.maintenanceDue')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((e) => (
            <Table.Tr key={e.id} data-testid="equipment-row" data-code={e.code} data-status={e.status}>
              <Table.Td>
                <Text
                  component={Link}
                  to={`/manufacturing/equipment/${e.id}`}
                  c="teal.8"
                  ff="monospace"
                  fw={600}
                  style={{ whiteSpace: 'nowrap' }}
                  data-testid="equipment-link"
                >
                  {e.code}
                </Text>
              </Table.Td>
              <Table.Td>{e.name}</Table.Td>
              <Table.Td>
                <Text size="sm">{t(`mfg.equipmentType.${e.type}`, { defaultValue: e.type })}</Text>
              </Table.Td>
              <Table.Td>{e.location}</Table.Td>
              <Table.Td>
                <StatusBadge kind="equipmentStatus" value={e.status} />
              </Table.Td>
              <Table.Td>
                <DueDate value={e.calibrationDueAt} />
              </Table.Td>
              <Table.Td>
                <DueDate value={e.maintenanceDueAt} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function EquipmentPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [type, setType] = useState('');
  const [status, setStatus] = useState<EquipmentStatus | ''>('');
  const [registering, setRegistering] = useState(false);
  const query = useEquipmentList({ type, status });
  return (
    <Stack data-testid="equipment-page">
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('mfg.equipment.pageTitle')}</Title>
        {can('equipment:write') && (
          <Button onClick={() => setRegistering(true)} data-testid="equipment-new">
            {t('mfg.equipment.register')}
          </Button>
        )}
      </Group>
      <Group align="flex-end">
        <NativeSelect
          label={t('mfg.equipment.type')}
          data={[
            { value: '', label: t('mfg.common.all') },
            ...EQUIPMENT_TYPES.map((v) => ({ value: v, label: t(`mfg.equipmentType.${v}`) })),
          ]}
          value={type}
          onChange={(e) => setType(e.currentTarget.value)}
          data-testid="equipment-type-filter"
        />
        <NativeSelect
          label={t('mfg.equipment.status')}
          data={[
            { value: '', label: t('mfg.common.all') },
            ...EQUIPMENT_STATUSES.map((s) => ({ value: s, label: t(`mfg.equipmentStatus.${s}`) })),
          ]}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value as EquipmentStatus | '')}
          data-testid="equipment-status-filter"
        />
      </Group>
      <QueryView query={query}>
        {(data) =>
          data.items.length > 0 ? (
            <EquipmentTable items={data.items} />
          ) : (
            <EmptyHint title={t('mfg.equipment.empty')} description={t('mfg.equipment.emptyHint')} />
          )
        }
      </QueryView>
      {can('equipment:write') && <EquipmentCreateModal opened={registering} onClose={() => setRegistering(false)} />}
    </Stack>
  );
}
