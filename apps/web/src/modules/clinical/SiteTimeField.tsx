/** A date-time typed in the site's time zone (it says which), defaulting to now; see lib/useNowInput. */
import { TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useTimeZone } from '../../app/session';
import type { useNowInput } from '../../lib/useNowInput';

export function SiteTimeField({
  label,
  input,
  error,
  testId,
}: {
  label: string;
  input: ReturnType<typeof useNowInput>;
  error?: ReactNode;
  testId: string;
}) {
  const { t } = useTranslation();
  const tz = useTimeZone();
  return (
    <TextInput
      type="datetime-local"
      label={label}
      description={t('common.siteTime', { tz })}
      value={input.value}
      onChange={(e) => input.set(e.currentTarget.value)}
      required
      error={error ?? (input.valid ? undefined : t('common.invalidDateTime'))}
      data-testid={testId}
    />
  );
}
