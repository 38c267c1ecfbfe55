/** Change the year's training target (training:write) with a reason. */
import { Modal, NumberInput, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../../components/FormActions';
import { fieldError } from '../../../components/ProblemAlert';
import { ReasonField } from '../../../components/ReasonField';
import { TrainingProblemAlert } from '../common/TrainingProblemAlert';
import { useSetTarget } from './dashboard.api';

export function TargetModal({ year, current, onClose }: { year: number; current: number; onClose: () => void }) {
  const { t } = useTranslation();
  const set = useSetTarget(year);
  const [target, setTarget] = useState<number | string>(current);
  const [reason, setReason] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    set.mutate(
      { target: Number(target), reason: reason.trim() },
      {
        onSuccess: (r) => {
          notifications.show({
            color: 'teal',
            message: t('training.dashboard.targetSaved', { year: r.year, target: r.target }),
          });
          onClose();
        },
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('training.dashboard.targetTitle', { year })} centered>
      <Stack component="form" onSubmit={submit} data-testid="target-form">
        {set.error && <TrainingProblemAlert error={set.error} />}
        <NumberInput
          label={t('training.dashboard.target')}
          value={target}
          onChange={setTarget}
          min={1}
          max={100000}
          allowDecimal={false}
          required
          error={fieldError(set.error, 'target')}
          data-testid="target-value"
        />
        <ReasonField value={reason} onChange={setReason} error={set.error} testId="target-reason" />
        <FormActions
          onCancel={onClose}
          submitLabel={t('training.common.save')}
          loading={set.isPending}
          disabled={!reason.trim() || target === ''}
          testId="target-submit"
        />
      </Stack>
    </Modal>
  );
}
