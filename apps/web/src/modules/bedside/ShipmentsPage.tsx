/** Shipments of released products to the clinical site: where each is, and whether it stayed in range. */
import { Anchor, Badge, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../app/session';
import { DateTime } from '../../components/DateTime';
import { PageHeader } from '../../components/PageHeader';
import { EmptyHint, QueryView } from '../../components/states';
import { useShipments } from './bedside.api';
import { SHIPMENT_STATUSES, type ShipmentStatus, type ShipmentSummary } from './bedside.types';
import { ShipmentCreateModal } from './ShipmentCreateModal';
import { ShipmentStatusBadge } from './ShipmentStatusBadge';

export function ShipmentsTable({ items }: { items: ShipmentSummary[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped data-testid="shipments-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('bedside.field.number')}</Table.Th>
            <Table.Th>{t('bedside.field.product')}</Table.Th>
            <Table.Th>{t('bedside.field.subject')}</Table.Th>
            <Table.Th>{t('bedside.field.to')}</Table.Th>
            <Table.Th>{t('bedside.field.departedAt')}</Table.Th>
            <Table.Th>{t('bedside.field.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((s) => (
            <Table.Tr key={s.id} data-testid="shipment-row" data-number={s.number}>
              <Table.Td>
                <Anchor component={Link} to={`/bedside/shipments/${s.id}`} ff="monospace" fw={600}>
                  {s.number}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{s.product}</Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  {s.batchNumber} · DIN {s.din}
                </Text>
              </Table.Td>
              <Table.Td ff="monospace">{s.subjectCode}</Table.Td>
              <Table.Td>{s.toLocation}</Table.Td>
              <Table.Td>
                <DateTime value={s.departedAt} />
              </Table.Td>
              <Table.Td>
                <ShipmentStatusBadge status={s.status} />{' '}
                {s.excursion && (
                  <Badge color="red" data-testid="shipment-excursion">
                    {t('bedside.excursion')}
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function ShipmentsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [status, setStatus] = useState<ShipmentStatus | ''>('');
  const [creating, setCreating] = useState(false);
  const query = useShipments({ status });
  return (
    <Stack data-testid="shipments-page">
      <PageHeader
        title={t('bedside.title')}
        hint={t('bedside.hint')}
        action={
          can('shipments:write') && {
            label: t('bedside.create.open'),
            testId: 'shipment-new',
            onClick: () => setCreating(true),
          }
        }
      />
      <SegmentedControl
        value={status}
        onChange={(v) => setStatus(v as ShipmentStatus | '')}
        data={[
          { value: '', label: t('bedside.status.all') },
          ...SHIPMENT_STATUSES.map((s) => ({ value: s, label: t(`bedside.status.${s}`) })),
        ]}
        data-testid="shipment-status-filter"
      />
      <QueryView query={query}>
        {(data) =>
          data.items.length ? (
            <ShipmentsTable items={data.items} />
          ) : (
            <EmptyHint title={t('bedside.empty')} description={t('bedside.emptyHint')} />
          )
        }
      </QueryView>
      {creating && <ShipmentCreateModal opened onClose={() => setCreating(false)} />}
    </Stack>
  );
}
