/** Deviations of the quality list: number (to the detail), title, severity, status, owner, due date, opened. */
import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateTime } from '../../components/DateTime';
import { StatusBadge } from '../manufacturing/common/badges';
import { DueDate } from './common';
import type { QualityDeviation } from './quality.types';

export function QualityDeviationsTable({
  items,
  testId = 'quality-deviations-table',
}: {
  items: QualityDeviation[];
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('quality.deviation.number')}</Table.Th>
            <Table.Th>{t('quality.deviation.title')}</Table.Th>
            <Table.Th>{t('quality.deviation.severity')}</Table.Th>
            <Table.Th>{t('quality.status')}</Table.Th>
            <Table.Th>{t('quality.owner')}</Table.Th>
            <Table.Th>{t('quality.dueDate')}</Table.Th>
            <Table.Th>{t('quality.deviation.opened')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((d) => (
            <Table.Tr key={d.id} data-testid="quality-deviation-row" data-number={d.number} data-overdue={d.overdue}>
              <Table.Td>
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
                <Text size="xs" c="dimmed">
                  {t(`mfg.deviationSource.${d.source}`, { defaultValue: d.source })}
                </Text>
              </Table.Td>
              <Table.Td>
                <StatusBadge kind="severity" value={d.severity} />
              </Table.Td>
              <Table.Td>
                <StatusBadge kind="deviationStatus" value={d.status} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {d.owner ?? '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <DueDate date={d.dueDate} overdue={d.overdue} />
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
