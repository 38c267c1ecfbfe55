/**
 * Editing a draft's visit definitions: code, names in both languages, phase, anchor, day offset, window,
 * assessments (translated), repeat; a server field error lands on the input it names (`body.visits.2.code`).
 */
import { ActionIcon, Checkbox, Group, MultiSelect, NativeSelect, Paper, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { REPEAT_UNITS, VISIT_ANCHORS, VISIT_ASSESSMENTS, VISIT_PHASES } from '../casebook/visits.types';
import type { VisitRow } from './schedule';

type ErrorAt = (path: string) => ReactNode | undefined;

export function VisitRowEditor({ row, index, onChange, onRemove, errorAt }: { row: VisitRow; index: number; onChange: (r: VisitRow) => void; onRemove: () => void; errorAt: ErrorAt }) {
  const { t } = useTranslation();
  const set = <K extends keyof VisitRow>(key: K, value: VisitRow[K]) => onChange({ ...row, [key]: value });
  const at = (field: string) => errorAt(`visits.${index}.${field}`);
  const options = (values: readonly string[], group: string) => values.map((v) => ({ value: v, label: t(`clinical.visits.${group}.${v}`) }));
  const text = (field: 'code' | 'nameEn' | 'nameZh' | 'dayOffset' | 'windowBefore' | 'windowAfter', label: string, error?: ReactNode, type = 'text') => (
    <TextInput label={label} type={type} value={row[field]} onChange={(e) => set(field, e.currentTarget.value)} error={error} data-testid={`visit-${field}`} />
  );
  return (
    <Paper withBorder p="sm" data-testid="visit-definition-row" data-code={row.code}>
      <Stack gap="xs">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {text('code', t('clinical.visits.schedule.code'), at('code'))}
          {text('nameEn', t('clinical.visits.schedule.nameEn'), at('name.en'))}
          {text('nameZh', t('clinical.visits.schedule.nameZh'), at('name.zh'))}
          <NativeSelect label={t('clinical.visits.schedule.phase')} data={options(VISIT_PHASES, 'phases')} value={row.phase} onChange={(e) => set('phase', e.currentTarget.value as VisitRow['phase'])} data-testid="visit-phase" />
          <NativeSelect label={t('clinical.visits.schedule.anchor')} data={options(VISIT_ANCHORS, 'anchors')} value={row.anchor} onChange={(e) => set('anchor', e.currentTarget.value as VisitRow['anchor'])} data-testid="visit-anchor" />
          {text('dayOffset', t('clinical.visits.schedule.dayOffset'), at('dayOffset'), 'number')}
          {text('windowBefore', t('clinical.visits.schedule.windowBefore'), at('windowBefore'), 'number')}
          {text('windowAfter', t('clinical.visits.schedule.windowAfter'), at('windowAfter'), 'number')}
        </SimpleGrid>
        <MultiSelect
          label={t('clinical.visits.schedule.assessments')}
          data={options(VISIT_ASSESSMENTS, 'assessments')}
          value={row.assessments}
          onChange={(v) => set('assessments', v)}
          searchable
          error={at('assessments')}
          data-testid="visit-assessments"
        />
        <Group align="flex-end">
          <Checkbox label={t('clinical.visits.schedule.repeats')} checked={row.repeats} onChange={(e) => set('repeats', e.currentTarget.checked)} data-testid="visit-repeats" />
          {row.repeats && (
            <>
              <TextInput label={t('clinical.visits.schedule.every')} type="number" w={90} value={row.every} onChange={(e) => set('every', e.currentTarget.value)} error={at('repeat.every')} data-testid="visit-every" />
              <NativeSelect label={t('clinical.visits.schedule.unit')} data={options(REPEAT_UNITS, 'units')} value={row.unit} onChange={(e) => set('unit', e.currentTarget.value as VisitRow['unit'])} data-testid="visit-unit" />
              <TextInput label={t('clinical.visits.schedule.count')} description={t('clinical.visits.schedule.countHint')} type="number" w={220} value={row.count} onChange={(e) => set('count', e.currentTarget.value)} error={at('repeat.count') ?? at('repeat')} data-testid="visit-count" />
            </>
          )}
          <ActionIcon variant="subtle" color="red" ml="auto" onClick={onRemove} aria-label={t('clinical.visits.schedule.remove', { code: row.code })}>
            ×
          </ActionIcon>
        </Group>
      </Stack>
    </Paper>
  );
}
