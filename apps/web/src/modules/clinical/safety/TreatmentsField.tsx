/** The treatments given for CRS or ICANS at this assessment: each kind ticked, with the drug, dose and unit if known. */
import { Checkbox, Fieldset, Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TREATMENT_KINDS, type Treatment, type TreatmentKind } from './safety.types';

export type TreatmentDraft = Partial<Record<TreatmentKind, { name: string; dose: number | ''; unit: string }>>;

export function treatmentsOf(draft: TreatmentDraft): Treatment[] {
  return TREATMENT_KINDS.flatMap((kind) => {
    const d = draft[kind];
    if (!d) return [];
    return [
      {
        kind,
        ...(d.name.trim() ? { name: d.name.trim() } : {}),
        ...(typeof d.dose === 'number' ? { dose: d.dose } : {}),
        ...(d.unit.trim() ? { unit: d.unit.trim() } : {}),
      },
    ];
  });
}

export function TreatmentsField({
  value,
  onChange,
  testId,
}: {
  value: TreatmentDraft;
  onChange: (next: TreatmentDraft) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const set = (kind: TreatmentKind, next: TreatmentDraft[TreatmentKind]) => {
    const copy = { ...value };
    if (next) copy[kind] = next;
    else delete copy[kind];
    onChange(copy);
  };
  return (
    <Fieldset legend={t('clinical.safety.treatments.label')} variant="unstyled">
      <Text size="sm">{t('clinical.safety.treatments.hint')}</Text>
      <Stack gap="xs" mt="xs" data-testid={testId}>
        {TREATMENT_KINDS.map((kind) => {
          const d = value[kind];
          const name = t(`clinical.safety.treatments.kinds.${kind}`);
          return (
            <Group key={kind} align="flex-end" gap="sm">
              <Checkbox
                size="lg"
                label={name}
                checked={!!d}
                onChange={(e) => set(kind, e.currentTarget.checked ? { name: '', dose: '', unit: '' } : undefined)}
                w={220}
                data-testid={`${testId}-${kind}`}
              />
              {d && (
                <>
                  <TextInput
                    label={t('clinical.safety.treatments.drug', { kind: name })}
                    value={d.name}
                    onChange={(e) => set(kind, { ...d, name: e.currentTarget.value })}
                    maxLength={100}
                    w={200}
                  />
                  <NumberInput
                    label={t('clinical.safety.treatments.dose', { kind: name })}
                    value={d.dose}
                    onChange={(v) => set(kind, { ...d, dose: typeof v === 'number' ? v : '' })}
                    min={0}
                    decimalScale={3}
                    w={120}
                  />
                  <TextInput
                    label={t('clinical.safety.treatments.unit', { kind: name })}
                    value={d.unit}
                    onChange={(e) => set(kind, { ...d, unit: e.currentTarget.value })}
                    maxLength={20}
                    w={100}
                  />
                </>
              )}
            </Group>
          );
        })}
      </Stack>
    </Fieldset>
  );
}
