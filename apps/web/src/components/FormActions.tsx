/** The foot of every modal form: Cancel, then the submit button, which names what the form does. */
import { Button, Group, type MantineColor } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function FormActions({
  onCancel,
  submitLabel,
  loading,
  disabled,
  color,
  testId,
}: {
  onCancel: () => void;
  submitLabel: ReactNode;
  /** The request is in flight: the button spins and cannot be pressed twice. */
  loading: boolean;
  disabled?: boolean;
  /** A warning colour for submits that do more than they seem (revoke, requalify). */
  color?: MantineColor | undefined;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" color={color} loading={loading} disabled={disabled} data-testid={testId}>
        {submitLabel}
      </Button>
    </Group>
  );
}
