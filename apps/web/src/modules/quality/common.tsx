/** Small pieces every quality page shares: due dates with their overdue flag, status badges, form inputs, list filters. */
import { Autocomplete, Badge, Checkbox, Group, NativeSelect, Switch, Text, TextInput, Textarea } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { fieldError } from '../../components/ProblemAlert';
import type { ListFilter } from './quality.api';
import { useUsernames } from './quality.api';

const COLORS: Record<string, Record<string, string>> = {
  capaStatus: { open: 'orange', effectiveness_check: 'yellow', closed: 'gray' },
  changeStatus: {
    draft: 'gray',
    assessed: 'blue',
    approved: 'indigo',
    implemented: 'teal',
    closed: 'dark',
    withdrawn: 'dark',
  },
  actionStatus: { open: 'orange', completed: 'teal' },
  impact: { none: 'teal', acceptable: 'yellow', not_acceptable: 'red' },
  checkResult: { effective: 'teal', not_effective: 'red' },
};

export function QualityBadge({ kind, value }: { kind: keyof typeof COLORS; value: string }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={COLORS[kind]?.[value] ?? 'gray'}
      variant="light"
      miw="max-content"
      data-testid={`${kind}-badge`}
      data-value={value}
    >
      {t(`quality.${kind}.${value}`, { defaultValue: value })}
    </Badge>
  );
}

/** A due date (a local calendar date, shown as written) and, when it has passed, an OVERDUE badge. */
export function DueDate({
  date,
  overdue,
  testId = 'due-date',
}: {
  date: string | null;
  overdue: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  if (!date) return <>—</>;
  return (
    <Group gap={6} wrap="nowrap" data-testid={testId} data-overdue={overdue}>
      <Text
        size="sm"
        ff="monospace"
        c={overdue ? 'red' : undefined}
        fw={overdue ? 700 : undefined}
        style={{ whiteSpace: 'nowrap' }}
      >
        {date}
      </Text>
      {overdue && (
        <Badge color="red" variant="filled" size="sm" miw="max-content">
          {t('quality.overdue')}
        </Badge>
      )}
    </Group>
  );
}

/** What every input of a quality form takes: its label, its value as text, the body field's error, its test id. */
interface InputProps {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: ReactNode;
  testId: string;
}

/** A username: a list of active users for readers who may see users, free text (the username) for the others. */
export function OwnerInput({ label, value, onChange, error, testId }: InputProps) {
  const { t } = useTranslation();
  const { can } = useSession();
  const users = useUsernames(can('users:read'));
  return (
    <Autocomplete
      label={label}
      description={t('quality.ownerHint')}
      data={users.data ?? []}
      value={value}
      onChange={onChange}
      required
      error={error}
      data-testid={testId}
    />
  );
}

/** A calendar date (YYYY-MM-DD) with the browser's date picker. */
export function DateInput({ label, value, onChange, error, testId }: InputProps) {
  return (
    <TextInput
      type="date"
      label={label}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      required
      error={error}
      data-testid={testId}
    />
  );
}

/** One line of text: a record's title (200 characters at the most), a reference. */
export function LineInput({
  label,
  value,
  onChange,
  error,
  testId,
  maxLength = 200,
  required = true,
}: InputProps & { maxLength?: number; required?: boolean }) {
  return (
    <TextInput
      label={label}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      required={required}
      maxLength={maxLength}
      error={error}
      data-testid={testId}
    />
  );
}

/** A required text of several lines (4,000 characters at the most) that grows as it is written. */
export function TextBlockInput({
  label,
  description,
  value,
  onChange,
  error,
  testId,
  minRows,
  maxLength = 4000,
}: InputProps & { description?: string; minRows?: number; maxLength?: number }) {
  return (
    <Textarea
      label={label}
      description={description}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      required
      autosize
      minRows={minRows}
      maxLength={maxLength}
      error={error}
      data-testid={testId}
    />
  );
}

/** The body field's error of a refused request, for the inputs of a form. */
export const bodyError = (error: unknown) => (field: string) => fieldError(error, field);

/** Status, overdue only, mine only: the filters of every quality list. */
export function ListFilters({
  statuses,
  statusKey,
  value,
  onChange,
  children,
}: {
  statuses: readonly string[];
  statusKey: string;
  value: ListFilter;
  onChange: (f: ListFilter) => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const { me } = useSession();
  return (
    <Group align="flex-end" gap="lg">
      <NativeSelect
        label={t('quality.filter.status')}
        data={[
          { value: '', label: t('quality.filter.all') },
          ...statuses.map((s) => ({ value: s, label: t(`${statusKey}.${s}`, { defaultValue: s }) })),
        ]}
        value={value.status ?? ''}
        onChange={(e) => onChange({ ...value, status: e.currentTarget.value })}
        w={220}
        data-testid="filter-status"
      />
      {children}
      <Switch
        label={t('quality.filter.overdue')}
        checked={!!value.overdue}
        onChange={(e) => onChange({ ...value, overdue: e.currentTarget.checked })}
        data-testid="filter-overdue"
      />
      <Checkbox
        label={t('quality.filter.mine')}
        checked={value.owner === me.user.username}
        onChange={(e) => onChange({ ...value, owner: e.currentTarget.checked ? me.user.username : '' })}
        data-testid="filter-mine"
      />
    </Group>
  );
}
