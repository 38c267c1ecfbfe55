/** CAPAs as a table: number (to the detail), title and source, owner, open actions, next due dates, status. */
import { Anchor, Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DueDate, QualityBadge } from './common';
import type { Capa } from './quality.types';

export function CapaTable({ items, testId = 'capa-table' }: { items: Capa[]; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('quality.capa.number')}</Table.Th>
            <Table.Th>{t('quality.capa.titleField')}</Table.Th>
            <Table.Th>{t('quality.owner')}</Table.Th>
            <Table.Th>{t('quality.capa.actions')}</Table.Th>
            <Table.Th>{t('quality.capa.effectivenessDue')}</Table.Th>
            <Table.Th>{t('quality.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((c) => (
            <Table.Tr key={c.id} data-testid="capa-row" data-number={c.number} data-overdue={c.overdue}>
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/quality/capas/${c.id}`}
                  ff="monospace"
                  fw={600}
                  size="sm"
                  style={{ whiteSpace: 'nowrap' }}
                >
                  {c.number}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {c.title}
                </Text>
                <Text size="xs" c="dimmed">
                  {t(`quality.capaSource.${c.source}`)} {c.deviationNumber ?? c.sourceReference ?? ''}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {c.owner}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t('quality.capa.actionsOpen', { open: c.actionsOpen, total: c.actionsTotal })}</Text>
                {c.actionsOverdue > 0 && (
                  <Badge color="red" size="sm" data-testid="capa-actions-overdue">
                    {t('quality.capa.actionsOverdue', { count: c.actionsOverdue })}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                {c.status === 'closed' ? (
                  '—'
                ) : (
                  <DueDate date={c.effectivenessDueDate} overdue={c.effectivenessOverdue} />
                )}
              </Table.Td>
              <Table.Td>
                <QualityBadge kind="capaStatus" value={c.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
