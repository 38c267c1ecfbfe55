/** New session (training:write): course, start and end in the site's zone, trainer, room and capacity. */
import { useQuery } from '@tanstack/react-query';
import { Modal, NativeSelect, NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import type { Items, User } from '../../../api/types';
import { useSession as useAppSession, useTimeZone } from '../../../app/session';
import { FormActions } from '../../../components/FormActions';
import { fieldError } from '../../../components/ProblemAlert';
import { localInputToIso } from '../../../lib/time';
import { CourseSelect } from '../common/CourseSelects';
import { TrainingProblemAlert } from '../common/TrainingProblemAlert';
import { addDays, today } from '../common/trainingTime';
import { useCreateSession } from './sessions.api';

/** The people who may run a session: trainers from the user list (admins), else the signed-in trainer. */
function useTrainerOptions() {
  const { me, can } = useAppSession();
  const users = useQuery({
    queryKey: ['users'],
    queryFn: () => api.get<Items<User>>('/users'),
    enabled: can('users:read'),
  });
  const listed = can('users:read')
    ? (users.data?.items ?? [])
        .filter((u) => u.active && u.roles.includes('trainer'))
        .map((u) => ({ value: u.id, label: u.displayName }))
    : [];
  const self = me.user.roles.includes('trainer') ? [{ value: me.user.id, label: me.user.displayName }] : [];
  const byId = new Map([...self, ...listed].map((o) => [o.value, o]));
  return { options: [...byId.values()], defaultId: self[0]?.value ?? '' };
}

export function SessionCreateModal({
  opened,
  onClose,
  defaultCourseId,
}: {
  opened: boolean;
  onClose: () => void;
  defaultCourseId?: string;
}) {
  const { t } = useTranslation();
  const tz = useTimeZone();
  const trainers = useTrainerOptions();
  const create = useCreateSession();
  const tomorrow = addDays(today(tz), 1);
  const [courseId, setCourseId] = useState(defaultCourseId ?? '');
  const [startsAt, setStartsAt] = useState(`${tomorrow}T09:00`);
  const [endsAt, setEndsAt] = useState(`${tomorrow}T12:00`);
  const [trainerId, setTrainerId] = useState('');
  const [room, setRoom] = useState('');
  const [capacity, setCapacity] = useState<number | string>(20);
  const trainer = trainerId || trainers.defaultId;
  const startIso = localInputToIso(startsAt, tz);
  const endIso = localInputToIso(endsAt, tz);
  const endBeforeStart = !!startIso && !!endIso && endIso <= startIso;

  const close = () => {
    create.reset();
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!startIso || !endIso || endBeforeStart || !courseId || !trainer) return;
    create.mutate(
      {
        courseId,
        startsAt: startIso,
        endsAt: endIso,
        trainerId: trainer,
        room: room.trim(),
        capacity: Number(capacity),
      },
      {
        onSuccess: (s) => {
          notifications.show({ color: 'teal', message: t('training.sessions.createdNotice', { code: s.courseCode }) });
          setRoom('');
          close();
        },
      },
    );
  };
  const err = create.error;
  return (
    <Modal opened={opened} onClose={close} title={t('training.sessions.new')} centered size="lg">
      <Stack component="form" onSubmit={submit} data-testid="session-form">
        {err && <TrainingProblemAlert error={err} />}
        <CourseSelect value={courseId} onChange={setCourseId} error={err} testId="session-course" />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="datetime-local"
            label={t('training.sessions.startsAt')}
            description={t('common.siteTime', { tz })}
            value={startsAt}
            onChange={(e) => setStartsAt(e.currentTarget.value)}
            required
            error={(startIso ? undefined : t('common.invalidDateTime')) ?? fieldError(err, 'startsAt')}
            data-testid="session-starts-at"
          />
          <TextInput
            type="datetime-local"
            label={t('training.sessions.endsAt')}
            description={t('common.siteTime', { tz })}
            value={endsAt}
            onChange={(e) => setEndsAt(e.currentTarget.value)}
            required
            error={
              (!endIso
                ? t('common.invalidDateTime')
                : endBeforeStart
                  ? t('training.sessions.endBeforeStart')
                  : undefined) ?? fieldError(err, 'endsAt')
            }
            data-testid="session-ends-at"
          />
        </SimpleGrid>
        <NativeSelect
          label={t('training.sessions.trainer')}
          data={[{ value: '', label: t('common.choose'), disabled: true }, ...trainers.options]}
          value={trainer}
          onChange={(e) => setTrainerId(e.currentTarget.value)}
          required
          error={fieldError(err, 'trainerId')}
          data-testid="session-trainer"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('training.sessions.room')}
            value={room}
            onChange={(e) => setRoom(e.currentTarget.value)}
            required
            error={fieldError(err, 'room')}
            data-testid="session-room"
          />
          <NumberInput
            label={t('training.sessions.capacity')}
            value={capacity}
            onChange={setCapacity}
            min={1}
            max={500}
            allowDecimal={false}
            required
            error={fieldError(err, 'capacity')}
            data-testid="session-capacity"
          />
        </SimpleGrid>
        <FormActions
          onCancel={close}
          submitLabel={t('common.create')}
          loading={create.isPending}
          disabled={!courseId || !trainer || endBeforeStart}
          testId="session-submit"
        />
      </Stack>
    </Modal>
  );
}
