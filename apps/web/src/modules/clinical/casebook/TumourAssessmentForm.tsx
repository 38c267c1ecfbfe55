/**
 * A new mRECIST time point: the target lesions (at most 2 per organ and 5 in all; at follow-up the baseline's
 * lesions, measured again), non-target lesions and whether new lesions appeared. The server computes the response.
 */
import { ActionIcon, Button, Group, NativeSelect, NumberInput, Paper, Stack, Switch, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useTimeZone } from '../../../app/session';
import { FormActions } from '../../../components/FormActions';
import { ProblemAlert, fieldError } from '../../../components/ProblemAlert';
import { useNowInput } from '../../../lib/useNowInput';
import { SiteTimeInput } from '../../bedside/fields';
import { useRecordTumourAssessment } from './casebook.api';
import type { NonTargetLesion, Timepoint } from './casebook.types';

interface LesionDraft {
  lesionId: string;
  organ: string;
  viableDiameterMm: number | '';
}

export function TumourAssessmentForm({
  subjectId,
  baseline,
  onDone,
}: {
  subjectId: string;
  baseline: Timepoint | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const tz = useTimeZone();
  const assessedAt = useNowInput(tz);
  const record = useRecordTumourAssessment(subjectId);
  const [modality, setModality] = useState<'ct' | 'mri'>('mri');
  const [targets, setTargets] = useState<LesionDraft[]>(
    baseline
      ? baseline.targetLesions.map((l) => ({ lesionId: l.lesionId, organ: l.organ, viableDiameterMm: '' }))
      : [{ lesionId: 'T1', organ: 'liver', viableDiameterMm: '' }],
  );
  const [nonTargets, setNonTargets] = useState<NonTargetLesion[]>(
    baseline ? baseline.nonTargetLesions.map((l) => ({ ...l })) : [],
  );
  const [newLesions, setNewLesions] = useState(false);
  const err = record.error;
  const setTarget = (i: number, patch: Partial<LesionDraft>) =>
    setTargets(targets.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const complete = targets.every((l) => l.lesionId.trim() && l.organ.trim() && typeof l.viableDiameterMm === 'number');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!complete) return;
    record.mutate(
      {
        assessedAt: assessedAt.toIso() ?? new Date().toISOString(),
        modality,
        targetLesions: targets.map((l) => ({ lesionId: l.lesionId.trim(), organ: l.organ.trim(), viableDiameterMm: Number(l.viableDiameterMm) })),
        nonTargetLesions: nonTargets,
        newLesions,
      },
      { onSuccess: onDone },
    );
  };
  return (
    <Paper withBorder p="md">
      <Stack component="form" onSubmit={submit} data-testid="tumour-form">
        <Title order={4}>{baseline ? t('clinical.casebook.response.newFollowUp') : t('clinical.casebook.response.newBaseline')}</Title>
        <ProblemAlert error={err} />
        <Group align="flex-end">
          <SiteTimeInput label={t('clinical.casebook.response.assessedAt')} input={assessedAt} error={fieldError(err, 'assessedAt')} testId="tumour-assessed-at" />
          <NativeSelect
            label={t('clinical.casebook.response.modality')}
            data={[
              { value: 'mri', label: t('clinical.casebook.response.modalities.mri') },
              { value: 'ct', label: t('clinical.casebook.response.modalities.ct') },
            ]}
            value={modality}
            onChange={(e) => setModality(e.currentTarget.value as 'ct' | 'mri')}
            data-testid="tumour-modality"
          />
        </Group>
        <Title order={5}>{t('clinical.casebook.response.targets')}</Title>
        {targets.map((l, i) => (
          <Group key={i} align="flex-end" data-testid="tumour-target">
            <TextInput
              label={t('clinical.casebook.response.lesionId')}
              value={l.lesionId}
              onChange={(e) => setTarget(i, { lesionId: e.currentTarget.value })}
              readOnly={!!baseline}
              w={110}
            />
            <TextInput
              label={t('clinical.casebook.response.organ')}
              value={l.organ}
              onChange={(e) => setTarget(i, { organ: e.currentTarget.value })}
              readOnly={!!baseline}
              w={160}
            />
            <NumberInput
              label={t('clinical.casebook.response.viableDiameter')}
              value={l.viableDiameterMm}
              onChange={(v) => setTarget(i, { viableDiameterMm: typeof v === 'number' ? v : '' })}
              min={0}
              max={500}
              suffix=" mm"
              required
              w={180}
              data-testid={`tumour-diameter-${i}`}
            />
            {!baseline && targets.length > 1 && (
              <ActionIcon variant="subtle" color="red" aria-label={t('clinical.casebook.response.removeLesion', { id: l.lesionId })} onClick={() => setTargets(targets.filter((_, j) => j !== i))}>
                ×
              </ActionIcon>
            )}
          </Group>
        ))}
        {!baseline && targets.length < 5 && (
          <Button variant="default" w="fit-content" onClick={() => setTargets([...targets, { lesionId: `T${targets.length + 1}`, organ: 'liver', viableDiameterMm: '' }])}>
            {t('clinical.casebook.response.addLesion')}
          </Button>
        )}
        {nonTargets.length > 0 && <Title order={5}>{t('clinical.casebook.response.nonTarget')}</Title>}
        {nonTargets.map((l, i) => (
          <NativeSelect
            key={l.lesionId}
            label={t('clinical.casebook.response.nonTargetLesion', { id: l.lesionId })}
            data={(['absent', 'present', 'unequivocal_progression'] as const).map((s) => ({ value: s, label: t(`clinical.casebook.response.nonTargetStatus.${s}`) }))}
            value={l.status}
            onChange={(e) => setNonTargets(nonTargets.map((n, j) => (j === i ? { ...n, status: e.currentTarget.value as NonTargetLesion['status'] } : n)))}
            w={320}
          />
        ))}
        {!baseline && (
          <Button
            variant="default"
            w="fit-content"
            onClick={() => setNonTargets([...nonTargets, { lesionId: `N${nonTargets.length + 1}`, status: 'present' }])}
          >
            {t('clinical.casebook.response.addNonTarget')}
          </Button>
        )}
        <Switch label={t('clinical.casebook.response.newLesionsQuestion')} checked={newLesions} onChange={(e) => setNewLesions(e.currentTarget.checked)} data-testid="tumour-new-lesions" />
        <FormActions onCancel={onDone} submitLabel={t('clinical.casebook.response.record')} loading={record.isPending} disabled={!complete} testId="tumour-submit" />
      </Stack>
    </Paper>
  );
}
