/**
 * The daily CRS assessment at the bedside (ASTCT 2019): temperature, hypotension and hypoxia in large touch
 * targets, the treatments given, and the grade the server's calculator gives these findings shown before
 * saving (the grade is computed, never typed). Saving a CRS of grade 1 or more opens or raises the subject's
 * CRS adverse event; the form says which.
 */
import { Alert, Button, Group, NumberInput, Paper, Stack, Switch, Text, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useTimeZone } from '../../../app/session';
import { ProblemAlert, fieldError } from '../../../components/ProblemAlert';
import { useNowInput } from '../../../lib/useNowInput';
import { SiteTimeInput } from '../../bedside/fields';
import { GradeBadge } from './GradeBadge';
import { useCrsGrade, useRecordCrs, type CrsGradeInput } from './safety.api';
import { HYPOTENSION, HYPOXIA, type CrsCreated, type Hypotension, type Hypoxia } from './safety.types';
import { TouchChoice } from './TouchChoice';
import { TreatmentsField, treatmentsOf, type TreatmentDraft } from './TreatmentsField';

const validTemperature = (v: number | '') => typeof v === 'number' && v >= 30 && v <= 45;

export function CrsAssessmentForm({ subjectId }: { subjectId: string }) {
  const { t } = useTranslation();
  const tz = useTimeZone();
  const assessedAt = useNowInput(tz);
  const [temperature, setTemperature] = useState<number | ''>('');
  const [afterAntipyretics, setAfterAntipyretics] = useState(false);
  const [hypotension, setHypotension] = useState<Hypotension | null>(null);
  const [hypoxia, setHypoxia] = useState<Hypoxia | null>(null);
  const [treatments, setTreatments] = useState<TreatmentDraft>({});
  const [notes, setNotes] = useState('');
  const [saved, setSaved] = useState<CrsCreated | null>(null);
  const record = useRecordCrs(subjectId);

  const findings: CrsGradeInput | null =
    validTemperature(temperature) && hypotension && hypoxia
      ? { temperatureC: temperature as number, hypotension, hypoxia, afterAntipyretics }
      : null;
  const [debounced] = useDebouncedValue(findings, 250);
  const grade = useCrsGrade(debounced);
  const ready = findings !== null && assessedAt.valid;

  const reset = () => {
    assessedAt.reset();
    setTemperature('');
    setAfterAntipyretics(false);
    setHypotension(null);
    setHypoxia(null);
    setTreatments({});
    setNotes('');
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!findings) return;
    setSaved(null);
    record.mutate(
      {
        ...findings,
        assessedAt: assessedAt.toIso() ?? new Date().toISOString(),
        treatments: treatmentsOf(treatments),
        ...(notes.trim() ? { notes: notes.trim() } : {}),
      },
      {
        onSuccess: (created) => {
          setSaved(created);
          reset();
        },
      },
    );
  };
  const err = record.error;
  return (
    <Stack component="form" onSubmit={submit} gap="lg" data-testid="crs-form">
      {saved && <CrsSaved created={saved} />}
      <ProblemAlert error={err} />
      <Group align="flex-end" gap="lg">
        <SiteTimeInput
          size="lg"
          label={t('clinical.safety.crs.assessedAt')}
          input={assessedAt}
          error={fieldError(err, 'assessedAt') ?? (assessedAt.valid ? undefined : t('common.invalidDateTime'))}
          testId="crs-assessed-at"
        />
        <NumberInput
          size="lg"
          label={t('clinical.safety.crs.temperature')}
          description={t('clinical.safety.crs.temperatureHint')}
          value={temperature}
          onChange={(v) => setTemperature(typeof v === 'number' ? v : '')}
          min={30}
          max={45}
          step={0.1}
          decimalScale={1}
          suffix=" °C"
          inputMode="decimal"
          required
          error={
            fieldError(err, 'temperatureC') ??
            (temperature !== '' && !validTemperature(temperature) ? t('clinical.safety.crs.temperatureRange') : undefined)
          }
          w={220}
          data-testid="crs-temperature"
        />
        <Switch
          size="lg"
          label={t('clinical.safety.crs.afterAntipyretics')}
          checked={afterAntipyretics}
          onChange={(e) => setAfterAntipyretics(e.currentTarget.checked)}
          data-testid="crs-after-antipyretics"
        />
      </Group>
      <TouchChoice
        label={t('clinical.safety.crs.hypotension')}
        value={hypotension}
        onChange={setHypotension}
        options={HYPOTENSION.map((v) => ({ value: v, label: t(`clinical.safety.crs.hypotensionOptions.${v}`) }))}
        error={fieldError(err, 'hypotension')}
        testId="crs-hypotension"
      />
      <TouchChoice
        label={t('clinical.safety.crs.hypoxia')}
        value={hypoxia}
        onChange={setHypoxia}
        options={HYPOXIA.map((v) => ({ value: v, label: t(`clinical.safety.crs.hypoxiaOptions.${v}`) }))}
        error={fieldError(err, 'hypoxia')}
        testId="crs-hypoxia"
      />
      <TreatmentsField value={treatments} onChange={setTreatments} testId="crs-treatments" />
      <Textarea
        size="md"
        label={t('clinical.safety.notes')}
        value={notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
        maxLength={2000}
        rows={3}
        data-testid="crs-notes"
      />
      <Paper withBorder p="md" radius="md" aria-live="polite" data-testid="crs-grade-preview" data-grade={findings && grade.data ? grade.data.grade : ''}>
        <Group justify="space-between">
          <div>
            <Text fw={600}>{t('clinical.safety.crs.computedGrade')}</Text>
            <Text size="sm">{t('clinical.safety.crs.computedGradeHint')}</Text>
          </div>
          {!findings ? (
            <Text size="sm">{t('clinical.safety.crs.fillToGrade')}</Text>
          ) : grade.isError ? (
            <ProblemAlert error={grade.error} />
          ) : grade.data && JSON.stringify(debounced) === JSON.stringify(findings) ? (
            <GradeBadge grade={grade.data.grade} size="xl" testId="crs-grade" />
          ) : (
            <Text size="sm">{t('common.loading')}</Text>
          )}
        </Group>
      </Paper>
      <Button type="submit" size="xl" loading={record.isPending} disabled={!ready} data-testid="crs-submit">
        {t('clinical.safety.crs.submit')}
      </Button>
    </Stack>
  );
}

function CrsSaved({ created }: { created: CrsCreated }) {
  const { t } = useTranslation();
  const ae = created.adverseEvent;
  return (
    <Alert color="teal" variant="light" title={t('clinical.safety.crs.saved', { grade: created.assessment.grade, day: created.assessment.day })} data-testid="crs-saved">
      {ae && ae.action !== 'unchanged' && <Text size="sm">{t(`clinical.safety.crs.ae.${ae.action}`, { number: ae.number })}</Text>}
    </Alert>
  );
}
