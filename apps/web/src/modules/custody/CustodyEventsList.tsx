/** Custody events of one DIN, newest first, and a lookup card that accepts a scanned or typed DIN. */
import { Card, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustodyEvent } from '../../api/types';
import { DateTime } from '../../components/DateTime';
import { EmptyHint, QueryView } from '../../components/states';
import { useCustodyEvents } from './custody.api';
import { ScanInput } from './ScanInput';

function EventsTable({ items }: { items: CustodyEvent[] }) {
  const { t } = useTranslation();
  const sorted = [...items].sort((a, b) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt));
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped data-testid="custody-events-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('custody.occurredAt')}</Table.Th>
            <Table.Th>{t('custody.type')}</Table.Th>
            <Table.Th>{t('custody.location')}</Table.Th>
            <Table.Th>{t('custody.fromTo')}</Table.Th>
            <Table.Th>{t('custody.temperature')}</Table.Th>
            <Table.Th>{t('custody.recordedBy')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((e) => (
            <Table.Tr key={e.id} data-testid="custody-event-row">
              <Table.Td>
                <DateTime value={e.occurredAt} />
              </Table.Td>
              <Table.Td>{t(`custodyType.${e.type}`, { defaultValue: e.type })}</Table.Td>
              <Table.Td>{e.location || '—'}</Table.Td>
              <Table.Td>
                {e.fromParty || '—'} → {e.toParty || '—'}
              </Table.Td>
              <Table.Td>{e.temperatureC != null ? `${e.temperatureC} °C` : '—'}</Table.Td>
              <Table.Td>{e.recordedBy}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function CustodyEventsForDin({ din }: { din: string }) {
  const { t } = useTranslation();
  const query = useCustodyEvents(din);
  return (
    <QueryView query={query}>
      {(data) =>
        data.items.length > 0 ? (
          <EventsTable items={data.items} />
        ) : (
          <EmptyHint title={t('custody.noEvents')} description={t('custody.noEventsHint', { din })} />
        )
      }
    </QueryView>
  );
}

export function CustodyLookup({ din, onDin }: { din: string; onDin: (din: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  return (
    <Card withBorder>
      <Stack>
        <Title order={4}>{t('custody.recentTitle')}</Title>
        <ScanInput
          label={t('custody.lookupDin')}
          description={t('custody.lookupHint')}
          value={text}
          onChange={setText}
          onEnter={(r) => !r.error && onDin(r.din)}
          testId="custody-lookup"
        />
        {din ? (
          <Stack gap="xs">
            <Text size="sm" data-testid="custody-lookup-din">
              {t('custody.eventsFor')}{' '}
              <Text span ff="monospace" fw={700}>
                {din}
              </Text>
            </Text>
            <CustodyEventsForDin din={din} />
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t('custody.lookupEmpty')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
