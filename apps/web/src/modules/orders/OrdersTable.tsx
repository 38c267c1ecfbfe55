/** Table of orders: COI with check character, subject, study, status, created. */
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Order } from '../../api/types';
import { DateTime } from '../../components/DateTime';
import { IdentifierLink } from '../../components/IdentifierLink';
import { OrderStatusBadge } from './OrderStatusBadge';

export function OrdersTable({ items, showSubject = true }: { items: Order[]; showSubject?: boolean }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover data-testid="orders-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('orders.coi')}</Table.Th>
            {showSubject && <Table.Th>{t('orders.subjectCode')}</Table.Th>}
            <Table.Th>{t('orders.study')}</Table.Th>
            <Table.Th>{t('orders.status')}</Table.Th>
            <Table.Th>{t('common.createdAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((o) => (
            <Table.Tr key={o.id} data-testid="order-row">
              <Table.Td>
                <IdentifierLink to={`/orders/${o.id}`} testId="order-link">
                  {o.coi} {o.coiCheckCharacter}
                </IdentifierLink>
              </Table.Td>
              {showSubject && (
                <Table.Td>
                  <Text component={Link} to={`/patients/${o.patientId}`} ff="monospace" size="sm" c="teal.8">
                    {o.subjectCode}
                  </Text>
                </Table.Td>
              )}
              <Table.Td>{o.studyCode}</Table.Td>
              <Table.Td>
                <OrderStatusBadge status={o.status} />
              </Table.Td>
              <Table.Td>
                <DateTime value={o.createdAt} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
