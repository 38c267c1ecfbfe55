/**
 * The product in the record: each order with its chain-of-identity identifier, the collections and batches with
 * their DINs, the shipments, and the infusion (time, DIN and dose).
 */
import { Anchor, Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateTime } from '../../../components/DateTime';
import { EmptyHint } from '../../../components/states';
import { millions } from '../../bedside/duration';
import type { ProductOrder } from './casebook.types';

export function ProductTab({ orders }: { orders: ProductOrder[] }) {
  const { t } = useTranslation();
  if (orders.length === 0) return <EmptyHint title={t('clinical.casebook.product.empty')} testId="product-empty" />;
  return (
    <Stack>
      {orders.map((o) => (
        <Card key={o.id} withBorder data-testid="product-order" data-coi={o.coi}>
          <Stack gap="sm">
            <Group justify="space-between">
              <div>
                <Text size="xs" fw={700} tt="uppercase" c="gray.8">
                  {t('clinical.casebook.product.coi')}
                </Text>
                <Anchor component={Link} to={`/orders/${o.id}`} ff="monospace" fw={700} data-testid="product-coi">
                  {o.coi}
                  {o.coiCheckCharacter}
                </Anchor>
              </div>
              <Badge variant="light">{t(`orderStatus.${o.status}`, { defaultValue: o.status })}</Badge>
            </Group>
            <Title order={5}>{t('clinical.casebook.product.infusions')}</Title>
            {o.infusions.length === 0 ? (
              <Text size="sm">{t('clinical.casebook.product.noInfusion')}</Text>
            ) : (
              <Table data-testid="product-infusions">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('clinical.casebook.product.din')}</Table.Th>
                    <Table.Th>{t('clinical.casebook.product.started')}</Table.Th>
                    <Table.Th>{t('clinical.casebook.product.ended')}</Table.Th>
                    <Table.Th>{t('clinical.casebook.product.dose')}</Table.Th>
                    <Table.Th>{t('clinical.casebook.product.volume')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {o.infusions.map((i) => (
                    <Table.Tr key={i.id} data-testid="product-infusion" data-din={i.din}>
                      <Table.Td ff="monospace">{i.din}</Table.Td>
                      <Table.Td>
                        <DateTime value={i.startedAt} />
                      </Table.Td>
                      <Table.Td>
                        <DateTime value={i.endedAt} withZone={false} />
                      </Table.Td>
                      <Table.Td>
                        {t('clinical.casebook.product.doseText', {
                          cells: millions(i.carPositiveCells),
                          perKg: millions(i.cellsPerKg),
                          weight: i.weightKg,
                        })}
                      </Table.Td>
                      <Table.Td>{i.volumeMl === null ? '—' : `${i.volumeMl} mL`}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            <Title order={5}>{t('clinical.casebook.product.chain')}</Title>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('clinical.casebook.product.step')}</Table.Th>
                  <Table.Th>{t('clinical.casebook.product.din')}</Table.Th>
                  <Table.Th>{t('clinical.casebook.product.when')}</Table.Th>
                  <Table.Th>{t('clinical.casebook.product.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {o.collections.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>{t('clinical.casebook.product.collection', { type: t(`collectionType.${c.type}`, { defaultValue: c.type }) })}</Table.Td>
                    <Table.Td ff="monospace">{c.din}</Table.Td>
                    <Table.Td>
                      <DateTime value={c.collectedAt} withZone={false} />
                    </Table.Td>
                    <Table.Td>{t(`collectionStatus.${c.status}`, { defaultValue: c.status })}</Table.Td>
                  </Table.Tr>
                ))}
                {o.batches.map((b) => (
                  <Table.Tr key={b.id}>
                    <Table.Td>{t('clinical.casebook.product.batch', { number: b.batchNumber })}</Table.Td>
                    <Table.Td ff="monospace">{b.din ?? '—'}</Table.Td>
                    <Table.Td>
                      <DateTime value={b.completedAt ?? b.startedAt} withZone={false} />
                    </Table.Td>
                    <Table.Td>{b.status}</Table.Td>
                  </Table.Tr>
                ))}
                {o.shipments.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>{t('clinical.casebook.product.shipment', { number: s.number })}</Table.Td>
                    <Table.Td ff="monospace">{s.din}</Table.Td>
                    <Table.Td>
                      <DateTime value={s.receivedAt ?? s.departedAt} withZone={false} />
                    </Table.Td>
                    <Table.Td>{s.status}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
