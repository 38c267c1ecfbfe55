/** New external learner (name, institution, profession, e-mail); staff can be added from the user list by admins. */
import { Modal, SegmentedControl, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../../api/client';
import type { Items, User } from '../../../api/types';
import { useSession } from '../../../app/session';
import { FormActions } from '../../../components/FormActions';
import { fieldError } from '../../../components/ProblemAlert';
import { TrainingProblemAlert } from '../common/TrainingProblemAlert';
import type { LearnerKind } from '../training.types';
import { useCreateLearner } from './learners.api';

export function LearnerCreateModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const navigate = useNavigate();
  const create = useCreateLearner();
  const users = useQuery({
    queryKey: ['users'],
    queryFn: () => api.get<Items<User>>('/users'),
    enabled: opened && can('users:read'),
  });
  const [kind, setKind] = useState<LearnerKind>('external');
  const [name, setName] = useState('');
  const [institution, setInstitution] = useState('');
  const [profession, setProfession] = useState('');
  const [email, setEmail] = useState('');
  const [userId, setUserId] = useState<string | null>(null);

  const close = () => {
    create.reset();
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body =
      kind === 'internal'
        ? { kind, userId: userId ?? '', ...(profession.trim() ? { profession: profession.trim() } : {}) }
        : {
            kind,
            name: name.trim(),
            institution: institution.trim(),
            profession: profession.trim(),
            ...(email.trim() ? { email: email.trim() } : {}),
          };
    create.mutate(body, {
      onSuccess: (learner) => {
        notifications.show({ color: 'teal', message: t('training.learners.createdNotice', { name: learner.name }) });
        setName('');
        setInstitution('');
        setProfession('');
        setEmail('');
        setUserId(null);
        close();
        void navigate(`/training/learners/${learner.id}`);
      },
    });
  };
  const err = create.error;
  return (
    <Modal opened={opened} onClose={close} title={t('training.learners.new')} centered>
      <Stack component="form" onSubmit={submit} data-testid="learner-form">
        {err && <TrainingProblemAlert error={err} />}
        {can('users:read') && (
          <SegmentedControl
            value={kind}
            onChange={(v) => setKind(v as LearnerKind)}
            data={[
              { value: 'external', label: t('training.learnerKind.external') },
              { value: 'internal', label: t('training.learnerKind.internal') },
            ]}
            data-testid="learner-kind"
          />
        )}
        {kind === 'internal' ? (
          <Select
            label={t('training.learners.user')}
            data={(users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }))}
            value={userId}
            onChange={setUserId}
            searchable
            required
            comboboxProps={{ withinPortal: false }}
            error={fieldError(err, 'userId')}
            data-testid="learner-user"
          />
        ) : (
          <>
            <TextInput
              label={t('training.learners.name')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              required
              error={fieldError(err, 'name')}
              data-testid="learner-name"
            />
            <TextInput
              label={t('training.learners.institution')}
              description={t('training.learners.institutionHint')}
              value={institution}
              onChange={(e) => setInstitution(e.currentTarget.value)}
              required
              error={fieldError(err, 'institution')}
              data-testid="learner-institution"
            />
          </>
        )}
        <TextInput
          label={t('training.learners.profession')}
          placeholder={t('training.learners.professionPlaceholder')}
          value={profession}
          onChange={(e) => setProfession(e.currentTarget.value)}
          required={kind === 'external'}
          error={fieldError(err, 'profession')}
          data-testid="learner-profession"
        />
        {kind === 'external' && (
          <TextInput
            label={t('training.learners.email')}
            type="email"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={fieldError(err, 'email')}
            data-testid="learner-email"
          />
        )}
        <FormActions
          onCancel={close}
          submitLabel={t('common.create')}
          loading={create.isPending}
          disabled={kind === 'internal' && !userId}
          testId="learner-submit"
        />
      </Stack>
    </Modal>
  );
}
