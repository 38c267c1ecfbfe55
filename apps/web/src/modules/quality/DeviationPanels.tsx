/** The deviation's lifecycle steps: QA's signed classification, the investigation, QA's signed closure. */
import { Button, Card, Group, NativeSelect, Stack, Switch, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ReasonField } from '../../components/ReasonField';
import { SignDialog } from '../../components/SignDialog';
import { DEVIATION_CLASSIFY_MEANINGS, DEVIATION_CLOSE_MEANINGS } from '../../components/signatureMeanings';
import { RefusalAlert } from '../manufacturing/common/RefusalAlert';
import { useSignFlow } from '../manufacturing/common/useSignFlow';
import { DEVIATION_SEVERITIES } from '../manufacturing/deviations.types';
import { bodyError, OwnerInput } from './common';
import { useDeviationSteps } from './quality.api';
import { ROOT_CAUSE_CATEGORIES, type DeviationDetail, type RootCauseCategory } from './quality.types';

export function ClassifyPanel({ d }: { d: DeviationDetail }) {
  const { t } = useTranslation();
  const { classify } = useDeviationSteps(d.id);
  const flow = useSignFlow();
  const [severity, setSeverity] = useState<string>(d.severity);
  const [capaRequired, setCapaRequired] = useState(d.capaRequired ?? d.severity !== 'minor');
  const [owner, setOwner] = useState(d.owner ?? '');
  const err = bodyError(flow.refusal);
  return (
    <Card withBorder data-testid="classify-panel">
      <Stack>
        <Title order={4}>
          {d.status === 'open' ? t('quality.deviation.classify') : t('quality.deviation.reclassify')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('quality.deviation.classifyHint')}
        </Text>
        <RefusalAlert error={flow.refusal} testId="classify-error" />
        <Group align="flex-end">
          <NativeSelect
            label={t('quality.deviation.severity')}
            data={DEVIATION_SEVERITIES.map((s) => ({ value: s, label: t(`mfg.severity.${s}`) }))}
            value={severity}
            onChange={(e) => setSeverity(e.currentTarget.value)}
            data-testid="classify-severity"
          />
          <OwnerInput
            label={t('quality.deviation.investigator')}
            value={owner}
            onChange={setOwner}
            error={err('owner')}
            testId="classify-owner"
          />
        </Group>
        <Switch
          label={t('quality.deviation.capaRequired')}
          checked={capaRequired}
          onChange={(e) => setCapaRequired(e.currentTarget.checked)}
          data-testid="classify-capa"
        />
        <Button onClick={flow.open} disabled={!owner.trim()} w="fit-content" data-testid="classify-sign">
          {t('quality.deviation.signClassification')}
        </Button>
        <SignDialog
          key={flow.dialogKey}
          opened={flow.opened}
          onClose={flow.close}
          record={t('quality.deviation.classifyRecord', { number: d.number, severity: t(`mfg.severity.${severity}`) })}
          meanings={DEVIATION_CLASSIFY_MEANINGS}
          onSign={(signature) =>
            flow.sign(() => classify.mutateAsync({ severity, capaRequired, owner: owner.trim(), signature }))
          }
        />
      </Stack>
    </Card>
  );
}

export function InvestigationPanel({ d }: { d: DeviationDetail }) {
  const { t } = useTranslation();
  const { investigate } = useDeviationSteps(d.id);
  const [investigation, setInvestigation] = useState(d.investigation ?? '');
  const [rootCause, setRootCause] = useState(d.rootCause ?? '');
  const [category, setCategory] = useState<string>(d.rootCauseCategory ?? '');
  const [reason, setReason] = useState('');
  // Changing what is already written is a GMP change: it needs a reason; filling in a blank does not.
  const rewrites =
    (!!d.investigation && investigation !== d.investigation) ||
    (!!d.rootCause && rootCause !== d.rootCause) ||
    (!!d.rootCauseCategory && category !== d.rootCauseCategory);
  const err = bodyError(investigate.error);
  const save = () =>
    investigate.mutate(
      {
        ...(investigation.trim() && investigation !== d.investigation ? { investigation: investigation.trim() } : {}),
        ...(rootCause.trim() && rootCause !== d.rootCause ? { rootCause: rootCause.trim() } : {}),
        ...(category && category !== d.rootCauseCategory ? { rootCauseCategory: category as RootCauseCategory } : {}),
        ...(rewrites ? { reason: reason.trim() } : {}),
      },
      { onSuccess: () => setReason('') },
    );
  return (
    <Card withBorder data-testid="investigation-panel">
      <Stack>
        <Title order={4}>{t('quality.deviation.investigation')}</Title>
        <ProblemAlert error={investigate.error} />
        <Textarea
          label={t('quality.deviation.investigationText')}
          description={t('quality.deviation.investigationHint')}
          value={investigation}
          onChange={(e) => setInvestigation(e.currentTarget.value)}
          autosize
          minRows={3}
          maxLength={8000}
          error={err('investigation')}
          data-testid="investigation-text"
        />
        <Group align="flex-start" grow>
          <TextInput
            label={t('quality.deviation.rootCause')}
            value={rootCause}
            onChange={(e) => setRootCause(e.currentTarget.value)}
            maxLength={4000}
            error={err('rootCause')}
            data-testid="root-cause"
          />
          <NativeSelect
            label={t('quality.deviation.rootCauseCategory')}
            data={[
              { value: '', label: t('quality.choose') },
              ...ROOT_CAUSE_CATEGORIES.map((c) => ({ value: c, label: t(`quality.rootCause.${c}`) })),
            ]}
            value={category}
            onChange={(e) => setCategory(e.currentTarget.value)}
            error={err('rootCauseCategory')}
            data-testid="root-cause-category"
          />
        </Group>
        {rewrites && (
          <ReasonField value={reason} onChange={setReason} error={investigate.error} testId="investigation-reason" />
        )}
        <Button
          onClick={save}
          loading={investigate.isPending}
          disabled={rewrites && !reason.trim()}
          w="fit-content"
          data-testid="investigation-save"
        >
          {t('quality.save')}
        </Button>
      </Stack>
    </Card>
  );
}

export function ClosePanel({ d, ready }: { d: DeviationDetail; ready: boolean }) {
  const { t } = useTranslation();
  const { close } = useDeviationSteps(d.id);
  const flow = useSignFlow();
  const [conclusion, setConclusion] = useState('');
  return (
    <Card withBorder data-testid="close-panel">
      <Stack>
        <Title order={4}>{t('quality.deviation.close')}</Title>
        <RefusalAlert error={flow.refusal} testId="close-error" />
        <Textarea
          label={t('quality.deviation.conclusion')}
          description={t('quality.deviation.conclusionHint')}
          value={conclusion}
          onChange={(e) => setConclusion(e.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={4000}
          data-testid="close-conclusion"
        />
        {!ready && (
          <Text size="sm" c="orange">
            {t('quality.deviation.notReady')}
          </Text>
        )}
        <Button onClick={flow.open} disabled={!conclusion.trim()} w="fit-content" data-testid="close-sign">
          {t('quality.deviation.signClosure')}
        </Button>
        <SignDialog
          key={flow.dialogKey}
          opened={flow.opened}
          onClose={flow.close}
          record={t('quality.deviation.closeRecord', { number: d.number })}
          meanings={DEVIATION_CLOSE_MEANINGS}
          onSign={(signature) => flow.sign(() => close.mutateAsync({ conclusion: conclusion.trim(), signature }))}
        />
      </Stack>
    </Card>
  );
}
