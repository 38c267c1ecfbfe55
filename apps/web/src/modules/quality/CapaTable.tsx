/** CAPAs as a table: number (to the detail), title and source, owner, open actions, next due dates, status. */
import { Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NumberLink, RecordTable, TitleLines } from '../../components/RecordTable';
import { DueDate, QualityBadge } from './common';
import type { Capa } from './quality.types';

export function CapaTable({ items, testId = 'capa-table' }: { items: Capa[]; testId?: string }) {
  const { t } = useTranslation();
  return (
    <RecordTable
      items={items}
      row={(c) => ({ 'data-testid': 'capa-row', 'data-number': c.number, 'data-overdue': c.overdue })}
      testId={testId}
      minWidth={900}
      columns={[
        {
          heading: t('quality.capa.number'),
          cell: (c) => <NumberLink to={`/quality/capas/${c.id}`} number={c.number} />,
        },
        {
          heading: t('quality.capa.titleField'),
          cell: (c) => (
            <TitleLines title={c.title}>
              {t(`quality.capaSource.${c.source}`)} {c.deviationNumber ?? c.sourceReference ?? ''}
            </TitleLines>
          ),
        },
        {
          heading: t('quality.owner'),
          cell: (c) => (
            <Text size="sm" ff="monospace">
              {c.owner}
            </Text>
          ),
        },
        {
          heading: t('quality.capa.actions'),
          cell: (c) => (
            <>
              <Text size="sm">{t('quality.capa.actionsOpen', { open: c.actionsOpen, total: c.actionsTotal })}</Text>
              {c.actionsOverdue > 0 && (
                <Badge color="red" size="sm" data-testid="capa-actions-overdue">
                  {t('quality.capa.actionsOverdue', { count: c.actionsOverdue })}
                </Badge>
              )}
            </>
          ),
        },
        {
          heading: t('quality.capa.effectivenessDue'),
          cell: (c) =>
            c.status === 'closed' ? '—' : <DueDate date={c.effectivenessDueDate} overdue={c.effectivenessOverdue} />,
        },
        { heading: t('quality.status'), cell: (c) => <QualityBadge kind="capaStatus" value={c.status} /> },
      ]}
    />
  );
}
