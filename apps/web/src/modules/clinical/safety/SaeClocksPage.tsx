/**
 * The SAE clock board: every reporting clock a serious adverse event started (China GCP 2020 Art. 26 and 48,
 * ICH E2A), the overdue ones first in red, with the time left or overdue in words and the due time in the site's
 * time zone. The investigator records each report here with a signature.
 */
import { Anchor, Badge, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../../app/session';
import { DateTime } from '../../../components/DateTime';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyHint, QueryView } from '../../../components/states';
import { CLOCK_COLORS, URGENT_MS, clockTimeText } from './clockText';
import { SaeReportAction } from './SaeReportAction';
import { useSaeClocks, useTermLabel } from './safety.api';
import type { ClockStatus, SaeClock } from './safety.types';

const FILTERS = ['open', 'overdue', 'running', 'met', 'cancelled'] as const;
type Filter = (typeof FILTERS)[number];

export function SaeClocksPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<Filter>('open');
  const query = useSaeClocks(filter === 'open' ? {} : { status: filter });
  return (
    <Stack>
      <PageHeader title={t('clinical.safety.board.title')} hint={t('clinical.safety.board.hint')} />
      <SegmentedControl
        aria-label={t('clinical.safety.board.filter')}
        value={filter}
        onChange={(v) => setFilter(v as Filter)}
        data={FILTERS.map((f) => ({ value: f, label: t(`clinical.safety.board.filters.${f}`) }))}
        w="fit-content"
        data-testid="sae-clock-filter"
      />
      <QueryView query={query}>
        {(data) => {
          const items = filter === 'open' ? data.items.filter((c) => c.status === 'running' || c.status === 'overdue') : data.items;
          return items.length === 0 ? (
            <EmptyHint title={t('clinical.safety.board.empty')} testId="sae-clocks-empty" />
          ) : (
            <SaeClockTable clocks={sortForBoard(items)} />
          );
        }}
      </QueryView>
    </Stack>
  );
}

/** Overdue first (longest overdue on top), then by due time. */
export function sortForBoard(clocks: SaeClock[]): SaeClock[] {
  const rank = (s: ClockStatus) => (s === 'overdue' ? 0 : s === 'running' ? 1 : 2);
  return [...clocks].sort((a, b) => rank(a.status) - rank(b.status) || a.dueAt.localeCompare(b.dueAt));
}

export function SaeClockTable({ clocks, withSubject = true }: { clocks: SaeClock[]; withSubject?: boolean }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const termLabel = useTermLabel();
  const mayReport = can('clinical:investigate');
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped data-testid="sae-clock-table">
        <Table.Thead>
          <Table.Tr>
            {withSubject && <Table.Th>{t('clinical.safety.board.subject')}</Table.Th>}
            <Table.Th>{t('clinical.safety.board.event')}</Table.Th>
            <Table.Th>{t('clinical.safety.board.kind')}</Table.Th>
            <Table.Th>{t('clinical.safety.board.due')}</Table.Th>
            <Table.Th>{t('clinical.safety.board.timeLeft')}</Table.Th>
            <Table.Th>{t('clinical.safety.board.reports')}</Table.Th>
            {mayReport && <Table.Th>{t('clinical.safety.board.action')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {clocks.map((c) => {
            const urgent = c.status === 'running' && c.msLeft < URGENT_MS;
            return (
              <Table.Tr
                key={c.id}
                data-testid="sae-clock-row"
                data-clock-id={c.id}
                data-status={c.status}
                data-kind={c.kind}
                bg={c.status === 'overdue' ? 'red.0' : undefined}
              >
                {withSubject && (
                  <Table.Td>
                    <Anchor component={Link} to={`/clinical/subjects/${c.subjectId}?tab=adverse-events`} ff="monospace" fw={600} size="sm">
                      {c.subjectNumber ?? c.subjectCode}
                    </Anchor>
                    <Text size="xs" ff="monospace">
                      {c.subjectCode}
                    </Text>
                  </Table.Td>
                )}
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {c.aeNumber} · {termLabel(c.term)}
                  </Text>
                  <Text size="xs">{t('clinical.safety.ae.gradeN', { grade: c.grade })}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{t(`clinical.safety.clockKind.${c.kind}`, { defaultValue: c.kind })}</Text>
                  <Text size="xs">{c.recipient}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    <DateTime value={c.dueAt} />
                  </Text>
                  <Text size="xs">
                    {t('clinical.safety.board.started')} <DateTime value={c.startsAt} withZone={false} />
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Badge color={CLOCK_COLORS[c.status]} variant={urgent || c.status === 'overdue' ? 'filled' : 'light'}>
                      {t(`clinical.safety.clockStatus.${c.status}`)}
                    </Badge>
                    <Text size="sm" fw={c.status === 'overdue' ? 700 : 500} c={c.status === 'overdue' ? 'red.9' : undefined} data-testid="sae-clock-time">
                      {clockTimeText(c, t)}
                    </Text>
                  </Group>
                </Table.Td>
                <Table.Td>
                  {c.reports.length === 0 ? (
                    <Text size="sm">{t('clinical.safety.board.noReport')}</Text>
                  ) : (
                    c.reports.map((r) => (
                      <Text size="xs" key={r.id}>
                        <DateTime value={r.reportedAt} withZone={false} /> · {r.recipient} · {r.reportedBy}
                        {r.reference ? ` · ${r.reference}` : ''}
                      </Text>
                    ))
                  )}
                </Table.Td>
                {mayReport && (
                  <Table.Td>{c.status !== 'cancelled' && <SaeReportAction clock={c} />}</Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
