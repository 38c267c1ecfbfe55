/** The "reason for the change" every GMP-relevant change of training data must carry. */
import { Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../../components/ProblemAlert';

export function ReasonField({
  value,
  onChange,
  error,
  testId = 'reason',
}: {
  value: string;
  onChange: (value: string) => void;
  error?: unknown;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Textarea
      label={t('training.common.reason')}
      description={t('training.common.reasonHint')}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      required
      autosize
      minRows={2}
      error={fieldError(error, 'reason')}
      data-testid={testId}
    />
  );
}
