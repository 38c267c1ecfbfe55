/** One data field of a step as a table row: key, label, type, unit, min, max, required; move and remove. */
import {
  ActionIcon,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  Table,
  TextInput,
  type TextInputProps,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FIELD_TYPES, type FieldType } from '../processes.types';
import type { FieldForm } from './processDraft';
import { ReorderButtons } from './ReorderButtons';

/** The column heading of each input, also its accessible name (the row has no labels of its own). */
export const FIELD_COLUMNS = {
  key: 'mfg.process.fieldKey',
  label: 'mfg.process.fieldLabel',
  type: 'mfg.process.fieldType',
  unit: 'mfg.process.unit',
  min: 'mfg.process.min',
  max: 'mfg.process.max',
  required: 'mfg.process.required',
} as const;

interface Props {
  field: FieldForm;
  index: number;
  count: number;
  /** What the form already sees wrong (i18n keys under `mfg.process.check`). */
  problems: { key?: string; range?: string };
  /** The server's error for one property of this field. */
  errorAt: (name: keyof FieldForm) => ReactNode;
  onChange: (field: FieldForm) => void;
  onMove: (dir: -1 | 1) => void;
  onRemove: () => void;
}

export function FieldRow({ field, index, count, problems, errorAt, onChange, onMove, onRemove }: Props) {
  const { t } = useTranslation();
  const set = <K extends keyof FieldForm>(key: K, value: FieldForm[K]) => onChange({ ...field, [key]: value });
  const check = (problem: string | undefined, name: keyof FieldForm) =>
    problem ? t(`mfg.process.check.${problem}`) : errorAt(name);
  const numeric = field.type === 'number';

  const text = (name: 'key' | 'label' | 'unit', props: TextInputProps = {}) => (
    <Table.Td>
      <TextInput
        size="xs"
        value={field[name]}
        onChange={(e) => set(name, e.currentTarget.value)}
        error={errorAt(name)}
        aria-label={t(FIELD_COLUMNS[name])}
        data-testid={`field-${name}`}
        {...props}
      />
    </Table.Td>
  );
  const bound = (name: 'min' | 'max', error: ReactNode) => (
    <Table.Td>
      <NumberInput
        size="xs"
        w={100}
        value={numeric ? field[name] : ''}
        onChange={(v) => set(name, v)}
        disabled={!numeric}
        error={error}
        aria-label={t(FIELD_COLUMNS[name])}
        data-testid={`field-${name}`}
      />
    </Table.Td>
  );

  return (
    <Table.Tr data-testid="field-row" data-index={index}>
      {text('key', {
        onChange: (e) => set('key', e.currentTarget.value.trim()),
        placeholder: 'viableCells',
        required: true,
        ff: 'monospace',
        error: check(problems.key, 'key'),
      })}
      {text('label', { required: true })}
      <Table.Td>
        <NativeSelect
          size="xs"
          w={120}
          data={FIELD_TYPES.map((x) => ({ value: x, label: t(`mfg.fieldType.${x}`) }))}
          value={field.type}
          onChange={(e) => set('type', e.currentTarget.value as FieldType)}
          aria-label={t(FIELD_COLUMNS.type)}
          data-testid="field-type"
        />
      </Table.Td>
      {text('unit', { w: 90 })}
      {bound('min', check(problems.range, 'min'))}
      {bound('max', errorAt('max'))}
      <Table.Td>
        <Checkbox
          checked={field.required}
          onChange={(e) => set('required', e.currentTarget.checked)}
          aria-label={t(FIELD_COLUMNS.required)}
          data-testid="field-required"
        />
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <ReorderButtons index={index} count={count} onMove={onMove} variant="subtle" testIdPrefix="field" />
          <ActionIcon
            variant="subtle"
            color="red"
            onClick={onRemove}
            aria-label={t('mfg.process.removeField')}
            data-testid="field-remove"
          >
            ✕
          </ActionIcon>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
