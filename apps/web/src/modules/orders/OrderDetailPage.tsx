/** One order: chain-of-identity identifier, its collections (with the record form) and its timeline. */
import { Anchor, Card, SimpleGrid, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Order } from '../../api/types';
import { useSession } from '../../app/session';
import { DateTime } from '../../components/DateTime';
import { Field } from '../../components/Field';
import { CoiDisplay } from '../../components/IdentifierBox';
import { EmptyHint, QueryView } from '../../components/states';
import { VeinToVeinCard } from '../bedside/VeinToVeinCard';
import { useCollections } from '../collections/collections.api';
import { CollectionsTable } from '../collections/CollectionsTable';
import { OrderStatusBadge } from './OrderStatusBadge';
import { OrderTimeline } from './OrderTimeline';
import { RecordCollectionForm } from './RecordCollectionForm';
import { useOrder } from './orders.api';

function OrderCard({ order }: { order: Order }) {
  const { t } = useTranslation();
  return (
    <Card withBorder>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Field label={t('orders.coi')} testId="order-coi">
          <CoiDisplay coi={order.coi} check={order.coiCheckCharacter} />
        </Field>
        <Field label={t('orders.subjectCode')} mono>
          <Anchor component={Link} to={`/patients/${order.patientId}`} ff="monospace">
            {order.subjectCode}
          </Anchor>
        </Field>
        <Field label={t('orders.study')}>{order.studyCode}</Field>
        <Field label={t('orders.status')}>
          <OrderStatusBadge status={order.status} />
        </Field>
        <Field label={t('common.createdAt')}>
          <DateTime value={order.createdAt} />
        </Field>
      </SimpleGrid>
    </Card>
  );
}

function OrderCollections({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const query = useCollections(orderId);
  return (
    <QueryView query={query}>
      {(data) =>
        data.items.length > 0 ? (
          <CollectionsTable items={data.items} showOrder={false} />
        ) : (
          <EmptyHint title={t('orders.noCollections')} description={t('orders.noCollectionsHint')} />
        )
      }
    </QueryView>
  );
}

export function OrderDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { can } = useSession();
  const query = useOrder(id);
  return (
    <Stack data-testid="order-detail">
      <Anchor component={Link} to="/orders" size="sm">
        ← {t('orders.title')}
      </Anchor>
      <QueryView query={query}>
        {(order) => (
          <Stack>
            <Title order={2}>{t('orders.detailTitle', { coi: order.coi })}</Title>
            <OrderCard order={order} />
            <Title order={3}>{t('orders.collections')}</Title>
            {can('collections:read') && <OrderCollections orderId={order.id} />}
            {can('collections:write') && order.status !== 'cancelled' && <RecordCollectionForm orderId={order.id} />}
            <Title order={3}>{t('orders.timeline')}</Title>
            <Card withBorder>
              <OrderTimeline orderId={order.id} />
            </Card>
            <VeinToVeinCard orderId={order.id} />
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}
