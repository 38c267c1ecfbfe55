/** Training sessions of a month, as a calendar or a list; new session (training:write). */
import { ActionIcon, Anchor, Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession as useAppSession, useTimeZone } from '../../../app/session';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyHint, QueryView } from '../../../components/states';
import { dayBoundaryIso } from '../../../lib/time';
import { useUrlFilters } from '../../../lib/useUrlFilters';
import { addMonths, monthGrid, monthTitle, today } from '../common/trainingTime';
import { MonthCalendar } from './MonthCalendar';
import { SessionCreateModal } from './SessionCreateModal';
import { useSessions } from './sessions.api';
import { SessionsTable } from './SessionsTable';

export function SessionsPage() {
  const { t, i18n } = useTranslation();
  const { can } = useAppSession();
  const tz = useTimeZone();
  const { params, update } = useUrlFilters();
  const month = /^\d{4}-\d{2}$/.test(params.get('month') ?? '')
    ? (params.get('month') as string)
    : today(tz).slice(0, 7);
  const view = params.get('view') === 'list' ? 'list' : 'calendar';
  const courseId = params.get('courseId') ?? undefined;
  const [creating, setCreating] = useState(false);
  const weeks = monthGrid(month);
  const range =
    view === 'calendar'
      ? { from: dayBoundaryIso(weeks[0]![0]!, tz), to: dayBoundaryIso(weeks.at(-1)!.at(-1)!, tz, true) }
      : { from: dayBoundaryIso(`${month}-01`, tz), to: dayBoundaryIso(`${addMonths(month, 1)}-01`, tz) };
  const query = useSessions({ ...range, courseId });
  return (
    <Stack data-testid="sessions-page">
      <PageHeader
        title={t('training.sessions.title')}
        action={
          can('training:write') && {
            label: t('training.sessions.new'),
            onClick: () => setCreating(true),
            testId: 'session-new',
          }
        }
      />
      {courseId && (
        <Text size="sm">
          {t('training.sessions.filteredByCourse')}{' '}
          <Anchor component={Link} to="/training/sessions" data-testid="sessions-clear-course">
            {t('training.sessions.showAll')}
          </Anchor>
        </Text>
      )}
      <Group justify="space-between">
        <Group gap="xs">
          <ActionIcon
            variant="default"
            onClick={() => update({ month: addMonths(month, -1) })}
            aria-label={t('training.sessions.previous')}
            data-testid="month-prev"
          >
            ‹
          </ActionIcon>
          <Text fw={600} miw={130} ta="center" data-testid="month-title" data-month={month}>
            {monthTitle(month, i18n.resolvedLanguage ?? 'en')}
          </Text>
          <ActionIcon
            variant="default"
            onClick={() => update({ month: addMonths(month, 1) })}
            aria-label={t('training.sessions.next')}
            data-testid="month-next"
          >
            ›
          </ActionIcon>
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() => update({ month: undefined })}
            data-testid="month-today"
          >
            {t('training.sessions.thisMonth')}
          </Button>
        </Group>
        <SegmentedControl
          value={view}
          onChange={(v) => update({ view: v === 'list' ? 'list' : undefined })}
          data={[
            { value: 'calendar', label: t('training.sessions.calendar') },
            { value: 'list', label: t('training.sessions.list') },
          ]}
          data-testid="sessions-view"
        />
      </Group>
      <Text size="xs" c="dimmed">
        {t('common.siteTime', { tz })}
      </Text>
      <QueryView query={query}>
        {(data) =>
          view === 'calendar' ? (
            <MonthCalendar month={month} sessions={data.items} />
          ) : data.items.length > 0 ? (
            <SessionsTable items={data.items} />
          ) : (
            <EmptyHint title={t('training.sessions.empty')} description={t('training.sessions.emptyHint')} />
          )
        }
      </QueryView>
      {can('training:write') && (
        <SessionCreateModal opened={creating} onClose={() => setCreating(false)} defaultCourseId={courseId} />
      )}
    </Stack>
  );
}
