/** One step of a draft: title, instructions, qualification, witness, materials, equipment types, samples, output lot, fields. */
import {
  ActionIcon,
  Autocomplete,
  Button,
  Card,
  Checkbox,
  Group,
  MultiSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../../components/ProblemAlert';
import { EQUIPMENT_TYPES } from '../equipment.types';
import { FieldsEditor } from './FieldsEditor';
import { ReorderButtons } from './ReorderButtons';
import { uid, type StepForm } from './processDraft';

export interface EditorOptions {
  materialCodes: string[];
  courseCodes: string[];
}

interface Props {
  step: StepForm;
  index: number;
  count: number;
  onChange: (step: StepForm) => void;
  onMove: (dir: -1 | 1) => void;
  onRemove: () => void;
  options: EditorOptions;
  error: unknown;
}

export function StepEditor({ step, index, count, onChange, onMove, onRemove, options, error }: Props) {
  const { t } = useTranslation();
  const set = <K extends keyof StepForm>(key: K, value: StepForm[K]) => onChange({ ...step, [key]: value });
  const setSample = (i: number, patch: { name: string } | { test: string }) =>
    set(
      'samples',
      step.samples.map((x, j) => (j === i ? { ...x, ...patch } : x)),
    );
  const path = `steps.${index}`;
  const err = (name: string) => fieldError(error, `${path}.${name}`);
  return (
    <Card withBorder data-testid="step-editor" data-index={index}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={700}>{t('mfg.process.stepNumber', { n: index + 1 })}</Text>
          <Group gap={4}>
            <ReorderButtons index={index} count={count} onMove={onMove} variant="default" testIdPrefix="step" />
            <Button
              size="xs"
              variant="subtle"
              color="red"
              onClick={onRemove}
              disabled={count === 1}
              data-testid="step-remove"
            >
              {t('mfg.process.removeStep')}
            </Button>
          </Group>
        </Group>
        <TextInput
          label={t('mfg.process.stepTitle')}
          value={step.title}
          onChange={(e) => set('title', e.currentTarget.value)}
          required
          error={err('title')}
          data-testid="step-title"
        />
        <Textarea
          label={t('mfg.process.instructions')}
          value={step.instructions}
          onChange={(e) => set('instructions', e.currentTarget.value)}
          autosize
          minRows={2}
          error={err('instructions')}
          data-testid="step-instructions"
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Autocomplete
            label={t('mfg.process.requiredQualification')}
            description={t('mfg.process.requiredQualificationHint')}
            data={options.courseCodes}
            value={step.requiredQualification}
            onChange={(v) => set('requiredQualification', v.toUpperCase())}
            comboboxProps={{ withinPortal: false }}
            error={err('requiredQualification')}
            data-testid="step-qualification"
          />
          <MultiSelect
            label={t('mfg.process.materials')}
            data={options.materialCodes}
            value={step.materials}
            onChange={(v) => set('materials', v)}
            searchable
            comboboxProps={{ withinPortal: false }}
            error={err('materials')}
            data-testid="step-materials"
          />
          <MultiSelect
            label={t('mfg.process.equipmentTypes')}
            data={EQUIPMENT_TYPES.map((v) => ({ value: v, label: t(`mfg.equipmentType.${v}`) }))}
            value={step.equipmentTypes}
            onChange={(v) => set('equipmentTypes', v)}
            comboboxProps={{ withinPortal: false }}
            error={err('equipmentTypes')}
            data-testid="step-equipment-types"
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Checkbox
            label={t('mfg.process.witness')}
            description={t('mfg.process.witnessHint')}
            checked={step.witness}
            onChange={(e) => set('witness', e.currentTarget.checked)}
            data-testid="step-witness"
          />
          <Autocomplete
            label={t('mfg.process.producesLot')}
            description={t('mfg.process.producesLotHint')}
            data={options.materialCodes}
            value={step.producesLot}
            onChange={(v) => set('producesLot', v)}
            comboboxProps={{ withinPortal: false }}
            error={err('producesLot')}
            data-testid="step-produces"
          />
        </SimpleGrid>
        <FieldsEditor fields={step.fields} onChange={(fields) => set('fields', fields)} path={path} error={error} />
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('mfg.process.samples')}
          </Text>
          {step.samples.map((s, i) => (
            <Group key={s.uid} gap="xs" data-testid="sample-row">
              <TextInput
                size="xs"
                placeholder={t('mfg.process.sampleName')}
                value={s.name}
                onChange={(e) => setSample(i, { name: e.currentTarget.value })}
                aria-label={t('mfg.process.sampleName')}
              />
              <TextInput
                size="xs"
                placeholder={t('mfg.process.sampleTest')}
                value={s.test}
                onChange={(e) => setSample(i, { test: e.currentTarget.value })}
                aria-label={t('mfg.process.sampleTest')}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                onClick={() =>
                  set(
                    'samples',
                    step.samples.filter((_, j) => j !== i),
                  )
                }
                aria-label={t('mfg.process.removeSample')}
              >
                ✕
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button
              size="xs"
              variant="subtle"
              onClick={() => set('samples', [...step.samples, { uid: uid(), name: '', test: '' }])}
              data-testid="sample-add"
            >
              + {t('mfg.process.addSample')}
            </Button>
          </Group>
        </Stack>
      </Stack>
    </Card>
  );
}
