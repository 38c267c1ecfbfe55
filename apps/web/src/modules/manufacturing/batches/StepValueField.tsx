/**
 * One data field of a step, sized for a tablet: number (unit and range shown; a value outside the range is
 * highlighted before saving with the note that saving opens a deviation), yes/no, or text.
 */
import { Input, NumberInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FieldDef } from '../processes.types';
import { rangeText } from '../processes/StepsView';
import { isOutOfRange, type Draft } from './stepLogic';

interface Props {
  field: FieldDef;
  value: Draft | undefined;
  onChange: (value: Draft) => void;
  /** Show "required" for an empty required field (after a first attempt to complete). */
  showMissing: boolean;
}

export function StepValueField({ field, value, onChange, showMissing }: Props) {
  const { t } = useTranslation();
  const range = rangeText(field);
  const out = isOutOfRange(field, value);
  const missing = showMissing && field.required !== false && (value === undefined || value === '');
  const description = range
    ? t('mfg.run.rangeHint', { range })
    : field.unit
      ? t('mfg.run.unitHint', { unit: field.unit })
      : undefined;
  const common = {
    'data-testid': `value-${field.key}`,
    'data-out-of-range': String(out),
  };
  if (field.type === 'boolean')
    return (
      <Input.Wrapper
        label={field.label}
        required={field.required !== false}
        error={missing ? t('mfg.run.required') : undefined}
        size="lg"
      >
        <SegmentedControl
          size="lg"
          fullWidth
          value={value === true ? 'yes' : value === false ? 'no' : ''}
          onChange={(v) => onChange(v === 'yes')}
          data={[
            { value: 'yes', label: t('mfg.common.yes') },
            { value: 'no', label: t('mfg.common.no') },
          ]}
          mt={4}
          {...common}
        />
      </Input.Wrapper>
    );
  if (field.type === 'text')
    return (
      <TextInput
        size="xl"
        label={field.label}
        description={description}
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => onChange(e.currentTarget.value)}
        required={field.required !== false}
        error={missing ? t('mfg.run.required') : undefined}
        {...common}
      />
    );
  return (
    <Stack gap={4}>
      <NumberInput
        size="xl"
        label={field.label}
        description={description}
        value={typeof value === 'number' ? value : ''}
        onChange={(v) => onChange(typeof v === 'number' ? v : '')}
        rightSection={
          field.unit ? (
            <Text size="md" c="dimmed" pr="sm">
              {field.unit}
            </Text>
          ) : undefined
        }
        rightSectionWidth={field.unit ? Math.max(60, field.unit.length * 12 + 24) : undefined}
        required={field.required !== false}
        error={out ? t('mfg.run.outOfRange', { range }) : missing ? t('mfg.run.required') : undefined}
        styles={out ? { input: { background: 'var(--mantine-color-orange-0)', fontWeight: 700 } } : undefined}
        decimalSeparator="."
        {...common}
      />
    </Stack>
  );
}
