/** Reporting a deviation: what happened, the reporter's first judgement of severity, the batch it concerns if any. */
import { Modal, NativeSelect, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSession } from '../../app/session';
import { FormActions } from '../../components/FormActions';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useBatches } from '../manufacturing/batches/batches.api';
import { DEVIATION_SEVERITIES } from '../manufacturing/deviations.types';
import { bodyError, LineInput, TextBlockInput } from './common';
import { useReportDeviation } from './quality.api';

export function ReportDeviationModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const navigate = useNavigate();
  const report = useReportDeviation();
  const batches = useBatches({}, opened && can('batches:read'));
  const [form, setForm] = useState({ title: '', description: '', severity: '', batchId: '' });
  const set = (k: keyof typeof form) => (v: string) => setForm({ ...form, [k]: v });
  const err = bodyError(report.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    report.mutate(
      {
        title: form.title,
        description: form.description,
        severity: form.severity,
        ...(form.batchId ? { batchId: form.batchId } : {}),
      },
      { onSuccess: (d) => void navigate(`/quality/deviations/${d.id}`) },
    );
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('quality.deviation.report')} size="lg">
      <Stack component="form" onSubmit={submit} data-testid="report-deviation-form">
        <ProblemAlert error={report.error} />
        <LineInput
          label={t('quality.deviation.title')}
          value={form.title}
          onChange={set('title')}
          error={err('title')}
          testId="deviation-title"
        />
        <TextBlockInput
          label={t('quality.deviation.description')}
          description={t('quality.deviation.descriptionHint')}
          value={form.description}
          onChange={set('description')}
          minRows={3}
          error={err('description')}
          testId="deviation-description"
        />
        <NativeSelect
          label={t('quality.deviation.severity')}
          description={t('quality.deviation.severityHint')}
          data={[
            { value: '', label: t('quality.choose') },
            ...DEVIATION_SEVERITIES.map((s) => ({ value: s, label: t(`mfg.severity.${s}`) })),
          ]}
          value={form.severity}
          onChange={(e) => set('severity')(e.currentTarget.value)}
          required
          error={err('severity')}
          data-testid="deviation-severity"
        />
        {can('batches:read') && (
          <NativeSelect
            label={t('quality.deviation.batch')}
            data={[
              { value: '', label: t('quality.deviation.noBatch') },
              ...(batches.data?.items ?? []).map((b) => ({ value: b.id, label: b.batchNumber })),
            ]}
            value={form.batchId}
            onChange={(e) => set('batchId')(e.currentTarget.value)}
            error={err('batchId')}
            data-testid="deviation-batch"
          />
        )}
        <FormActions
          onCancel={onClose}
          submitLabel={t('quality.deviation.report')}
          loading={report.isPending}
          testId="deviation-submit"
        />
      </Stack>
    </Modal>
  );
}
