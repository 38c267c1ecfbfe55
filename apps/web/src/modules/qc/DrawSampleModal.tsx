/** Draws a sample from the batch: what was sampled, for which tests, and the in-process step (if any). */
import { Modal, MultiSelect, NumberInput, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/FormActions';
import { ProblemAlert, fieldError } from '../../components/ProblemAlert';
import { useDrawSample } from './qc.api';
import type { BatchQc } from './qc.types';

export function DrawSampleModal({ qc, opened, onClose }: { qc: BatchQc; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [tests, setTests] = useState<string[]>([]);
  const [step, setStep] = useState<number | string>('');
  const draw = useDrawSample(qc.batch.id);
  const close = () => {
    draw.reset();
    setName('');
    setTests([]);
    setStep('');
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const stepIndex = typeof step === 'number' ? step : undefined;
    draw.mutate({ name: name.trim(), testCodes: tests, ...(stepIndex ? { stepIndex } : {}) }, { onSuccess: close });
  };
  return (
    <Modal opened={opened} onClose={close} title={t('qc.samples.draw')}>
      <Stack component="form" onSubmit={submit} data-testid="qc-sample-form">
        <ProblemAlert error={draw.error} testId="qc-sample-error" />
        <TextInput
          label={t('qc.samples.name')}
          placeholder={t('qc.samples.namePlaceholder')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          required
          error={fieldError(draw.error, 'name')}
          data-testid="qc-sample-name"
        />
        <MultiSelect
          label={t('qc.samples.tests')}
          data={(qc.specification?.tests ?? []).map((x) => ({ value: x.code, label: `${x.code} · ${x.name}` }))}
          value={tests}
          onChange={setTests}
          required
          error={fieldError(draw.error, 'testCodes')}
          data-testid="qc-sample-tests"
        />
        <NumberInput
          label={t('qc.samples.stepIndex')}
          description={t('qc.samples.stepHint')}
          min={1}
          max={60}
          allowDecimal={false}
          value={step}
          onChange={setStep}
          data-testid="qc-sample-step"
        />
        <FormActions
          onCancel={close}
          submitLabel={t('qc.samples.submit')}
          loading={draw.isPending}
          disabled={!name.trim() || !tests.length}
          testId="qc-sample-submit"
        />
      </Stack>
    </Modal>
  );
}
