/** Lots as a table: number, material, status, usable, expiry, quantity on hand of received, received at. */
import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateTime } from '../../../components/DateTime';
import { StatusBadge } from '../common/badges';
import { CodeLink } from '../common/CodeLink';
import { DueDate } from '../common/dates';
import { lotUnusableReason, type Lot } from '../materials.types';

export function UsableBadge({ lot }: { lot: Lot }) {
  const { t } = useTranslation();
  const reason = lot.usable ? null : lotUnusableReason(lot);
  return lot.usable ? (
    <Badge color="teal" variant="dot" data-testid="lot-usable" data-usable="true">
      {t('mfg.lot.usable')}
    </Badge>
  ) : (
    <Badge color="gray" variant="dot" data-testid="lot-usable" data-usable="false">
      {reason ? t(`mfg.lotReason.${reason}`) : t('mfg.lot.notUsable')}
    </Badge>
  );
}

export function LotsTable({ items, withMaterial = true }: { items: Lot[]; withMaterial?: boolean }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table striped highlightOnHover data-testid="lots-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('mfg.lot.lotNumber')}</Table.Th>
            {withMaterial && <Table.Th>{t('mfg.material.title')}</Table.Th>}
            <Table.Th>{t('mfg.lot.status')}</Table.Th>
            <Table.Th>{t('mfg.lot.usableColumn')}</Table.Th>
            <Table.Th>{t('mfg.lot.expiresAt')}</Table.Th>
            <Table.Th>{t('mfg.lot.onHand')}</Table.Th>
            <Table.Th>{t('mfg.lot.receivedAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((l) => (
            <Table.Tr key={l.id} data-testid="lot-row" data-lot-number={l.lotNumber} data-status={l.status}>
              <Table.Td>
                <CodeLink to={`/manufacturing/lots/${l.id}`} testId="lot-link">
                  {l.lotNumber}
                </CodeLink>
              </Table.Td>
              {withMaterial && (
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {l.materialCode}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {l.materialName}
                  </Text>
                </Table.Td>
              )}
              <Table.Td>
                <StatusBadge kind="lotStatus" value={l.status} />
              </Table.Td>
              <Table.Td>
                <UsableBadge lot={l} />
              </Table.Td>
              <Table.Td>
                <DueDate value={l.expiresAt} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {t('mfg.lot.quantityOf', { onHand: l.quantityOnHand, received: l.quantityReceived, unit: l.unit })}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  <DateTime value={l.receivedAt} withZone={false} />
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
