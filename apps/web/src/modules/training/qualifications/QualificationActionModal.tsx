/** Suspend, reinstate or revoke a qualification with a reason (training:assess); revoking is final. */
import { Alert, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../../components/FormActions';
import { ReasonField } from '../../../components/ReasonField';
import { TrainingProblemAlert } from '../common/TrainingProblemAlert';
import type { Qualification } from '../training.types';
import { useQualificationAction, type QualificationAction } from './qualifications.api';

const COLORS: Record<QualificationAction, string> = { suspend: 'yellow', reinstate: 'teal', revoke: 'red' };

export function QualificationActionModal({
  qualification: q,
  action,
  onClose,
}: {
  qualification: Qualification;
  action: QualificationAction;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const act = useQualificationAction();
  const [reason, setReason] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    act.mutate(
      { id: q.id, action, reason: reason.trim() },
      {
        onSuccess: () => {
          notifications.show({
            color: 'teal',
            message: t(`training.qualifications.${action}Done`, { code: q.courseCode, name: q.learnerName }),
          });
          onClose();
        },
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t(`training.qualifications.${action}Title`)} centered>
      <Stack component="form" onSubmit={submit} data-testid="qualification-action-form" data-action={action}>
        {act.error && <TrainingProblemAlert error={act.error} />}
        <Text size="sm">
          {q.learnerName} · <b>{q.courseCode}</b>
        </Text>
        <Alert color={COLORS[action]} variant="light">
          <Text size="sm">{t(`training.qualifications.${action}Effect`)}</Text>
        </Alert>
        <ReasonField value={reason} onChange={setReason} error={act.error} testId="qualification-action-reason" />
        <FormActions
          onCancel={onClose}
          submitLabel={t(`training.qualifications.${action}`)}
          color={COLORS[action]}
          loading={act.isPending}
          disabled={!reason.trim()}
          testId="qualification-action-submit"
        />
      </Stack>
    </Modal>
  );
}
