/** The "reason for the change" a GMP-relevant change must carry (audit trail: why), in every area. */
import { Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldError } from './ProblemAlert';

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
  /** False where the reason is asked for but not demanded (a QA disposition's comment). */
  required?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Textarea
      label={t('common.changeReason')}
      description={t('common.changeReasonHint')}
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
