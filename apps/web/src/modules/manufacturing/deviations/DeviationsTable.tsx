/** Deviations as a table: number, title, severity, source, room and batch, status, opened (when, by whom). */
import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateTime } from '../../../components/DateTime';
import { StatusBadge } from '../common/badges';
import type { Deviation } from '../deviations.types';

export interface DeviationRefs {
  roomCode?: (id: string) => string | undefined;
  batchNumber?: (id: string) => string | undefined;
}

export function DeviationsTable({ items, refs = {} }: { items: Deviation[]; refs?: DeviationRefs }) {
  const { t } = useTranslation();
  const sorted = [...items].sort((a, b) => b.openedAt.localeCompare(a.openedAt));
  const batchesOf = (d: Deviation) => [...new Set([...(d.batchId ? [d.batchId] : []), ...(d.batchIds ?? [])])];
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table striped data-testid="deviations-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('mfg.deviation.number')}</Table.Th>
            <Table.Th>{t('mfg.deviation.title')}</Table.Th>
            <Table.Th>{t('mfg.deviation.severity')}</Table.Th>
            <Table.Th>{t('mfg.deviation.source')}</Table.Th>
            <Table.Th>{t('mfg.deviation.room')}</Table.Th>
            <Table.Th>{t('mfg.deviation.batches')}</Table.Th>
            <Table.Th>{t('mfg.deviation.status')}</Table.Th>
            <Table.Th>{t('mfg.deviation.opened')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((d) => (
            <Table.Tr key={d.id} data-testid="deviation-row" data-number={d.number} data-source={d.source}>
              <Table.Td>
                {/* The investigation and closure live in the quality area. */}
                <Anchor
                  component={Link}
                  to={`/quality/deviations/${d.id}`}
                  ff="monospace"
                  fw={600}
                  size="sm"
                  style={{ whiteSpace: 'nowrap' }}
                >
                  {d.number}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {d.title}
                </Text>
                <Text size="xs" c="dimmed" lineClamp={2} title={d.description}>
                  {d.description}
                </Text>
              </Table.Td>
              <Table.Td>
                <StatusBadge kind="severity" value={d.severity} />
              </Table.Td>
              <Table.Td>{t(`mfg.deviationSource.${d.source}`, { defaultValue: d.source })}</Table.Td>
              <Table.Td>
                {d.roomId ? (
                  <Anchor
                    component={Link}
                    to={`/manufacturing/rooms/${d.roomId}`}
                    size="sm"
                    ff="monospace"
                    style={{ whiteSpace: 'nowrap' }}
                  >
                    {d.roomCode ?? refs.roomCode?.(d.roomId) ?? t('mfg.deviation.openRoom')}
                  </Anchor>
                ) : (
                  '—'
                )}
              </Table.Td>
              <Table.Td>
                {batchesOf(d).length === 0
                  ? '—'
                  : batchesOf(d).map((id) => (
                      <Anchor
                        key={id}
                        component={Link}
                        to={`/manufacturing/batches/${id}`}
                        size="sm"
                        ff="monospace"
                        display="block"
                        style={{ whiteSpace: 'nowrap' }}
                      >
                        {refs.batchNumber?.(id) ?? t('mfg.deviation.openBatch')}
                      </Anchor>
                    ))}
              </Table.Td>
              <Table.Td>
                <StatusBadge kind="deviationStatus" value={d.status} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  <DateTime value={d.openedAt} withZone={false} />
                </Text>
                <Text size="xs" c="dimmed" ff="monospace">
                  {d.openedBy}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
