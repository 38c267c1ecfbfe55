/** Enrolled learners with attendance checkboxes (saved in one go), the waiting list, and cancelling with a reason. */
import { Button, Checkbox, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateTime } from '../../../components/DateTime';
import { FormActions } from '../../../components/FormActions';
import { ReasonField } from '../../../components/ReasonField';
import { EmptyHint } from '../../../components/states';
import { EnrollmentBadge } from '../common/badges';
import { TrainingProblemAlert } from '../common/TrainingProblemAlert';
import type { Enrollment, SessionDetail } from '../training.types';
import { useCancelEnrollment, useSaveAttendance } from './sessions.api';

function CancelModal({
  sessionId,
  enrollment,
  onClose,
}: {
  sessionId: string;
  enrollment: Enrollment;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const cancel = useCancelEnrollment(sessionId);
  const [reason, setReason] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    cancel.mutate(
      { id: enrollment.id, reason: reason.trim() },
      {
        onSuccess: () => {
          notifications.show({
            color: 'teal',
            message: t('training.enroll.cancelledNotice', { name: enrollment.learnerName }),
          });
          onClose();
        },
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('training.enroll.cancelTitle', { name: enrollment.learnerName })} centered>
      <Stack component="form" onSubmit={submit} data-testid="enrollment-cancel-form">
        {cancel.error && <TrainingProblemAlert error={cancel.error} />}
        {enrollment.status === 'enrolled' && <Text size="sm">{t('training.enroll.cancelHint')}</Text>}
        <ReasonField value={reason} onChange={setReason} error={cancel.error} testId="enrollment-cancel-reason" />
        <FormActions
          onCancel={onClose}
          submitLabel={t('training.enroll.cancelSubmit')}
          color="red"
          loading={cancel.isPending}
          disabled={!reason.trim()}
          testId="enrollment-cancel-submit"
        />
      </Stack>
    </Modal>
  );
}

interface Props {
  session: SessionDetail;
  canWrite: boolean;
  onAssess?: (e: Enrollment) => void;
}

export function EnrollmentsTable({ session, canWrite, onAssess }: Props) {
  const { t } = useTranslation();
  const save = useSaveAttendance(session.id);
  const [cancelling, setCancelling] = useState<Enrollment | null>(null);
  const enrolled = session.enrollments.filter((e) => e.status === 'enrolled');
  const waiting = session.enrollments.filter((e) => e.status === 'waitlisted');
  const cancelled = session.enrollments.filter((e) => e.status === 'cancelled');
  const [marks, setMarks] = useState<Record<string, boolean>>({});
  const attended = (e: Enrollment) => marks[e.id] ?? e.attended ?? false;
  // Untaken attendance (null) can be saved as it stands; taken attendance only when a box changed.
  const dirty = enrolled.some((e) => e.attended == null || attended(e) !== e.attended);
  // The server takes attendance during or after the session, never before it starts.
  const started = new Date(session.startsAt).getTime() <= Date.now();
  const takeAttendance = canWrite && session.status !== 'cancelled' && started;

  const saveAll = () =>
    save.mutate(
      enrolled.map((e) => ({ enrollmentId: e.id, attended: attended(e) })),
      {
        onSuccess: () => {
          setMarks({});
          notifications.show({ color: 'teal', message: t('training.enroll.attendanceSaved') });
        },
      },
    );

  const row = (e: Enrollment, withAttendance: boolean) => (
    <Table.Tr key={e.id} data-testid="enrollment-row" data-status={e.status} data-learner-id={e.learnerId}>
      {withAttendance && (
        <Table.Td>
          <Checkbox
            checked={attended(e)}
            disabled={!takeAttendance}
            onChange={(ev) => {
              const value = ev.currentTarget.checked;
              setMarks((m) => ({ ...m, [e.id]: value }));
            }}
            aria-label={t('training.enroll.attended')}
            data-testid="attendance-checkbox"
          />
        </Table.Td>
      )}
      <Table.Td>
        <Text component={Link} to={`/training/learners/${e.learnerId}`} size="sm" fw={600} c="teal.8">
          {e.learnerName}
        </Text>
        <Text size="xs" c="dimmed">
          {e.institution}
        </Text>
      </Table.Td>
      <Table.Td>
        <EnrollmentBadge status={e.status} />
      </Table.Td>
      <Table.Td>
        <DateTime value={e.createdAt} withZone={false} />
      </Table.Td>
      <Table.Td>
        <Group gap="xs" justify="flex-end" wrap="nowrap">
          {onAssess && e.status === 'enrolled' && (
            <Button size="compact-sm" variant="light" onClick={() => onAssess(e)} data-testid="enrollment-assess">
              {t('training.assessments.record')}
            </Button>
          )}
          {canWrite && e.status !== 'cancelled' && (
            <Button
              size="compact-sm"
              variant="subtle"
              color="red"
              onClick={() => setCancelling(e)}
              data-testid="enrollment-cancel"
            >
              {t('training.enroll.cancel')}
            </Button>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
  const table = (items: Enrollment[], withAttendance: boolean, testId: string) => (
    <Table.ScrollContainer minWidth={640}>
      <Table striped data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            {withAttendance && <Table.Th w={90}>{t('training.enroll.attended')}</Table.Th>}
            <Table.Th>{t('training.enroll.learner')}</Table.Th>
            <Table.Th>{t('training.sessions.status')}</Table.Th>
            <Table.Th>{t('training.enroll.since')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{items.map((e) => row(e, withAttendance))}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={4}>
          {t('training.enroll.enrolledTitle', { count: enrolled.length, capacity: session.capacity })}
        </Title>
        {takeAttendance && enrolled.length > 0 && (
          <Button onClick={saveAll} disabled={!dirty} loading={save.isPending} data-testid="attendance-save">
            {t('training.enroll.saveAttendance')}
          </Button>
        )}
      </Group>
      {canWrite && !started && enrolled.length > 0 && (
        <Text size="sm" c="dimmed" data-testid="attendance-not-yet">
          {t('training.enroll.attendanceLater')}
        </Text>
      )}
      {save.error && <TrainingProblemAlert error={save.error} testId="attendance-error" />}
      {enrolled.length === 0 ? (
        <EmptyHint title={t('training.enroll.none')} testId="enrollments-empty" />
      ) : (
        table(enrolled, true, 'enrollments-table')
      )}
      <Title order={4}>{t('training.enroll.waitlistTitle', { count: waiting.length })}</Title>
      {waiting.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="waitlist-empty">
          {t('training.enroll.waitlistEmpty')}
        </Text>
      ) : (
        table(waiting, false, 'waitlist-table')
      )}
      {cancelled.length > 0 && (
        <>
          <Title order={5} c="dimmed">
            {t('training.enroll.cancelledTitle', { count: cancelled.length })}
          </Title>
          {table(cancelled, false, 'cancelled-table')}
        </>
      )}
      {cancelling && <CancelModal sessionId={session.id} enrollment={cancelling} onClose={() => setCancelling(null)} />}
    </Stack>
  );
}
