/** Gives an external learner a trainee login (users:write): username and an initial password. */
import { Alert, Button, Group, Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../../components/ProblemAlert';
import { TrainingProblemAlert } from '../common/TrainingProblemAlert';
import type { Learner } from '../training.types';
import { useGiveAccount } from './learners.api';

export function LearnerAccountModal({
  learner,
  opened,
  onClose,
}: {
  learner: Learner;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const give = useGiveAccount(learner.id);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const close = () => {
    give.reset();
    setPassword('');
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    give.mutate(
      { username: username.trim(), password },
      {
        onSuccess: (l) => {
          notifications.show({
            color: 'teal',
            message: t('training.learners.accountNotice', { name: l.name, username: l.username ?? username }),
          });
          setUsername('');
          close();
        },
        onError: () => setPassword(''),
      },
    );
  };
  const err = give.error;
  return (
    <Modal opened={opened} onClose={close} title={t('training.learners.giveLogin')} centered>
      <Stack component="form" onSubmit={submit} data-testid="learner-account-form">
        {err && <TrainingProblemAlert error={err} />}
        <Alert color="blue" variant="light">
          <Text size="sm">{t('training.learners.giveLoginHint', { name: learner.name })}</Text>
        </Alert>
        <TextInput
          label={t('users.username')}
          value={username}
          onChange={(e) => setUsername(e.currentTarget.value)}
          autoComplete="off"
          required
          error={fieldError(err, 'username')}
          data-testid="learner-account-username"
        />
        <PasswordInput
          label={t('users.password')}
          description={t('users.passwordHint')}
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          autoComplete="new-password"
          required
          error={fieldError(err, 'password')}
          data-testid="learner-account-password"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={give.isPending} data-testid="learner-account-submit">
            {t('training.learners.giveLogin')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
