/** Table of collections: DIN with check character, type, subject/COI, collected, expiry, status, signatures. */
import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Collection } from '../../api/types';
import { DateTime } from '../../components/DateTime';
import { IdentifierLink } from '../../components/IdentifierLink';
import { SignatureSummary } from '../../components/SignaturesList';

export function CollectionStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color="indigo" miw="max-content" data-testid="collection-status" data-status={status}>
      {t(`collectionStatus.${status}`, { defaultValue: status })}
    </Badge>
  );
}

export function CollectionsTable({ items, showOrder = true }: { items: Collection[]; showOrder?: boolean }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={880}>
      <Table striped highlightOnHover data-testid="collections-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('collections.din')}</Table.Th>
            <Table.Th>{t('collections.type')}</Table.Th>
            {showOrder && <Table.Th>{t('collections.subjectCoi')}</Table.Th>}
            <Table.Th>{t('collections.collectedAt')}</Table.Th>
            <Table.Th>{t('collections.expiresAt')}</Table.Th>
            <Table.Th>{t('collections.volume')}</Table.Th>
            <Table.Th>{t('collections.status')}</Table.Th>
            <Table.Th>{t('signatures.column')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((c) => (
            <Table.Tr key={c.id} data-testid="collection-row" data-din={c.din}>
              <Table.Td>
                <IdentifierLink to={`/collections/${c.id}`} testId="collection-link">
                  {c.din} {c.checkCharacter}
                </IdentifierLink>
              </Table.Td>
              <Table.Td>{t(`collectionType.${c.type}`, { defaultValue: c.type })}</Table.Td>
              {showOrder && (
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {c.subjectCode}
                  </Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {c.coi}
                  </Text>
                </Table.Td>
              )}
              <Table.Td>
                <DateTime value={c.collectedAt} />
              </Table.Td>
              <Table.Td>
                <DateTime value={c.expiresAt} />
              </Table.Td>
              <Table.Td>{c.volumeMl != null ? `${c.volumeMl} mL` : '—'}</Table.Td>
              <Table.Td>
                <CollectionStatusBadge status={c.status} />
              </Table.Td>
              <Table.Td>
                <SignatureSummary signatures={c.signatures} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
