/**
 * Deviations as a table, for two readers. The quality list: number (to the detail), title and source, severity,
 * status, owner, due date, opened. A batch's page: newest first, number, title and description, severity, source,
 * room and batches, status, opened.
 */
import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NumberLink, OpenedCell, RecordTable, TitleLines, type RecordColumn } from '../../components/RecordTable';
import { StatusBadge } from '../manufacturing/common/badges';
import type { Deviation } from '../manufacturing/deviations.types';
import { DueDate } from './common';
import type { QualityDeviation } from './quality.types';

export interface DeviationRefs {
  roomCode?: (id: string) => string | undefined;
  batchNumber?: (id: string) => string | undefined;
}

type Props =
  | { variant: 'quality'; items: QualityDeviation[]; testId?: string }
  | { variant: 'batch'; items: Deviation[]; refs?: DeviationRefs };

export function DeviationsTable(props: Props) {
  const { t } = useTranslation();
  // The investigation and closure live in the quality area, from either list.
  const number: RecordColumn<Deviation> = {
    heading: t(`${keys(props.variant)}.number`),
    cell: (d) => <NumberLink to={`/quality/deviations/${d.id}`} number={d.number} />,
  };
  const severity: RecordColumn<Deviation> = {
    heading: t(`${keys(props.variant)}.severity`),
    cell: (d) => <StatusBadge kind="severity" value={d.severity} />,
  };
  const opened: RecordColumn<Deviation> = {
    heading: t(`${keys(props.variant)}.opened`),
    cell: (d) => <OpenedCell at={d.openedAt} by={d.openedBy} />,
  };
  const status = (heading: string): RecordColumn<Deviation> => ({
    heading: t(heading),
    cell: (d) => <StatusBadge kind="deviationStatus" value={d.status} />,
  });
  const source = (d: Deviation) => t(`mfg.deviationSource.${d.source}`, { defaultValue: d.source });

  if (props.variant === 'quality') {
    const columns: RecordColumn<QualityDeviation>[] = [
      number,
      {
        heading: t('quality.deviation.title'),
        cell: (d) => <TitleLines title={d.title}>{source(d)}</TitleLines>,
      },
      severity,
      status('quality.status'),
      {
        heading: t('quality.owner'),
        cell: (d) => (
          <Text size="sm" ff="monospace">
            {d.owner ?? '—'}
          </Text>
        ),
      },
      { heading: t('quality.dueDate'), cell: (d) => <DueDate date={d.dueDate} overdue={d.overdue} /> },
      opened,
    ];
    return (
      <RecordTable
        items={props.items}
        columns={columns}
        row={(d) => ({ 'data-testid': 'quality-deviation-row', 'data-number': d.number, 'data-overdue': d.overdue })}
        testId={props.testId ?? 'quality-deviations-table'}
        minWidth={900}
      />
    );
  }

  const refs = props.refs ?? {};
  const columns: RecordColumn<Deviation>[] = [
    number,
    {
      heading: t('mfg.deviation.title'),
      cell: (d) => (
        <TitleLines title={d.title} lineClamp={2} hover={d.description}>
          {d.description}
        </TitleLines>
      ),
    },
    severity,
    { heading: t('mfg.deviation.source'), cell: source },
    {
      heading: t('mfg.deviation.room'),
      cell: (d) =>
        d.roomId ? (
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
        ),
    },
    {
      heading: t('mfg.deviation.batches'),
      cell: (d) =>
        batchesOf(d).length === 0
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
            )),
    },
    status('mfg.deviation.status'),
    opened,
  ];
  return (
    <RecordTable
      items={[...props.items].sort((a, b) => b.openedAt.localeCompare(a.openedAt))}
      columns={columns}
      row={(d) => ({ 'data-testid': 'deviation-row', 'data-number': d.number, 'data-source': d.source })}
      testId="deviations-table"
      minWidth={960}
    />
  );
}

const keys = (variant: Props['variant']) => (variant === 'quality' ? 'quality.deviation' : 'mfg.deviation');

const batchesOf = (d: Deviation) => [...new Set([...(d.batchId ? [d.batchId] : []), ...(d.batchIds ?? [])])];
