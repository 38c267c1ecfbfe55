/**
 * Create a master batch record (version 1), edit a draft, or start the next version from an effective one.
 * The step editor adds, removes and reorders steps and their fields; problems the form can see (field key
 * pattern, duplicate keys, min above max) are marked before saving, the server's 422 paths on the inputs.
 */
import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Items } from '../../../api/types';
import { useSession } from '../../../app/session';
import { fieldError } from '../../../components/ProblemAlert';
import { QueryView } from '../../../components/states';
import { CodeInput } from '../common/CodeInput';
import { http } from '../common/http';
import { RefusalAlert } from '../common/RefusalAlert';
import { useMaterials } from '../materials/materials.api';
import { PRODUCT_TYPES, type Process, type ProductType } from '../processes.types';
import { formProblems, move, newStep, toBody, toForm, type ProcessForm } from './processDraft';
import { useCreateProcess, useProcess, useUpdateProcess } from './processes.api';
import { StepEditor, type EditorOptions } from './StepEditor';

type Mode = 'new' | 'edit' | 'version';

function useEditorOptions(): EditorOptions {
  const { can } = useSession();
  const materials = useMaterials();
  const courses = useQuery({
    queryKey: ['training', 'courses', 'codes'],
    queryFn: () => http.get<Items<{ code: string }>>('/training/courses'),
    enabled: can('training:read'),
    staleTime: 60_000,
  });
  return {
    materialCodes: [...new Set((materials.data?.items ?? []).map((m) => m.code))].sort(),
    courseCodes: [...new Set((courses.data?.items ?? []).map((c) => c.code))].sort(),
  };
}

function Editor({ mode, base }: { mode: Mode; base?: Process }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const options = useEditorOptions();
  const create = useCreateProcess();
  const update = useUpdateProcess(base?.id ?? '');
  const [form, setForm] = useState<ProcessForm>(() => toForm(base));
  const mutation = mode === 'edit' ? update : create;
  const err = mutation.error;
  const problems = formProblems(form);
  const set = <K extends keyof ProcessForm>(key: K, value: ProcessForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const setSteps = (steps: ProcessForm['steps']) => set('steps', steps);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (problems > 0) return;
    const body = toBody(form);
    const done = (p: Process) => {
      notifications.show({
        color: 'teal',
        message: t('mfg.process.savedNotice', { code: p.code, version: p.version }),
      });
      void navigate(`/manufacturing/processes/${p.id}`);
    };
    if (mode === 'edit') {
      update.mutate(
        { name: body.name, product: body.product, productType: body.productType, steps: body.steps },
        { onSuccess: done },
      );
    } else create.mutate(body, { onSuccess: done });
  };

  const title =
    mode === 'new'
      ? t('mfg.process.new')
      : mode === 'edit'
        ? t('mfg.process.editTitle', { code: base?.code, version: base?.version })
        : t('mfg.process.versionTitle', { code: base?.code, version: base?.version });
  return (
    <Stack component="form" onSubmit={submit} data-testid="process-editor" data-mode={mode}>
      <Title order={2}>{title}</Title>
      {mode === 'version' && (
        <Alert color="blue" variant="light">
          {t('mfg.process.versionHint')}
        </Alert>
      )}
      {err && <RefusalAlert error={err} testId="process-error" />}
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          <CodeInput
            label={t('mfg.process.code')}
            value={form.code}
            onChange={(code) => set('code', code)}
            disabled={mode !== 'new'}
            error={fieldError(err, 'code')}
            testId="process-code"
          />
          <TextInput
            label={t('mfg.process.name')}
            value={form.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            required
            error={fieldError(err, 'name')}
            data-testid="process-name"
          />
          <TextInput
            label={t('mfg.process.product')}
            value={form.product}
            onChange={(e) => set('product', e.currentTarget.value)}
            required
            error={fieldError(err, 'product')}
            data-testid="process-product"
          />
          <NativeSelect
            label={t('mfg.process.productType')}
            data={PRODUCT_TYPES.map((p) => ({ value: p, label: t(`mfg.productType.${p}`) }))}
            value={form.productType}
            onChange={(e) => set('productType', e.currentTarget.value as ProductType)}
            error={fieldError(err, 'productType')}
            data-testid="process-product-type"
          />
        </SimpleGrid>
      </Card>
      <Title order={3}>{t('mfg.process.stepsTitle', { count: form.steps.length })}</Title>
      {form.steps.map((s, i) => (
        <StepEditor
          key={s.uid}
          step={s}
          index={i}
          count={form.steps.length}
          onChange={(step) => setSteps(form.steps.map((x, j) => (j === i ? step : x)))}
          onMove={(dir) => setSteps(move(form.steps, i, dir))}
          onRemove={() => setSteps(form.steps.filter((_, j) => j !== i))}
          options={options}
          error={err}
        />
      ))}
      <Group justify="space-between">
        <Button
          variant="light"
          onClick={() => setSteps([...form.steps, newStep()])}
          disabled={form.steps.length >= 60}
          data-testid="step-add"
        >
          + {t('mfg.process.addStep')}
        </Button>
        <Group>
          {problems > 0 && (
            <Text size="sm" c="red.8" data-testid="process-problems">
              {t('mfg.process.problemsCount', { count: problems })}
            </Text>
          )}
          <Button
            variant="default"
            component={Link}
            to={base ? `/manufacturing/processes/${base.id}` : '/manufacturing/processes'}
          >
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending} disabled={problems > 0} data-testid="process-save">
            {mode === 'edit' ? t('mfg.process.saveDraft') : t('mfg.process.createDraft')}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}

export function ProcessEditorPage({ mode }: { mode: Mode }) {
  const { t } = useTranslation();
  const { id } = useParams();
  const query = useProcess(mode === 'new' ? undefined : id);
  return (
    <Stack>
      <Anchor component={Link} to={id ? `/manufacturing/processes/${id}` : '/manufacturing/processes'} size="sm">
        ← {t('mfg.process.pageTitle')}
      </Anchor>
      {mode === 'new' ? (
        <Editor mode="new" />
      ) : (
        <QueryView query={query}>
          {(p) =>
            mode === 'edit' && p.status !== 'draft' ? (
              <Alert color="yellow" data-testid="process-not-draft">
                {t('mfg.process.frozenNote')}
              </Alert>
            ) : (
              <Editor key={p.id} mode={mode} base={p} />
            )
          }
        </QueryView>
      )}
    </Stack>
  );
}
