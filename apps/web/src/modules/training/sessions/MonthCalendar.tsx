/** A month grid (Monday first) with each session on its local day in the site's time zone. */
import { Box, Paper, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTimeZone } from '../../../app/session';
import { useCourseTitleText } from '../common/CourseTitle';
import { localDay, localTime, monthGrid, today, weekdayNames } from '../common/trainingTime';
import type { Session } from '../training.types';

const STATUS_COLOR = { scheduled: 'teal', completed: 'gray', cancelled: 'red' } as const;

function SessionChip({ s }: { s: Session }) {
  const tz = useTimeZone();
  const titleOf = useCourseTitleText();
  const color = STATUS_COLOR[s.status] ?? 'gray';
  const full = s.enrolled >= s.capacity;
  return (
    <UnstyledButton
      component={Link}
      to={`/training/sessions/${s.id}`}
      title={`${s.courseCode} · ${titleOf({ title: s.courseTitle, titleZh: s.courseTitleZh })} · ${s.room}`}
      data-testid="calendar-session"
      data-session-id={s.id}
      style={{
        display: 'block',
        borderLeft: `3px solid var(--mantine-color-${color}-6)`,
        background: `var(--mantine-color-${color}-0)`,
        borderRadius: 3,
        padding: '1px 4px',
        textDecoration: s.status === 'cancelled' ? 'line-through' : undefined,
      }}
    >
      <Text size="xs" lh={1.3} truncate>
        <b>{localTime(s.startsAt, tz)}</b> {s.courseCode}
      </Text>
      <Text size="xs" c={full ? 'red.7' : 'dimmed'} lh={1.2}>
        {s.enrolled}/{s.capacity}
        {s.waitlisted > 0 ? ` +${s.waitlisted}` : ''}
      </Text>
    </UnstyledButton>
  );
}

export function MonthCalendar({ month, sessions }: { month: string; sessions: Session[] }) {
  const { i18n } = useTranslation();
  const tz = useTimeZone();
  const byDay = new Map<string, Session[]>();
  for (const s of sessions) {
    const day = localDay(s.startsAt, tz);
    byDay.set(day, [...(byDay.get(day) ?? []), s]);
  }
  const now = today(tz);
  const names = weekdayNames(i18n.resolvedLanguage ?? 'en');
  return (
    <Box data-testid="sessions-calendar" style={{ overflowX: 'auto' }}>
      <Box miw={700}>
        <SimpleGrid cols={7} spacing={4} verticalSpacing={4}>
          {names.map((n) => (
            <Text key={n} size="xs" fw={600} c="dimmed" ta="center">
              {n}
            </Text>
          ))}
          {monthGrid(month)
            .flat()
            .map((day) => {
              const inMonth = day.startsWith(month);
              const items = byDay.get(day) ?? [];
              return (
                <Paper
                  key={day}
                  withBorder
                  p={4}
                  mih={92}
                  bg={inMonth ? undefined : 'gray.0'}
                  data-testid="calendar-day"
                  data-date={day}
                  style={day === now ? { borderColor: 'var(--mantine-color-teal-6)', borderWidth: 2 } : undefined}
                >
                  <Text size="xs" fw={day === now ? 700 : 500} c={inMonth ? undefined : 'dimmed'}>
                    {Number(day.slice(8))}
                  </Text>
                  <Stack gap={3}>
                    {items.map((s) => (
                      <SessionChip key={s.id} s={s} />
                    ))}
                  </Stack>
                </Paper>
              );
            })}
        </SimpleGrid>
      </Box>
    </Box>
  );
}
