/** "Screen a patient": pick a registered patient (code; name and MRN for readers allowed to see them) and start. */
import { Modal, Radio, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useTimeZone } from '../../../app/session';
import { FormActions } from '../../../components/FormActions';
import { ProblemAlert, fieldError } from '../../../components/ProblemAlert';
import { useNowInput } from '../../../lib/useNowInput';
import { usePatientSearch } from '../clinical.api';
import { SiteTimeField } from '../SiteTimeField';
import { useScreenPatient } from './screening.api';

export function ScreenPatientModal({
  studyId,
  opened,
  onClose,
  onScreened,
}: {
  studyId: string;
  opened: boolean;
  onClose: () => void;
  onScreened: (subjectId: string) => void;
}) {
  const { t } = useTranslation();
  const tz = useTimeZone();
  const [search, setSearch] = useState('');
  const [patientId, setPatientId] = useState('');
  const screenedAt = useNowInput(tz);
  const patients = usePatientSearch(search.trim(), opened);
  const screen = useScreenPatient(studyId);
  const close = () => {
    screen.reset();
    setPatientId('');
    setSearch('');
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!patientId) return;
    screen.mutate(
      { patientId, screenedAt: screenedAt.toIso() ?? undefined },
      {
        onSuccess: (subject) => {
          close();
          onScreened(subject.id);
        },
      },
    );
  };
  const items = patients.data?.items ?? [];
  return (
    <Modal opened={opened} onClose={close} title={t('clinical.screening.screenTitle')} centered size="lg">
      <Stack component="form" onSubmit={submit} data-testid="screen-form">
        <ProblemAlert error={screen.error} testId="screen-error" />
        <TextInput
          label={t('clinical.screening.patientSearch')}
          description={t('clinical.screening.patientSearchHint')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          data-autofocus
          data-testid="screen-search"
        />
        {patients.isError && <ProblemAlert error={patients.error} />}
        <Radio.Group
          label={t('clinical.screening.patient')}
          value={patientId}
          onChange={setPatientId}
          required
          error={fieldError(screen.error, 'patientId')}
        >
          <ScrollArea.Autosize mah={260} mt={4}>
            <Stack gap={6}>
              {items.map((p) => (
                <Radio
                  key={p.id}
                  value={p.id}
                  label={[p.subjectCode, p.name, p.mrn, t(`sex.${p.sex}`), p.birthDate].filter(Boolean).join(' · ')}
                  data-testid="screen-patient-option"
                  data-code={p.subjectCode}
                />
              ))}
            </Stack>
          </ScrollArea.Autosize>
        </Radio.Group>
        {patients.data && items.length === 0 && <Text size="sm">{t('clinical.screening.noPatients')}</Text>}
        <SiteTimeField
          label={t('clinical.screening.screenedAt')}
          input={screenedAt}
          error={fieldError(screen.error, 'screenedAt')}
          testId="screen-at"
        />
        <FormActions
          onCancel={close}
          submitLabel={t('clinical.screening.start')}
          loading={screen.isPending}
          disabled={!patientId || !screenedAt.valid}
          testId="screen-submit"
        />
      </Stack>
    </Modal>
  );
}
