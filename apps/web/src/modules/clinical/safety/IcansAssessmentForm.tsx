/**
 * The daily ICANS assessment (ASTCT 2019, adults): the ICE screen item by item with its running total, the level
 * of consciousness, seizures, motor weakness and cerebral oedema, and the grade the server's calculator gives
 * before saving. A patient who cannot be woken is not asked the ICE items (the ICE score is then 0).
 */
import { Badge, Button, Group, Paper, Progress, Stack, Text, Textarea, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useTimeZone } from '../../../app/session';
import { ProblemAlert, fieldError } from '../../../components/ProblemAlert';
import { useNowInput } from '../../../lib/useNowInput';
import { SiteTimeInput } from '../../bedside/fields';
import { GradeBadge } from './GradeBadge';
import { EMPTY_ICE, ICE_BOOLEAN_ITEMS, iceItems, iceProgress, type IceDraft } from './ice';
import { useIcansGrade, useRecordIcans, type IcansGradeInput } from './safety.api';
import {
  CEREBRAL_EDEMA,
  CONSCIOUSNESS,
  SEIZURE,
  type CerebralEdema,
  type Consciousness,
  type IcansAssessment,
  type Seizure,
} from './safety.types';
import { TouchChoice, YesNo } from './TouchChoice';
import { TreatmentsField, treatmentsOf, type TreatmentDraft } from './TreatmentsField';

export function IcansAssessmentForm({ subjectId }: { subjectId: string }) {
  const { t } = useTranslation();
  const tz = useTimeZone();
  const assessedAt = useNowInput(tz);
  const [ice, setIce] = useState<IceDraft>(EMPTY_ICE);
  const [consciousness, setConsciousness] = useState<Consciousness | null>(null);
  const [seizure, setSeizure] = useState<Seizure>('none');
  const [motorWeakness, setMotorWeakness] = useState<boolean>(false);
  const [cerebralEdema, setCerebralEdema] = useState<CerebralEdema>('none');
  const [treatments, setTreatments] = useState<TreatmentDraft>({});
  const [notes, setNotes] = useState('');
  const [saved, setSaved] = useState<IcansAssessment | null>(null);
  const record = useRecordIcans(subjectId);

  const unarousable = consciousness === 'unarousable';
  const progress = iceProgress(ice);
  const items = iceItems(ice);
  const iceScore = unarousable ? 0 : items ? progress.total : null;
  const findings: IcansGradeInput | null =
    consciousness && iceScore !== null ? { iceScore, consciousness, seizure, motorWeakness, cerebralEdema } : null;
  const [debounced] = useDebouncedValue(findings, 250);
  const grade = useIcansGrade(debounced);
  const ready = findings !== null && assessedAt.valid;
  const setItem = <K extends keyof IceDraft>(key: K, value: IceDraft[K]) => setIce({ ...ice, [key]: value });
  const yes = t('clinical.safety.yes');
  const no = t('clinical.safety.no');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!findings || !consciousness) return;
    setSaved(null);
    record.mutate(
      {
        assessedAt: assessedAt.toIso() ?? new Date().toISOString(),
        ...(items && !unarousable ? { ice: items } : {}),
        consciousness,
        seizure,
        motorWeakness,
        cerebralEdema,
        treatments: treatmentsOf(treatments),
        ...(notes.trim() ? { notes: notes.trim() } : {}),
      },
      {
        onSuccess: ({ assessment }) => {
          setSaved(assessment);
          assessedAt.reset();
          setIce(EMPTY_ICE);
          setConsciousness(null);
          setSeizure('none');
          setMotorWeakness(false);
          setCerebralEdema('none');
          setTreatments({});
          setNotes('');
        },
      },
    );
  };
  const err = record.error;
  return (
    <Stack component="form" onSubmit={submit} gap="lg" data-testid="icans-form">
      {saved && (
        <Text c="teal.9" fw={600} role="status" data-testid="icans-saved">
          {t('clinical.safety.icans.saved', { grade: saved.grade, ice: saved.iceScore, day: saved.day })}
        </Text>
      )}
      <ProblemAlert error={err} />
      <SiteTimeInput
        size="lg"
        label={t('clinical.safety.icans.assessedAt')}
        input={assessedAt}
        error={fieldError(err, 'assessedAt') ?? (assessedAt.valid ? undefined : t('common.invalidDateTime'))}
        testId="icans-assessed-at"
      />
      <TouchChoice
        label={t('clinical.safety.icans.consciousness')}
        value={consciousness}
        onChange={setConsciousness}
        options={CONSCIOUSNESS.map((v) => ({ value: v, label: t(`clinical.safety.icans.consciousnessOptions.${v}`) }))}
        error={fieldError(err, 'consciousness')}
        testId="icans-consciousness"
      />
      {!unarousable && (
        <Paper withBorder p="md" radius="md" data-testid="ice-form">
          <Stack gap="md">
            <Group justify="space-between" align="flex-start">
              <div>
                <Title order={4}>{t('clinical.safety.ice.title')}</Title>
                <Text size="sm">{t('clinical.safety.ice.hint')}</Text>
              </div>
              <div aria-live="polite">
                <Text fw={700} size="xl" data-testid="ice-total" data-total={progress.total} data-complete={progress.complete}>
                  {t('clinical.safety.ice.total', { total: progress.total })}
                </Text>
                <Text size="sm">{t('clinical.safety.ice.answered', { answered: progress.answered, of: 8 })}</Text>
              </div>
            </Group>
            <Progress value={(progress.answered / 8) * 100} aria-label={t('clinical.safety.ice.progress')} />
            {ICE_BOOLEAN_ITEMS.slice(0, 4).map((key) => (
              <YesNo
                key={key}
                label={t(`clinical.safety.ice.items.${key}`)}
                value={ice[key]}
                onChange={(v) => setItem(key, v)}
                yes={t('clinical.safety.ice.correct')}
                no={t('clinical.safety.ice.incorrect')}
                testId={`ice-${key}`}
              />
            ))}
            <TouchChoice
              label={t('clinical.safety.ice.items.namedObjects')}
              value={ice.namedObjects === null ? null : String(ice.namedObjects)}
              onChange={(v) => setItem('namedObjects', Number(v))}
              options={['0', '1', '2', '3'].map((v) => ({ value: v, label: v }))}
              testId="ice-namedObjects"
            />
            {ICE_BOOLEAN_ITEMS.slice(4).map((key) => (
              <YesNo
                key={key}
                label={t(`clinical.safety.ice.items.${key}`)}
                value={ice[key]}
                onChange={(v) => setItem(key, v)}
                yes={yes}
                no={no}
                testId={`ice-${key}`}
              />
            ))}
          </Stack>
        </Paper>
      )}
      <TouchChoice
        label={t('clinical.safety.icans.seizure')}
        value={seizure}
        onChange={setSeizure}
        options={SEIZURE.map((v) => ({ value: v, label: t(`clinical.safety.icans.seizureOptions.${v}`) }))}
        cols={3}
        testId="icans-seizure"
      />
      <YesNo
        label={t('clinical.safety.icans.motorWeakness')}
        value={motorWeakness}
        onChange={setMotorWeakness}
        yes={yes}
        no={no}
        testId="icans-motor-weakness"
      />
      <TouchChoice
        label={t('clinical.safety.icans.cerebralEdema')}
        value={cerebralEdema}
        onChange={setCerebralEdema}
        options={CEREBRAL_EDEMA.map((v) => ({ value: v, label: t(`clinical.safety.icans.cerebralEdemaOptions.${v}`) }))}
        cols={3}
        testId="icans-cerebral-edema"
      />
      <TreatmentsField value={treatments} onChange={setTreatments} testId="icans-treatments" />
      <Textarea
        size="md"
        label={t('clinical.safety.notes')}
        value={notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
        maxLength={2000}
        rows={3}
        data-testid="icans-notes"
      />
      <Paper withBorder p="md" radius="md" aria-live="polite" data-testid="icans-grade-preview">
        <Group justify="space-between">
          <div>
            <Text fw={600}>{t('clinical.safety.icans.computedGrade')}</Text>
            {iceScore !== null && (
              <Badge variant="outline" color="dark" mt={4}>
                {t('clinical.safety.ice.score', { score: iceScore })}
              </Badge>
            )}
          </div>
          {!findings ? (
            <Text size="sm">{t('clinical.safety.icans.fillToGrade')}</Text>
          ) : grade.isError ? (
            <ProblemAlert error={grade.error} />
          ) : grade.data && JSON.stringify(debounced) === JSON.stringify(findings) ? (
            <GradeBadge grade={grade.data.grade} size="xl" testId="icans-grade" />
          ) : (
            <Text size="sm">{t('common.loading')}</Text>
          )}
        </Group>
      </Paper>
      <Button type="submit" size="xl" loading={record.isPending} disabled={!ready} data-testid="icans-submit">
        {t('clinical.safety.icans.submit')}
      </Button>
    </Stack>
  );
}
