/** Refused custody attempts (scan-to-verify mismatches), newest first. */
import { Card, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CustodyException } from '../../api/types';
import { DateTime } from '../../components/DateTime';
import { EmptyHint, QueryView } from '../../components/states';
import { useCustodyExceptions } from './custody.api';
import { exceptionText } from './exceptionText';

function ExceptionsTable({ items }: { items: CustodyException[] }) {
  const { t, i18n } = useTranslation();
  const sorted = [...items].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped data-testid="custody-exceptions-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('custody.at')}</Table.Th>
            <Table.Th>{t('custody.expectedDin')}</Table.Th>
            <Table.Th>{t('custody.scannedDin')}</Table.Th>
            <Table.Th>{t('custody.type')}</Table.Th>
            <Table.Th>{t('custody.recordedBy')}</Table.Th>
            <Table.Th>{t('custody.detail')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((x) => (
            <Table.Tr key={x.id} data-testid="custody-exception-row">
              <Table.Td>
                <DateTime value={x.createdAt} />
              </Table.Td>
              <Table.Td ff="monospace">{x.din}</Table.Td>
              <Table.Td ff="monospace">
                <Text span c="red.8" ff="monospace" size="sm">
                  {x.scannedDin}
                </Text>
              </Table.Td>
              <Table.Td>{t(`custodyType.${x.type}`, { defaultValue: x.type })}</Table.Td>
              <Table.Td>{x.recordedBy}</Table.Td>
              <Table.Td>{exceptionText(x, i18n)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function CustodyExceptionsList() {
  const { t } = useTranslation();
  const query = useCustodyExceptions();
  return (
    <Card withBorder>
      <Stack>
        <Title order={4}>{t('custody.exceptionsTitle')}</Title>
        <QueryView query={query}>
          {(data) =>
            data.items.length > 0 ? (
              <ExceptionsTable items={data.items} />
            ) : (
              <EmptyHint title={t('custody.exceptionsEmpty')} description={t('custody.exceptionsHint')} />
            )
          }
        </QueryView>
      </Stack>
    </Card>
  );
}
