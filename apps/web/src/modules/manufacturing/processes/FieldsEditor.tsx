/** The data fields of one step: key, label, type, unit, min, max, required; add, remove, reorder. */
import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../../components/ProblemAlert';
import { FIELD_TYPES, type FieldType } from '../processes.types';
import { fieldProblems, move, newField, type FieldForm } from './processDraft';

interface Props {
  fields: FieldForm[];
  onChange: (fields: FieldForm[]) => void;
  /** `steps.3` — where the server's field errors of this step point. */
  path: string;
  error: unknown;
}

export function FieldsEditor({ fields, onChange, path, error }: Props) {
  const { t } = useTranslation();
  const update = (i: number, patch: Partial<FieldForm>) =>
    onChange(fields.map((f, j) => (j === i ? { ...f, ...patch } : f)));
  const at = (i: number, name: string) => fieldError(error, `${path}.fields.${i}.${name}`);
  return (
    <Stack gap="xs" data-testid="fields-editor">
      <Text size="sm" fw={600}>
        {t('mfg.process.fields')}
      </Text>
      {fields.length > 0 && (
        <Table.ScrollContainer minWidth={880}>
          <Table verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('mfg.process.fieldKey')}</Table.Th>
                <Table.Th>{t('mfg.process.fieldLabel')}</Table.Th>
                <Table.Th>{t('mfg.process.fieldType')}</Table.Th>
                <Table.Th>{t('mfg.process.unit')}</Table.Th>
                <Table.Th>{t('mfg.process.min')}</Table.Th>
                <Table.Th>{t('mfg.process.max')}</Table.Th>
                <Table.Th>{t('mfg.process.required')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {fields.map((f, i) => {
                const problems = fieldProblems(f, fields);
                const numeric = f.type === 'number';
                return (
                  <Table.Tr key={f.uid} data-testid="field-row" data-index={i}>
                    <Table.Td>
                      <TextInput
                        size="xs"
                        value={f.key}
                        onChange={(e) => update(i, { key: e.currentTarget.value.trim() })}
                        placeholder="viableCells"
                        required
                        ff="monospace"
                        error={problems.key ? t(`mfg.process.check.${problems.key}`) : at(i, 'key')}
                        aria-label={t('mfg.process.fieldKey')}
                        data-testid="field-key"
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        size="xs"
                        value={f.label}
                        onChange={(e) => update(i, { label: e.currentTarget.value })}
                        required
                        error={at(i, 'label')}
                        aria-label={t('mfg.process.fieldLabel')}
                        data-testid="field-label"
                      />
                    </Table.Td>
                    <Table.Td>
                      <NativeSelect
                        size="xs"
                        w={120}
                        data={FIELD_TYPES.map((x) => ({ value: x, label: t(`mfg.fieldType.${x}`) }))}
                        value={f.type}
                        onChange={(e) => update(i, { type: e.currentTarget.value as FieldType })}
                        aria-label={t('mfg.process.fieldType')}
                        data-testid="field-type"
                      />
                    </Table.Td>
                    <Table.Td>
                      <TextInput
                        size="xs"
                        w={90}
                        value={f.unit}
                        onChange={(e) => update(i, { unit: e.currentTarget.value })}
                        error={at(i, 'unit')}
                        aria-label={t('mfg.process.unit')}
                        data-testid="field-unit"
                      />
                    </Table.Td>
                    <Table.Td>
                      <NumberInput
                        size="xs"
                        w={100}
                        value={numeric ? f.min : ''}
                        onChange={(v) => update(i, { min: v })}
                        disabled={!numeric}
                        error={problems.range ? t(`mfg.process.check.${problems.range}`) : at(i, 'min')}
                        aria-label={t('mfg.process.min')}
                        data-testid="field-min"
                      />
                    </Table.Td>
                    <Table.Td>
                      <NumberInput
                        size="xs"
                        w={100}
                        value={numeric ? f.max : ''}
                        onChange={(v) => update(i, { max: v })}
                        disabled={!numeric}
                        error={at(i, 'max')}
                        aria-label={t('mfg.process.max')}
                        data-testid="field-max"
                      />
                    </Table.Td>
                    <Table.Td>
                      <Checkbox
                        checked={f.required}
                        onChange={(e) => update(i, { required: e.currentTarget.checked })}
                        aria-label={t('mfg.process.required')}
                        data-testid="field-required"
                      />
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <ActionIcon
                          variant="subtle"
                          onClick={() => onChange(move(fields, i, -1))}
                          disabled={i === 0}
                          aria-label={t('mfg.process.moveUp')}
                          data-testid="field-up"
                        >
                          ↑
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          onClick={() => onChange(move(fields, i, 1))}
                          disabled={i === fields.length - 1}
                          aria-label={t('mfg.process.moveDown')}
                          data-testid="field-down"
                        >
                          ↓
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          onClick={() => onChange(fields.filter((_, j) => j !== i))}
                          aria-label={t('mfg.process.removeField')}
                          data-testid="field-remove"
                        >
                          ✕
                        </ActionIcon>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Group>
        <Button size="xs" variant="light" onClick={() => onChange([...fields, newField()])} data-testid="field-add">
          + {t('mfg.process.addField')}
        </Button>
      </Group>
    </Stack>
  );
}
