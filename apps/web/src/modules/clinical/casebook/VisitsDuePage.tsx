/**
 * The coordinator's list of visits due this week across studies (Monday to Sunday in the site's time zone),
 * overdue ones first, each linking to the subject's visits; earlier and later weeks one click away.
 */
import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTimeZone } from '../../../app/session';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyHint, QueryView } from '../../../components/states';
import { useVisitsDue } from './visits.api';
import type { DueVisit } from './visits.types';
import { VisitStatusBadge } from './VisitStatusBadge';
import { assessmentsText, nameIn, windowText } from './VisitsTab';
import { siteWeek } from './week';

const RANK: Record<string, number> = { overdue: 0, in_window: 1, upcoming: 2, done: 3, missed: 4 };

export function sortDue(items: DueVisit[]): DueVisit[] {
  return [...items].sort(
    (a, b) => (RANK[a.status] ?? 5) - (RANK[b.status] ?? 5) || (a.targetDate ?? '').localeCompare(b.targetDate ?? ''),
  );
}

export function VisitsDuePage() {
  const { t, i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? i18n.language;
  const tz = useTimeZone();
  const [offset, setOffset] = useState(0);
  const week = siteWeek(tz, new Date(), offset);
  const query = useVisitsDue(week.from, week.to);
  return (
    <Stack>
      <PageHeader title={t('clinical.casebook.due.title')} hint={t('clinical.casebook.due.hint', { tz })} />
      <Group>
        <Button variant="default" onClick={() => setOffset(offset - 1)} data-testid="due-previous">
          {t('clinical.casebook.due.previous')}
        </Button>
        <Text fw={600} data-testid="due-week" aria-live="polite">
          {t('clinical.casebook.due.week', { from: week.from, to: week.to })}
        </Text>
        <Button variant="default" onClick={() => setOffset(offset + 1)} data-testid="due-next">
          {t('clinical.casebook.due.next')}
        </Button>
        {offset !== 0 && (
          <Button variant="subtle" onClick={() => setOffset(0)}>
            {t('clinical.casebook.due.thisWeek')}
          </Button>
        )}
      </Group>
      <QueryView query={query}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyHint title={t('clinical.casebook.due.empty')} testId="due-empty" />
          ) : (
            <Table.ScrollContainer minWidth={820}>
              <Table striped data-testid="due-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('clinical.casebook.due.subject')}</Table.Th>
                    <Table.Th>{t('clinical.casebook.due.study')}</Table.Th>
                    <Table.Th>{t('clinical.casebook.visits.visit')}</Table.Th>
                    <Table.Th>{t('clinical.casebook.visits.window')}</Table.Th>
                    <Table.Th>{t('clinical.casebook.visits.assessments')}</Table.Th>
                    <Table.Th>{t('clinical.casebook.visits.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {sortDue(data.items).map((v) => (
                    <Table.Tr key={`${v.subjectId}/${v.code}`} data-testid="due-row" data-status={v.status}>
                      <Table.Td>
                        <Anchor component={Link} to={`/clinical/subjects/${v.subjectId}?tab=visits`} ff="monospace" fw={600} size="sm">
                          {v.subjectNumber ?? v.patientCode}
                        </Anchor>
                        {v.patientName && <Text size="xs">{v.patientName}</Text>}
                      </Table.Td>
                      <Table.Td>{v.studyCode}</Table.Td>
                      <Table.Td>
                        {v.code} · {nameIn(v.name, lng)}
                      </Table.Td>
                      <Table.Td>{windowText(v)}</Table.Td>
                      <Table.Td>
                        <Text size="xs">{assessmentsText(v.assessments, t)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <VisitStatusBadge status={v.status} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryView>
    </Stack>
  );
}
