/** Creates a user account with one or more of the 13 roles. */
import { Modal, MultiSelect, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../api/types';
import { FormActions } from '../../components/FormActions';
import { ProblemAlert, fieldError } from '../../components/ProblemAlert';
import { NewPasswordInput, UsernameInput } from './AccountFields';
import { useCreateUser } from './users.api';

export function UserCreateModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<string[]>([]);

  const close = () => {
    create.reset();
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { username: username.trim(), displayName: displayName.trim(), password, roles },
      {
        onSuccess: (user) => {
          notifications.show({ color: 'teal', message: t('users.createdNotice', { username: user.username }) });
          setUsername('');
          setDisplayName('');
          setPassword('');
          setRoles([]);
          close();
        },
      },
    );
  };
  const err = create.error;
  return (
    <Modal opened={opened} onClose={close} title={t('users.createTitle')} centered>
      <Stack component="form" onSubmit={submit} data-testid="user-form">
        {err && <ProblemAlert error={err} />}
        <UsernameInput value={username} onChange={setUsername} error={err} testId="user-username" />
        <TextInput
          label={t('users.displayName')}
          value={displayName}
          onChange={(e) => setDisplayName(e.currentTarget.value)}
          required
          error={fieldError(err, 'displayName')}
          data-testid="user-display-name"
        />
        <NewPasswordInput value={password} onChange={setPassword} error={err} testId="user-password" />
        <MultiSelect
          label={t('users.roles')}
          data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          value={roles}
          onChange={setRoles}
          searchable
          required
          comboboxProps={{ withinPortal: false }}
          renderOption={({ option }) => <span data-testid={`role-option-${option.value}`}>{option.label}</span>}
          error={fieldError(err, 'roles')}
          data-testid="user-roles"
        />
        <FormActions
          onCancel={close}
          submitLabel={t('common.create')}
          loading={create.isPending}
          disabled={roles.length === 0}
          testId="user-submit"
        />
      </Stack>
    </Modal>
  );
}
