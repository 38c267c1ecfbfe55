/** Training sessions of a month, as a calendar or a list; new session (training:write). */
import { ActionIcon, Anchor, Button, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useSession as useAppSession, useTimeZone } from '../../../app/session';
import { EmptyHint, QueryView } from '../../../components/states';
import { dayBoundaryIso } from '../../../lib/time';
import { addMonths, monthGrid, monthTitle, today } from '../common/trainingTime';
import { MonthCalendar } from './MonthCalendar';
import { SessionCreateModal } from './SessionCreateModal';
import { useSessions } from './sessions.api';
import { SessionsTable } from './SessionsTable';

export function SessionsPage() {
  const { t, i18n } = useTranslation();
  const { can } = useAppSession();
  const tz = useTimeZone();
  const [params, setParams] = useSearchParams();
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
  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };
  return (
    <Stack data-testid="sessions-page">
      <Group justify="space-between">
        <Title order={2}>{t('training.sessions.title')}</Title>
        {can('training:write') && (
          <Button onClick={() => setCreating(true)} data-testid="session-new">
            {t('training.sessions.new')}
          </Button>
        )}
      </Group>
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
