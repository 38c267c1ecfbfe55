/**
 * A new specification, or the next version of an effective one (`?from=<id>` copies its product and
 * tests). Each test row: code, name, kind, method, unit and bounds (each inclusive or exclusive), the
 * acceptable results of a text test, whether the result may come after release, the qualification.
 */
import {
  ActionIcon,
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { SPEC_TEST_KINDS, type SpecTestKind } from '@hepatica/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ProblemAlert, fieldError } from '../../components/ProblemAlert';
import { useCreateSpecification, useSpecification } from './qc.api';
import { emptyRow, readRows, rowOf, type RowErrors, type TestRow } from './specDraft';

function RowEditor({
  row,
  errors,
  onChange,
  onRemove,
  index,
  serverError,
}: {
  row: TestRow;
  errors: RowErrors | undefined;
  onChange: (r: TestRow) => void;
  onRemove: () => void;
  index: number;
  serverError: unknown;
}) {
  const { t } = useTranslation();
  const set = <K extends keyof TestRow>(key: K, value: TestRow[K]) => onChange({ ...row, [key]: value });
  const err = (key: keyof TestRow) =>
    errors?.[key] ? t(`qc.specs.errors.${errors[key]}`) : fieldError(serverError, `tests.${index}.${key}`);
  return (
    <Card withBorder data-testid={`spec-row-${index}`}>
      <SimpleGrid cols={{ base: 1, sm: 4 }}>
        <TextInput
          label={t('qc.specs.code')}
          value={row.code}
          onChange={(e) => set('code', e.currentTarget.value.toUpperCase())}
          error={err('code')}
          data-testid={`spec-row-${index}-code`}
        />
        <TextInput
          label={t('qc.specs.name')}
          value={row.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          error={err('name')}
          data-testid={`spec-row-${index}-name`}
        />
        <NativeSelect
          label={t('qc.specs.kind')}
          value={row.kind}
          onChange={(e) => set('kind', e.currentTarget.value as SpecTestKind)}
          data={SPEC_TEST_KINDS.map((k) => ({ value: k, label: t(`qc.specs.kinds.${k}`) }))}
          data-testid={`spec-row-${index}-kind`}
        />
        <TextInput
          label={t('qc.specs.method')}
          value={row.method}
          onChange={(e) => set('method', e.currentTarget.value)}
        />
      </SimpleGrid>
      {row.kind === 'numeric' && (
        <SimpleGrid cols={{ base: 1, sm: 5 }} mt="sm">
          <TextInput
            label={t('qc.specs.unit')}
            value={row.unit}
            onChange={(e) => set('unit', e.currentTarget.value)}
            error={err('unit')}
            data-testid={`spec-row-${index}-unit`}
          />
          <TextInput
            label={t('qc.specs.min')}
            value={row.min}
            onChange={(e) => set('min', e.currentTarget.value)}
            error={err('min')}
            inputMode="decimal"
            data-testid={`spec-row-${index}-min`}
          />
          <Checkbox
            mt="xl"
            label={t('qc.specs.minInclusive')}
            checked={row.minInclusive}
            onChange={(e) => set('minInclusive', e.currentTarget.checked)}
          />
          <TextInput
            label={t('qc.specs.max')}
            value={row.max}
            onChange={(e) => set('max', e.currentTarget.value)}
            error={err('max')}
            inputMode="decimal"
            data-testid={`spec-row-${index}-max`}
          />
          <Checkbox
            mt="xl"
            label={t('qc.specs.maxInclusive')}
            checked={row.maxInclusive}
            onChange={(e) => set('maxInclusive', e.currentTarget.checked)}
          />
        </SimpleGrid>
      )}
      {row.kind === 'text' && (
        <Textarea
          mt="sm"
          label={t('qc.specs.acceptable')}
          description={t('qc.specs.acceptableHint')}
          value={row.acceptable}
          onChange={(e) => set('acceptable', e.currentTarget.value)}
          autosize
          minRows={2}
        />
      )}
      <Group mt="sm" justify="space-between">
        <Group>
          <Checkbox
            label={t('qc.specs.late')}
            checked={row.lateResultAllowed}
            onChange={(e) => set('lateResultAllowed', e.currentTarget.checked)}
          />
          <TextInput
            placeholder={t('qc.specs.qualification')}
            value={row.qualification}
            onChange={(e) => set('qualification', e.currentTarget.value)}
            error={err('qualification')}
          />
        </Group>
        <ActionIcon variant="subtle" color="red" onClick={onRemove} aria-label={t('qc.specs.removeTest')}>
          ×
        </ActionIcon>
      </Group>
    </Card>
  );
}

export function SpecificationEditorPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const from = useSpecification(params.get('from') ?? undefined);
  const [product, setProduct] = useState('');
  const [rows, setRows] = useState<TestRow[]>([emptyRow()]);
  const [shelfLife, setShelfLife] = useState<number | string>('');
  const [shown, setShown] = useState(false);
  const create = useCreateSpecification();
  useEffect(() => {
    if (!from.data) return;
    setProduct(from.data.product);
    setRows(from.data.tests.map(rowOf));
    setShelfLife(from.data.shelfLifeDays ?? '');
  }, [from.data]);
  const { tests, errors } = readRows(rows);
  const shelfLifeDays = typeof shelfLife === 'number' ? shelfLife : undefined;
  const shelfLifeError = shown && shelfLifeDays === undefined ? t('qc.specs.errors.shelfLifeRequired') : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setShown(true);
    if (!product.trim() || shelfLifeDays === undefined || Object.keys(errors).length) return;
    create.mutate(
      { product: product.trim(), tests, shelfLifeDays },
      { onSuccess: (spec) => void navigate(`/qc/specifications/${spec.id}`) },
    );
  };
  return (
    <Stack component="form" onSubmit={submit} data-testid="spec-editor">
      <Title order={2}>
        {from.data ? t('qc.specs.newVersionOf', { product: from.data.product }) : t('qc.specs.new')}
      </Title>
      <ProblemAlert error={create.error} testId="spec-editor-error" />
      <TextInput
        label={t('qc.specs.product')}
        description={t('qc.specs.productHint')}
        value={product}
        onChange={(e) => setProduct(e.currentTarget.value)}
        disabled={!!from.data}
        required
        error={fieldError(create.error, 'product')}
        data-testid="spec-product"
      />
      <NumberInput
        label={t('qc.specs.shelfLife')}
        description={t('qc.specs.shelfLifeHint')}
        value={shelfLife}
        onChange={setShelfLife}
        min={1}
        max={3650}
        allowDecimal={false}
        suffix={` ${t('qc.specs.days')}`}
        required
        w={260}
        error={shelfLifeError ?? fieldError(create.error, 'shelfLifeDays')}
        data-testid="spec-shelf-life"
      />
      {rows.map((row, i) => (
        <RowEditor
          key={i}
          index={i}
          row={row}
          errors={shown ? errors[i] : undefined}
          serverError={create.error}
          onChange={(r) => setRows(rows.map((x, j) => (j === i ? r : x)))}
          onRemove={() => setRows(rows.filter((_, j) => j !== i))}
        />
      ))}
      <Group>
        <Button variant="default" onClick={() => setRows([...rows, emptyRow()])} data-testid="spec-add-test">
          {t('qc.specs.addTest')}
        </Button>
        <Button type="submit" loading={create.isPending} disabled={!rows.length} data-testid="spec-save">
          {t('qc.specs.saveDraft')}
        </Button>
      </Group>
    </Stack>
  );
}
