/** The "reason for the change" a GMP-relevant change must carry (audit trail: why). */
import { Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../../components/ProblemAlert';

export function ReasonField({
  value,
  onChange,
  error,
  required = true,
  testId = 'reason',
}: {
  value: string;
  onChange: (value: string) => void;
  error?: unknown;
  required?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Textarea
      label={t('mfg.common.reason')}
      description={t('mfg.common.reasonHint')}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      required={required}
      autosize
      minRows={2}
      error={fieldError(error, 'reason')}
      data-testid={testId}
    />
  );
}
