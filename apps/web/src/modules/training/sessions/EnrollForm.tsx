/**
 * Enrol a learner in a session. A full session answers 409 `training.session_full`: that is shown as a
 * clear message with a one-click "add to the waiting list" that posts `{ learnerId, waitlist: true }`.
 */
import { Alert, Button, Group, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isProblem } from '../../../api/client';
import { TrainingProblemAlert, useTrainingProblemText } from '../common/TrainingProblemAlert';
import { useLearners } from '../learners/learners.api';
import type { SessionDetail } from '../training.types';
import { useEnroll } from './sessions.api';

export function EnrollForm({ session }: { session: SessionDetail }) {
  const { t } = useTranslation();
  const problemText = useTrainingProblemText();
  const learners = useLearners();
  const enroll = useEnroll(session.id);
  const [learnerId, setLearnerId] = useState<string | null>(null);
  const taken = new Set(session.enrollments.filter((e) => e.status !== 'cancelled').map((e) => e.learnerId));
  const options = (learners.data?.items ?? [])
    .filter((l) => !taken.has(l.id))
    .map((l) => ({ value: l.id, label: `${l.name} · ${l.institution}` }));

  const send = (waitlist: boolean) => {
    if (!learnerId) return;
    enroll.mutate(waitlist ? { learnerId, waitlist: true } : { learnerId }, {
      onSuccess: (e) => {
        notifications.show({
          color: 'teal',
          message: t(
            e.status === 'waitlisted' ? 'training.enroll.waitlistedNotice' : 'training.enroll.enrolledNotice',
            {
              name: e.learnerName,
            },
          ),
        });
        setLearnerId(null);
        enroll.reset();
      },
    });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    send(false);
  };
  const full = isProblem(enroll.error, 409) && enroll.error.code === 'training.session_full' ? enroll.error : null;
  return (
    <Stack component="form" onSubmit={submit} gap="sm" data-testid="enroll-form">
      <Group align="flex-end">
        <Select
          label={t('training.enroll.learner')}
          placeholder={t('training.enroll.searchPlaceholder')}
          data={options}
          value={learnerId}
          onChange={(v) => {
            setLearnerId(v);
            enroll.reset();
          }}
          searchable
          clearable
          nothingFoundMessage={t('training.enroll.noLearner')}
          comboboxProps={{ withinPortal: false }}
          w={360}
          maw="100%"
          data-testid="enroll-learner"
        />
        <Button type="submit" disabled={!learnerId} loading={enroll.isPending && !full} data-testid="enroll-submit">
          {t('training.enroll.submit')}
        </Button>
      </Group>
      {full && (
        <Alert
          color="orange"
          variant="light"
          title={t('training.enroll.fullTitle')}
          data-testid="session-full"
          role="alert"
        >
          <Stack gap="xs" align="flex-start">
            <Text size="sm">
              {problemText(full) ?? full.detail ?? t('training.enroll.fullFallback', { capacity: session.capacity })}
            </Text>
            <Button color="orange" onClick={() => send(true)} loading={enroll.isPending} data-testid="enroll-waitlist">
              {t('training.enroll.addToWaitlist')}
            </Button>
          </Stack>
        </Alert>
      )}
      {enroll.error && !full && <TrainingProblemAlert error={enroll.error} testId="enroll-error" />}
    </Stack>
  );
}
