/** Gives an external learner a trainee login (users:write): username and an initial password. */
import { Alert, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../../components/FormActions';
import { NewPasswordInput, UsernameInput } from '../../users/AccountFields';
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
        <UsernameInput value={username} onChange={setUsername} error={err} testId="learner-account-username" />
        <NewPasswordInput value={password} onChange={setPassword} error={err} testId="learner-account-password" />
        <FormActions
          onCancel={close}
          submitLabel={t('training.learners.giveLogin')}
          loading={give.isPending}
          testId="learner-account-submit"
        />
      </Stack>
    </Modal>
  );
}
