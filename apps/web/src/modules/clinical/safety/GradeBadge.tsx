/** A toxicity grade (CTCAE, ASTCT) as a coloured badge: 0 none, 1 mild … 4 life-threatening, 5 death. */
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLORS = ['teal', 'yellow', 'orange', 'red', 'red', 'dark'] as const;

export function GradeBadge({ grade, testId, size = 'md' }: { grade: number | null; testId?: string; size?: 'md' | 'lg' | 'xl' }) {
  const { t } = useTranslation();
  if (grade === null) return <>—</>;
  const color = COLORS[Math.max(0, Math.min(5, grade))] ?? 'gray';
  // Yellow badges carry dark text: white on yellow is unreadable.
  return (
    <Badge color={color} autoContrast variant={grade >= 4 ? 'filled' : 'light'} size={size} data-testid={testId} data-grade={grade}>
      {grade === 0 ? t('clinical.safety.grade.none') : t('clinical.safety.ae.gradeN', { grade })}
    </Badge>
  );
}
