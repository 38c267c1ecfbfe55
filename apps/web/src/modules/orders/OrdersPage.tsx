/** All therapy orders of the center. */
import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyHint, QueryView } from '../../components/states';
import { useOrders } from './orders.api';
import { OrdersTable } from './OrdersTable';

export function OrdersPage() {
  const { t } = useTranslation();
  const query = useOrders();
  return (
    <Stack data-testid="orders-page">
      <Title order={2}>{t('orders.title')}</Title>
      <QueryView query={query}>
        {(data) =>
          data.items.length > 0 ? (
            <OrdersTable items={data.items} />
          ) : (
            <EmptyHint title={t('orders.empty')} description={t('orders.emptyHint')} />
          )
        }
      </QueryView>
    </Stack>
  );
}
