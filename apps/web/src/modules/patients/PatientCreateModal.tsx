/** Form to register a patient: sex, birth date, optional name and MRN (kept apart from the subject code). */
import { Modal, NativeSelect, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Sex } from '../../api/types';
import { FormActions } from '../../components/FormActions';
import { ProblemAlert, fieldError } from '../../components/ProblemAlert';
import { useCreatePatient } from './patients.api';

export function PatientCreateModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreatePatient();
  const [sex, setSex] = useState<Sex | null>(null);
  const [birthDate, setBirthDate] = useState('');
  const [name, setName] = useState('');
  const [mrn, setMrn] = useState('');

  const close = () => {
    create.reset();
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!sex) return;
    create.mutate(
      { sex, birthDate, name: name.trim() || undefined, mrn: mrn.trim() || undefined },
      {
        onSuccess: (patient) => {
          notifications.show({ color: 'teal', message: t('patients.createdNotice', { code: patient.subjectCode }) });
          setSex(null);
          setBirthDate('');
          setName('');
          setMrn('');
          close();
          void navigate(`/patients/${patient.id}`);
        },
      },
    );
  };
  const err = create.error;
  return (
    <Modal opened={opened} onClose={close} title={t('patients.createTitle')} centered>
      <Stack component="form" onSubmit={submit} data-testid="patient-form">
        {err && <ProblemAlert error={err} />}
        <NativeSelect
          label={t('patients.sex')}
          data={[
            { value: '', label: t('common.choose'), disabled: true },
            ...(['female', 'male'] as const).map((s) => ({ value: s, label: t(`sex.${s}`) })),
          ]}
          value={sex ?? ''}
          onChange={(e) => setSex((e.currentTarget.value || null) as Sex | null)}
          required
          error={fieldError(err, 'sex')}
          data-testid="patient-sex"
        />
        <TextInput
          type="date"
          label={t('patients.birthDate')}
          value={birthDate}
          onChange={(e) => setBirthDate(e.currentTarget.value)}
          required
          error={fieldError(err, 'birthDate')}
          data-testid="patient-birthdate"
        />
        <TextInput
          label={t('patients.name')}
          description={t('common.optional')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={fieldError(err, 'name')}
          data-testid="patient-name"
        />
        <TextInput
          label={t('patients.mrn')}
          description={t('common.optional')}
          value={mrn}
          onChange={(e) => setMrn(e.currentTarget.value)}
          error={fieldError(err, 'mrn')}
          data-testid="patient-mrn"
        />
        <FormActions
          onCancel={close}
          submitLabel={t('common.create')}
          loading={create.isPending}
          disabled={!sex || !birthDate}
          testId="patient-submit"
        />
      </Stack>
    </Modal>
  );
}
