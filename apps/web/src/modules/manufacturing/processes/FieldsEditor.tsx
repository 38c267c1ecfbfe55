/** The data fields of one step: key, label, type, unit, min, max, required; add, remove, reorder. */
import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../../components/ProblemAlert';
import { FIELD_COLUMNS, FieldRow } from './FieldRow';
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
                {Object.values(FIELD_COLUMNS).map((key) => (
                  <Table.Th key={key}>{t(key)}</Table.Th>
                ))}
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {fields.map((f, i) => (
                <FieldRow
                  key={f.uid}
                  field={f}
                  index={i}
                  count={fields.length}
                  problems={fieldProblems(f, fields)}
                  errorAt={(name) => fieldError(error, `${path}.fields.${i}.${name}`)}
                  onChange={(changed) => onChange(fields.map((x, j) => (j === i ? changed : x)))}
                  onMove={(dir) => onChange(move(fields, i, dir))}
                  onRemove={() => onChange(fields.filter((_, j) => j !== i))}
                />
              ))}
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
