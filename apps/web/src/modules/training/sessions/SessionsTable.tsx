/** Sessions as a list: date and time in the site zone, course, trainer, room, places and status. */
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTimeZone } from '../../../app/session';
import { formatDateTime } from '../../../lib/time';
import { SessionBadge } from '../common/badges';
import { CourseTitle } from '../common/CourseTitle';
import { localTime } from '../common/trainingTime';
import type { Session } from '../training.types';

export function SessionsTable({ items }: { items: Session[] }) {
  const { t } = useTranslation();
  const tz = useTimeZone();
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table striped highlightOnHover data-testid="sessions-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('training.sessions.when', { tz })}</Table.Th>
            <Table.Th>{t('training.sessions.course')}</Table.Th>
            <Table.Th>{t('training.sessions.trainer')}</Table.Th>
            <Table.Th>{t('training.sessions.room')}</Table.Th>
            <Table.Th>{t('training.sessions.places')}</Table.Th>
            <Table.Th>{t('training.sessions.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((s) => (
            <Table.Tr key={s.id} data-testid="session-row" data-session-id={s.id}>
              <Table.Td>
                <Text
                  component={Link}
                  to={`/training/sessions/${s.id}`}
                  c="teal.8"
                  size="sm"
                  fw={600}
                  data-testid="session-link"
                >
                  {formatDateTime(s.startsAt, tz, false)}–{localTime(s.endsAt, tz)}
                </Text>
              </Table.Td>
              <Table.Td>
                <CourseTitle code={s.courseCode} title={s.courseTitle} titleZh={s.courseTitleZh} />
              </Table.Td>
              <Table.Td>{s.trainerName}</Table.Td>
              <Table.Td>{s.room}</Table.Td>
              <Table.Td>
                <Text size="sm" c={s.enrolled >= s.capacity ? 'red.7' : undefined}>
                  {t('training.sessions.placesValue', { enrolled: s.enrolled, capacity: s.capacity })}
                  {s.waitlisted > 0 && ` · ${t('training.sessions.waitlistedValue', { count: s.waitlisted })}`}
                </Text>
              </Table.Td>
              <Table.Td>
                <SessionBadge status={s.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
