/** Up and down for one item of an ordered list (steps, fields): the first cannot go up, the last not down. */
import { ActionIcon, type ActionIconProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function ReorderButtons({
  index,
  count,
  onMove,
  variant,
  testIdPrefix,
}: {
  index: number;
  count: number;
  onMove: (dir: -1 | 1) => void;
  variant: ActionIconProps['variant'];
  /** `step` gives `step-up` and `step-down`. */
  testIdPrefix: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <ActionIcon
        variant={variant}
        onClick={() => onMove(-1)}
        disabled={index === 0}
        aria-label={t('mfg.process.moveUp')}
        data-testid={`${testIdPrefix}-up`}
      >
        ↑
      </ActionIcon>
      <ActionIcon
        variant={variant}
        onClick={() => onMove(1)}
        disabled={index === count - 1}
        aria-label={t('mfg.process.moveDown')}
        data-testid={`${testIdPrefix}-down`}
      >
        ↓
      </ActionIcon>
    </>
  );
}
