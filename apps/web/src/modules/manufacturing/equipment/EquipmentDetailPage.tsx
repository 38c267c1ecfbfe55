/** One unit: status, due dates, calibration and maintenance history; record calibration, start/finish maintenance. */
import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../../app/session';
import { DateTime } from '../../../components/DateTime';
import { Field } from '../../../components/Field';
import { EmptyHint, QueryView } from '../../../components/states';
import { StatusBadge } from '../common/badges';
import { DueDate } from '../common/dates';
import type { Equipment, EquipmentEvent } from '../equipment.types';
import { EquipmentEventModal, type EquipmentAction } from './EquipmentEventModal';
import { useEquipment } from './equipment.api';

function EventsTable({ events }: { events: EquipmentEvent[] }) {
  const { t } = useTranslation();
  if (events.length === 0)
    return <EmptyHint title={t('mfg.equipment.noEvents')} description={t('mfg.equipment.noEventsHint')} />;
  const sorted = [...events].sort((a, b) => b.performedAt.localeCompare(a.performedAt));
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped data-testid="equipment-events">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('mfg.equipment.event')}</Table.Th>
            <Table.Th>{t('mfg.equipment.performedAt')}</Table.Th>
            <Table.Th>{t('mfg.equipment.result')}</Table.Th>
            <Table.Th>{t('mfg.equipment.nextDue')}</Table.Th>
            <Table.Th>{t('mfg.equipment.notes')}</Table.Th>
            <Table.Th>{t('mfg.equipment.performedBy')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((e) => (
            <Table.Tr key={e.id} data-testid="equipment-event-row" data-kind={e.kind}>
              <Table.Td>{t(`mfg.equipment.eventKind.${e.kind}`, { defaultValue: e.kind })}</Table.Td>
              <Table.Td>
                <DateTime value={e.performedAt} withZone={false} />
              </Table.Td>
              <Table.Td>
                {e.result ? (
                  <Badge color={e.result === 'pass' ? 'teal' : 'red'} variant="light">
                    {t(`mfg.equipment.${e.result}`)}
                  </Badge>
                ) : (
                  '—'
                )}
              </Table.Td>
              <Table.Td>{e.nextDueAt ? <DueDate value={e.nextDueAt} flag={false} /> : '—'}</Table.Td>
              <Table.Td>{e.notes ?? ''}</Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {e.performedBy}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Actions({ unit, onAction }: { unit: Equipment; onAction: (a: EquipmentAction) => void }) {
  const { t } = useTranslation();
  const inMaintenance = unit.status === 'maintenance';
  return (
    <Group>
      <Button onClick={() => onAction('calibration')} data-testid="equipment-calibrate">
        {t('mfg.equipment.action.calibration')}
      </Button>
      {inMaintenance ? (
        <Button
          color="orange"
          onClick={() => onAction('maintenance_finish')}
          data-testid="equipment-maintenance-finish"
        >
          {t('mfg.equipment.action.maintenance_finish')}
        </Button>
      ) : (
        <Button
          variant="outline"
          color="orange"
          onClick={() => onAction('maintenance_start')}
          disabled={unit.status === 'in_use'}
          data-testid="equipment-maintenance-start"
        >
          {t('mfg.equipment.action.maintenance_start')}
        </Button>
      )}
    </Group>
  );
}

export function EquipmentDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { can } = useSession();
  const query = useEquipment(id);
  const [action, setAction] = useState<EquipmentAction | null>(null);
  return (
    <Stack data-testid="equipment-detail">
      <Anchor component={Link} to="/manufacturing/equipment" size="sm">
        ← {t('mfg.equipment.pageTitle')}
      </Anchor>
      <QueryView query={query}>
        {(unit) => (
          <Stack>
            <Group justify="space-between" align="flex-start">
              <div>
                <Group gap="sm">
                  <Text ff="monospace" fw={700} size="lg" data-testid="equipment-code-value">
                    {unit.code}
                  </Text>
                  <StatusBadge kind="equipmentStatus" value={unit.status} size="lg" testId="equipment-status" />
                </Group>
                <Title order={2}>{unit.name}</Title>
              </div>
              {can('equipment:write') && <Actions unit={unit} onAction={setAction} />}
            </Group>
            <Card withBorder>
              <SimpleGrid cols={{ base: 1, sm: 4 }}>
                <Field label={t('mfg.equipment.type')}>
                  {t(`mfg.equipmentType.${unit.type}`, { defaultValue: unit.type })}
                </Field>
                <Field label={t('mfg.equipment.location')}>{unit.location}</Field>
                <Field label={t('mfg.equipment.calibrationDue')}>
                  <DueDate value={unit.calibrationDueAt} testId="equipment-calibration-due-value" size="md" />
                </Field>
                <Field label={t('mfg.equipment.maintenanceDue')}>
                  <DueDate value={unit.maintenanceDueAt} size="md" />
                </Field>
                {unit.inUseByBatchId && (
                  <Field label={t('mfg.equipment.inUseBy')}>
                    <Anchor component={Link} to={`/manufacturing/batches/${unit.inUseByBatchId}`}>
                      {t('mfg.equipment.openBatch')}
                    </Anchor>
                  </Field>
                )}
              </SimpleGrid>
            </Card>
            <Title order={3}>{t('mfg.equipment.history')}</Title>
            <EventsTable events={unit.events ?? []} />
            {can('equipment:write') && (
              <EquipmentEventModal key={action ?? 'none'} unit={unit} action={action} onClose={() => setAction(null)} />
            )}
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}
