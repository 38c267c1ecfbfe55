/** A new CAPA: what it answers (a deviation from ?deviationId=, an OOS, an audit …), its actions with owners and due dates, and its effectiveness check. */
import { ActionIcon, Button, Card, Group, NativeSelect, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ProblemAlert } from '../../components/ProblemAlert';
import { bodyError, DateInput, LineInput, OwnerInput, TextBlockInput } from './common';
import { useCreateCapa, useDeviation } from './quality.api';
import { ACTION_KINDS, CAPA_SOURCES, type NewAction } from './quality.types';

const blankAction = (): NewAction => ({ kind: 'corrective', description: '', owner: '', dueDate: '' });

export function CapaNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const deviationId = params.get('deviationId') ?? '';
  const deviation = useDeviation(deviationId);
  const create = useCreateCapa();
  const [form, setForm] = useState({
    title: '',
    description: '',
    source: deviationId ? 'deviation' : '',
    sourceReference: '',
    owner: '',
    checkDue: '',
    criteria: '',
  });
  const [actions, setActions] = useState<NewAction[]>([blankAction()]);
  const set = (k: keyof typeof form) => (v: string) => setForm({ ...form, [k]: v });
  const setAction = (i: number, patch: Partial<NewAction>) =>
    setActions(actions.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  const err = bodyError(create.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        title: form.title,
        description: form.description,
        source: form.source,
        ...(form.source === 'deviation'
          ? { deviationId }
          : form.sourceReference.trim()
            ? { sourceReference: form.sourceReference.trim() }
            : {}),
        owner: form.owner.trim(),
        actions: actions.map((a) => ({ ...a, owner: a.owner.trim() })),
        effectivenessCheck: { dueDate: form.checkDue, criteria: form.criteria },
      },
      { onSuccess: (c) => void navigate(`/quality/capas/${c.id}`) },
    );
  };
  return (
    <Stack component="form" onSubmit={submit} data-testid="capa-form" maw={960}>
      <Title order={2}>{t('quality.capa.new')}</Title>
      {deviationId && deviation.data && (
        <Text data-testid="capa-deviation">
          {t('quality.capa.forDeviation', { number: deviation.data.number, title: deviation.data.title })}
        </Text>
      )}
      <ProblemAlert error={create.error} />
      <LineInput
        label={t('quality.capa.titleField')}
        value={form.title}
        onChange={set('title')}
        error={err('title')}
        testId="capa-title"
      />
      <TextBlockInput
        label={t('quality.capa.description')}
        value={form.description}
        onChange={set('description')}
        minRows={2}
        error={err('description')}
        testId="capa-description"
      />
      <Group grow align="flex-start">
        <NativeSelect
          label={t('quality.capa.source')}
          data={[
            { value: '', label: t('quality.choose') },
            ...CAPA_SOURCES.filter((s) => s !== 'deviation' || deviationId).map((s) => ({
              value: s,
              label: t(`quality.capaSource.${s}`),
            })),
          ]}
          value={form.source}
          onChange={(e) => set('source')(e.currentTarget.value)}
          disabled={!!deviationId}
          required
          error={err('source') ?? err('deviationId')}
          data-testid="capa-source"
        />
        {form.source !== 'deviation' && (
          <LineInput
            label={t('quality.capa.sourceReference')}
            value={form.sourceReference}
            onChange={set('sourceReference')}
            required={false}
            error={err('sourceReference')}
            testId="capa-source-reference"
          />
        )}
        <OwnerInput
          label={t('quality.capa.owner')}
          value={form.owner}
          onChange={set('owner')}
          error={err('owner')}
          testId="capa-owner"
        />
      </Group>
      <Card withBorder>
        <Stack>
          <Title order={4}>{t('quality.capa.actions')}</Title>
          {actions.map((a, i) => (
            <Group key={i} align="flex-start" data-testid="capa-action-input" wrap="nowrap">
              <NativeSelect
                label={t('quality.capa.kind')}
                data={ACTION_KINDS.map((k) => ({ value: k, label: t(`quality.actionKind.${k}`) }))}
                value={a.kind}
                onChange={(e) => setAction(i, { kind: e.currentTarget.value as NewAction['kind'] })}
              />
              <Textarea
                label={t('quality.capa.actionDescription')}
                value={a.description}
                onChange={(e) => setAction(i, { description: e.currentTarget.value })}
                required
                autosize
                maxLength={2000}
                error={err(`actions.${i}.description`)}
                style={{ flex: 1 }}
                data-testid={`action-description-${i}`}
              />
              <OwnerInput
                label={t('quality.owner')}
                value={a.owner}
                onChange={(v) => setAction(i, { owner: v })}
                error={err(`actions.${i}.owner`)}
                testId={`action-owner-${i}`}
              />
              <DateInput
                label={t('quality.dueDate')}
                value={a.dueDate}
                onChange={(v) => setAction(i, { dueDate: v })}
                error={err(`actions.${i}.dueDate`)}
                testId={`action-due-${i}`}
              />
              {actions.length > 1 && (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  mt={28}
                  onClick={() => setActions(actions.filter((_, j) => j !== i))}
                  aria-label={t('quality.capa.removeAction')}
                >
                  ×
                </ActionIcon>
              )}
            </Group>
          ))}
          <Button
            variant="light"
            w="fit-content"
            onClick={() => setActions([...actions, blankAction()])}
            data-testid="add-action-row"
          >
            {t('quality.capa.addAction')}
          </Button>
        </Stack>
      </Card>
      <Card withBorder>
        <Stack>
          <Title order={4}>{t('quality.capa.effectiveness')}</Title>
          <Group align="flex-start" grow>
            <DateInput
              label={t('quality.dueDate')}
              value={form.checkDue}
              onChange={set('checkDue')}
              error={err('effectivenessCheck.dueDate')}
              testId="capa-check-due"
            />
            <TextBlockInput
              label={t('quality.capa.criteria')}
              description={t('quality.capa.criteriaHint')}
              value={form.criteria}
              onChange={set('criteria')}
              maxLength={2000}
              error={err('effectivenessCheck.criteria')}
              testId="capa-criteria"
            />
          </Group>
        </Stack>
      </Card>
      <Group justify="flex-end">
        <Button variant="default" onClick={() => void navigate(-1)}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={create.isPending} data-testid="capa-submit">
          {t('quality.capa.create')}
        </Button>
      </Group>
    </Stack>
  );
}
