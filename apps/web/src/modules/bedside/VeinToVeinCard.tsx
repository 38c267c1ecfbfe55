/** Vein to vein on the order page: each leg from collection to infusion with its duration, the total, and the shipments. */
import { Anchor, Card, Group, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../app/session';
import { DateTime } from '../../components/DateTime';
import { useTimeline } from '../orders/orders.api';
import { useShipments } from './bedside.api';
import type { VeinToVein } from './bedside.types';
import { formatDuration } from './duration';
import { ShipmentStatusBadge } from './ShipmentStatusBadge';

export function VeinToVeinTable({ veinToVein }: { veinToVein: VeinToVein }) {
  const { t } = useTranslation();
  return (
    <Table data-testid="vein-to-vein" data-total={veinToVein.totalMinutes ?? ''}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('bedside.v2v.leg')}</Table.Th>
          <Table.Th>{t('bedside.v2v.from')}</Table.Th>
          <Table.Th>{t('bedside.v2v.to')}</Table.Th>
          <Table.Th>{t('bedside.v2v.duration')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {veinToVein.legs.map((l) => (
          <Table.Tr key={l.key} data-testid="vein-to-vein-leg" data-leg={l.key} data-minutes={l.durationMinutes ?? ''}>
            <Table.Td>{t(`bedside.v2v.legs.${l.key}`)}</Table.Td>
            <Table.Td>{l.startAt ? <DateTime value={l.startAt} /> : '—'}</Table.Td>
            <Table.Td>{l.endAt ? <DateTime value={l.endAt} /> : '—'}</Table.Td>
            <Table.Td fw={600}>{formatDuration(l.durationMinutes, t)}</Table.Td>
          </Table.Tr>
        ))}
        <Table.Tr>
          <Table.Td colSpan={3} fw={700}>
            {t('bedside.v2v.total')}
          </Table.Td>
          <Table.Td fw={700} data-testid="vein-to-vein-total">
            {veinToVein.totalMinutes === null ? t('bedside.v2v.notYet') : formatDuration(veinToVein.totalMinutes, t)}
          </Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}

function OrderShipments({ orderId }: { orderId: string }) {
  const query = useShipments({ orderId });
  const items = query.data?.items ?? [];
  if (!items.length) return null;
  return (
    <Group mt="sm">
      {items.map((s) => (
        <Group key={s.id} gap={6}>
          <Anchor component={Link} to={`/bedside/shipments/${s.id}`} ff="monospace">
            {s.number}
          </Anchor>
          <ShipmentStatusBadge status={s.status} />
        </Group>
      ))}
    </Group>
  );
}

export function VeinToVeinCard({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const query = useTimeline(orderId);
  const veinToVein = query.data?.veinToVein;
  if (!veinToVein) return null;
  return (
    <Card withBorder>
      <Title order={3}>{t('bedside.v2v.title')}</Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('bedside.v2v.hint')}
      </Text>
      <VeinToVeinTable veinToVein={veinToVein} />
      {can('shipments:read') && <OrderShipments orderId={orderId} />}
    </Card>
  );
}
