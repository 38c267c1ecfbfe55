/** The steps of a master batch record as read-only cards: instructions, fields with unit and range, materials, equipment types, qualification, witness. */
import { Badge, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FieldDef, StepDef } from '../processes.types';

/** `36.5–37.5 °C`, `≥ 1.0 ×10⁹ cells`, `≤ 5 %`, or '' when the field has no range. */
export function rangeText(field: Pick<FieldDef, 'min' | 'max' | 'unit'>): string {
  const unit = field.unit ? ` ${field.unit}` : '';
  const has = (v: number | null | undefined): v is number => typeof v === 'number';
  if (has(field.min) && has(field.max)) return `${field.min}–${field.max}${unit}`;
  if (has(field.min)) return `≥ ${field.min}${unit}`;
  if (has(field.max)) return `≤ ${field.max}${unit}`;
  return '';
}

function FieldsTable({ fields }: { fields: FieldDef[] }) {
  const { t } = useTranslation();
  if (fields.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('mfg.process.noFields')}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table withTableBorder data-testid="process-step-fields">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('mfg.process.fieldLabel')}</Table.Th>
            <Table.Th>{t('mfg.process.fieldKey')}</Table.Th>
            <Table.Th>{t('mfg.process.fieldType')}</Table.Th>
            <Table.Th>{t('mfg.process.range')}</Table.Th>
            <Table.Th>{t('mfg.process.required')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {fields.map((f) => (
            <Table.Tr key={f.key}>
              <Table.Td>{f.label}</Table.Td>
              <Table.Td>
                <Text size="xs" ff="monospace">
                  {f.key}
                </Text>
              </Table.Td>
              <Table.Td>{t(`mfg.fieldType.${f.type}`)}</Table.Td>
              <Table.Td>{rangeText(f) || (f.unit ?? '—')}</Table.Td>
              <Table.Td>{f.required === false ? t('mfg.common.no') : t('mfg.common.yes')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Codes({
  label,
  values,
  color,
  word = (v) => v,
}: {
  label: string;
  values: string[] | undefined;
  color: string;
  word?: (value: string) => string;
}) {
  if (!values || values.length === 0) return null;
  return (
    <Group gap={6}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      {values.map((v) => (
        <Badge key={v} color={color} variant="outline" tt="none">
          {word(v)}
        </Badge>
      ))}
    </Group>
  );
}

export function StepRequirements({ step }: { step: StepDef }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs">
      {step.requiredQualification && (
        <Badge color="indigo" variant="light" tt="none" data-testid="step-qualification">
          {t('mfg.process.qualificationBadge', { code: step.requiredQualification })}
        </Badge>
      )}
      {step.witness && (
        <Badge color="orange" variant="light" data-testid="step-witness">
          {t('mfg.process.witnessBadge')}
        </Badge>
      )}
      {step.producesLot && (
        <Badge color="teal" variant="light" tt="none">
          {t('mfg.process.producesBadge', { code: step.producesLot })}
        </Badge>
      )}
    </Group>
  );
}

export function StepsView({ steps }: { steps: StepDef[] }) {
  const { t } = useTranslation();
  return (
    <Stack data-testid="process-steps">
      {steps.map((s, i) => (
        <Card key={`${i}:${s.title}`} withBorder data-testid="process-step" data-index={i}>
          <Stack gap="sm">
            <Group justify="space-between" align="flex-start">
              <Text fw={700} size="lg">
                {t('mfg.process.stepNumber', { n: i + 1 })} · {s.title}
              </Text>
              <StepRequirements step={s} />
            </Group>
            {s.instructions && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {s.instructions}
              </Text>
            )}
            <FieldsTable fields={s.fields} />
            <Codes label={t('mfg.process.materials')} values={s.materials} color="teal" />
            <Codes
              label={t('mfg.process.equipmentTypes')}
              values={s.equipmentTypes}
              color="blue"
              word={(v) => t(`mfg.equipmentType.${v}`, { defaultValue: v })}
            />
            <Codes
              label={t('mfg.process.samples')}
              values={s.samples?.map((x) => `${x.name} → ${x.test}`)}
              color="grape"
            />
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
