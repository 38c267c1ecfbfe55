/** Coloured status badges of the manufacturing records, worded in the UI language (`mfg.<kind>.<value>`). */
import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type Colors = Record<string, string>;

const COLORS = {
  lotStatus: { quarantine: 'yellow', released: 'teal', rejected: 'red' },
  equipmentStatus: { available: 'teal', in_use: 'blue', maintenance: 'orange', out_of_calibration: 'red' },
  roomStatus: { clean: 'teal', in_use: 'blue', to_be_cleaned: 'orange', quarantined: 'red' },
  processStatus: { draft: 'gray', effective: 'teal', superseded: 'dark', retired: 'dark' },
  batchStatus: {
    in_progress: 'blue',
    completed: 'teal',
    aborted: 'red',
    released: 'green',
    conditionally_released: 'lime',
    rejected: 'red',
  },
  emResult: { within: 'teal', alert: 'yellow', action: 'red' },
  severity: { minor: 'yellow', major: 'orange', critical: 'red' },
  deviationStatus: { open: 'red', classified: 'yellow', investigation: 'orange', closed: 'gray', cancelled: 'dark' },
  grade: { A: 'grape', B: 'indigo', C: 'blue', D: 'cyan' },
} satisfies Record<string, Colors>;

export type BadgeKind = keyof typeof COLORS;

/** Filled for what stops work (rejected, out of calibration, action excursion, critical), light otherwise. */
const FILLED = new Set(['rejected', 'out_of_calibration', 'quarantined', 'action', 'critical', 'aborted']);

export function StatusBadge({
  kind,
  value,
  testId,
  size,
}: {
  kind: BadgeKind;
  value: string;
  testId?: string;
  size?: BadgeProps['size'];
}) {
  const { t } = useTranslation();
  const colors: Colors = COLORS[kind];
  return (
    <Badge
      color={colors[value] ?? 'gray'}
      variant={FILLED.has(value) ? 'filled' : 'light'}
      size={size}
      miw="max-content"
      data-testid={testId ?? `${kind}-badge`}
      data-value={value}
    >
      {kind === 'grade'
        ? t('mfg.room.gradeValue', { grade: value })
        : t(`mfg.${kind}.${value}`, { defaultValue: value })}
    </Badge>
  );
}
