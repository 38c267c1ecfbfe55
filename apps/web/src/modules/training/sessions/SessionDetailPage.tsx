/** One session: course, time in the site zone, trainer, room, places; enrolment, waiting list, attendance, assessing. */
import { Anchor, Card, Group, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession as useAppSession, useTimeZone } from '../../../app/session';
import { Field } from '../../../components/Field';
import { QueryView } from '../../../components/states';
import { formatDateTime } from '../../../lib/time';
import { AssessmentForm } from '../assessments/AssessmentForm';
import { SessionBadge } from '../common/badges';
import { CourseTitle } from '../common/CourseTitle';
import { localTime } from '../common/trainingTime';
import type { Enrollment, SessionDetail } from '../training.types';
import { EnrollForm } from './EnrollForm';
import { EnrollmentsTable } from './EnrollmentsTable';
import { useSession } from './sessions.api';

function SessionCard({ s }: { s: SessionDetail }) {
  const { t } = useTranslation();
  const tz = useTimeZone();
  return (
    <Card withBorder>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Field label={t('training.sessions.whenLabel')} testId="session-when">
          {formatDateTime(s.startsAt, tz, false)}–{localTime(s.endsAt, tz)} ({tz})
        </Field>
        <Field label={t('training.sessions.trainer')} testId="session-trainer-name">
          {s.trainerName}
        </Field>
        <Field label={t('training.sessions.room')}>{s.room}</Field>
        <Field label={t('training.sessions.places')} testId="session-places">
          <Text span c={s.enrolled >= s.capacity ? 'red.7' : undefined} fw={600}>
            {t('training.sessions.placesValue', { enrolled: s.enrolled, capacity: s.capacity })}
          </Text>
          {s.waitlisted > 0 && ` · ${t('training.sessions.waitlistedValue', { count: s.waitlisted })}`}
        </Field>
        <Field label={t('training.sessions.status')}>
          <SessionBadge status={s.status} />
        </Field>
      </SimpleGrid>
    </Card>
  );
}

export function SessionDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { can } = useAppSession();
  const query = useSession(id);
  const [assessing, setAssessing] = useState<Enrollment | null>(null);
  return (
    <Stack data-testid="session-detail">
      <Anchor component={Link} to="/training/sessions" size="sm">
        ← {t('training.sessions.title')}
      </Anchor>
      <QueryView query={query}>
        {(s) => (
          <Stack>
            <Group justify="space-between" align="flex-start">
              <div>
                <Text size="sm" c="dimmed">
                  {t('training.sessions.session')}
                </Text>
                <Anchor component={Link} to={`/training/courses/${s.courseId}`} c="inherit">
                  <CourseTitle code={s.courseCode} title={s.courseTitle} titleZh={s.courseTitleZh} size="xl" />
                </Anchor>
              </div>
            </Group>
            <SessionCard s={s} />
            {can('training:write') && s.status === 'scheduled' && (
              <Card withBorder>
                <Title order={4} mb="xs">
                  {t('training.enroll.title')}
                </Title>
                <EnrollForm session={s} />
              </Card>
            )}
            <EnrollmentsTable
              session={s}
              canWrite={can('training:write')}
              onAssess={can('training:assess') ? setAssessing : undefined}
            />
            <Modal
              opened={!!assessing}
              onClose={() => setAssessing(null)}
              title={t('training.assessments.recordFor', { name: assessing?.learnerName ?? '' })}
              size="xl"
              centered
            >
              {assessing && (
                <AssessmentForm preset={{ learnerId: assessing.learnerId, courseId: s.courseId, sessionId: s.id }} />
              )}
            </Modal>
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}
