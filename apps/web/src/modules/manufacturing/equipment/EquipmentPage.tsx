/** The equipment register: code, name, type, location, status, calibration and maintenance due; register. */
import { Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/session';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyHint, QueryView } from '../../../components/states';
import { StatusBadge } from '../common/badges';
import { CodeLink } from '../common/CodeLink';
import { FilterSelect } from '../common/CodeSelect';
import { DueDate } from '../common/dates';
import {
  EQUIPMENT_STATUSES,
  EQUIPMENT_TYPES,
  type Equipment,
  type EquipmentStatus,
  type EquipmentType,
} from '../equipment.types';
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
                <CodeLink to={`/manufacturing/equipment/${e.id}`} testId="equipment-link">
                  {e.code}
                </CodeLink>
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
  const [type, setType] = useState<EquipmentType | ''>('');
  const [status, setStatus] = useState<EquipmentStatus | ''>('');
  const [registering, setRegistering] = useState(false);
  const query = useEquipmentList({ type, status });
  return (
    <Stack data-testid="equipment-page">
      <PageHeader
        title={t('mfg.equipment.pageTitle')}
        action={
          can('equipment:write') && {
            label: t('mfg.equipment.register'),
            onClick: () => setRegistering(true),
            testId: 'equipment-new',
          }
        }
      />
      <Group align="flex-end">
        <FilterSelect
          label={t('mfg.equipment.type')}
          codes={EQUIPMENT_TYPES}
          wordOf={(v) => t(`mfg.equipmentType.${v}`)}
          value={type}
          onChange={setType}
          testId="equipment-type-filter"
        />
        <FilterSelect
          label={t('mfg.equipment.status')}
          codes={EQUIPMENT_STATUSES}
          wordOf={(s) => t(`mfg.equipmentStatus.${s}`)}
          value={status}
          onChange={setStatus}
          testId="equipment-status-filter"
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
