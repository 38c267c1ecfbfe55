/**
 * Entering a lab panel: one row per result with the analyte, the value and its unit (SI or conventional, as the
 * laboratory reported it), each value flagged against the analyte's reference range as it is typed; the clinical
 * grades Child-Pugh needs (ascites, encephalopathy) and dialysis for MELD; and the scores the panel allows, from
 * the server's calculator, before saving.
 */
import { ActionIcon, Badge, Button, Checkbox, Group, NativeSelect, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useTimeZone } from '../../../app/session';
import { ProblemAlert, fieldError } from '../../../components/ProblemAlert';
import { useNowInput } from '../../../lib/useNowInput';
import { SiteTimeInput } from '../../bedside/fields';
import { useLabAnalytes, useRecordLabPanel, useScores } from './labs.api';
import { ASCITES, ENCEPHALOPATHY, type Ascites, type Encephalopathy, type LabAnalyte, type ScoresBody } from './labs.types';
import { flagOf, rangeText } from './reference';
import { ScoresPanel } from './ScoresPanel';

interface Row {
  analyte: string;
  value: number | '';
  unit: string;
}

/** The analytes of a liver panel: what MELD, Child-Pugh, ALBI, APRI and FIB-4 are computed from. */
export const LIVER_PANEL = ['bilirubin', 'albumin', 'inr', 'creatinine', 'sodium', 'ast', 'alt', 'platelets'];

const emptyRow = (): Row => ({ analyte: '', value: '', unit: '' });

export function LabEntryForm({ subjectId, sex, ageYears }: { subjectId: string; sex?: string; ageYears?: number }) {
  const { t, i18n } = useTranslation();
  const tz = useTimeZone();
  const analytes = useLabAnalytes();
  const record = useRecordLabPanel(subjectId);
  const collectedAt = useNowInput(tz);
  const [rows, setRows] = useState<Row[]>([emptyRow()]);
  const [ascites, setAscites] = useState<Ascites | ''>('');
  const [encephalopathy, setEncephalopathy] = useState<Encephalopathy | ''>('');
  const [dialysis, setDialysis] = useState(false);
  const [saved, setSaved] = useState(false);
  const zh = (i18n.resolvedLanguage ?? i18n.language).startsWith('zh');
  const list = analytes.data?.items ?? [];
  const byKey = new Map(list.map((a) => [a.analyte, a]));
  const label = (a: LabAnalyte) => (zh ? a.label['zh-CN'] : a.label.en);

  const setRow = (i: number, patch: Partial<Row>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const chooseAnalyte = (i: number, analyte: string) => {
    // A new analyte starts in its canonical (SI) unit; the person switches to the conventional one if needed.
    setRow(i, { analyte, unit: byKey.get(analyte)?.canonicalUnit ?? '' });
  };
  const fillLiverPanel = () => {
    const have = new Set(rows.map((r) => r.analyte));
    const added = LIVER_PANEL.filter((a) => !have.has(a) && byKey.has(a)).map((a) => ({
      analyte: a,
      value: '' as const,
      unit: byKey.get(a)?.canonicalUnit ?? '',
    }));
    setRows([...rows.filter((r) => r.analyte), ...added]);
  };

  const complete = rows.filter((r) => r.analyte && typeof r.value === 'number');
  const scoresBody: ScoresBody | null =
    complete.length === 0
      ? null
      : {
          ...(sex === 'female' || sex === 'male' ? { sex } : {}),
          ...(ageYears !== undefined ? { ageYears } : {}),
          ...(dialysis ? { dialysis } : {}),
          ...(ascites ? { ascites } : {}),
          ...(encephalopathy ? { encephalopathy } : {}),
          labs: Object.fromEntries(
            complete.map((r) => [r.analyte, { value: r.value as number, ...(r.unit ? { unit: r.unit } : {}) }]),
          ),
        };
  const [debounced] = useDebouncedValue(scoresBody, 300);
  const scores = useScores(debounced);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (complete.length === 0) return;
    setSaved(false);
    record.mutate(
      {
        collectedAt: collectedAt.toIso() ?? new Date().toISOString(),
        ...(ascites ? { ascites } : {}),
        ...(encephalopathy ? { encephalopathy } : {}),
        ...(dialysis ? { dialysis } : {}),
        results: complete.map((r) => ({ analyte: r.analyte, value: r.value as number, unit: r.unit })),
      },
      {
        onSuccess: () => {
          setSaved(true);
          setRows([emptyRow()]);
          collectedAt.reset();
        },
      },
    );
  };
  const err = record.error;
  const duplicate = (i: number) => rows.some((r, j) => j < i && r.analyte && r.analyte === rows[i]?.analyte);
  return (
    <Paper withBorder p="md">
      <Stack component="form" onSubmit={submit} data-testid="lab-entry">
        <Group justify="space-between">
          <Title order={4}>{t('clinical.labs.entry.title')}</Title>
          <Button variant="default" onClick={fillLiverPanel} disabled={list.length === 0} data-testid="lab-liver-panel">
            {t('clinical.labs.entry.liverPanel')}
          </Button>
        </Group>
        {saved && (
          <Text c="teal.9" fw={600} role="status" data-testid="lab-saved">
            {t('clinical.labs.entry.saved')}
          </Text>
        )}
        <ProblemAlert error={err ?? (analytes.isError ? analytes.error : null)} />
        <SiteTimeInput label={t('clinical.labs.entry.collectedAt')} input={collectedAt} error={fieldError(err, 'collectedAt')} testId="lab-collected-at" />
        {rows.map((row, i) => {
          const a = byKey.get(row.analyte);
          const flag = a && typeof row.value === 'number' ? flagOf(a, row.value, row.unit, sex) : null;
          const range = a ? rangeText(a, row.unit, sex) : null;
          return (
            <Group key={i} align="flex-start" gap="sm" data-testid="lab-row" data-flag={flag ?? ''}>
              <NativeSelect
                label={t('clinical.labs.entry.analyte')}
                data={[
                  { value: '', label: t('common.choose'), disabled: true },
                  ...list.map((x) => ({ value: x.analyte, label: label(x) })),
                ]}
                value={row.analyte}
                onChange={(e) => chooseAnalyte(i, e.currentTarget.value)}
                error={duplicate(i) ? t('clinical.labs.entry.duplicate') : fieldError(err, `results.${i}.analyte`)}
                w={220}
                data-testid={`lab-analyte-${i}`}
              />
              <NumberInput
                label={t('clinical.labs.entry.value')}
                description={range ? t('clinical.labs.entry.range', { range }) : undefined}
                value={row.value}
                onChange={(v) => setRow(i, { value: typeof v === 'number' ? v : '' })}
                decimalScale={4}
                inputMode="decimal"
                error={fieldError(err, `results.${i}.value`)}
                w={180}
                data-testid={`lab-value-${i}`}
              />
              <NativeSelect
                label={t('clinical.labs.entry.unit')}
                data={(a?.units ?? []).map((u) => ({ value: u.unit, label: u.unit || t('clinical.labs.entry.noUnit') }))}
                value={row.unit}
                onChange={(e) => setRow(i, { unit: e.currentTarget.value })}
                disabled={!a}
                error={fieldError(err, `results.${i}.unit`)}
                w={140}
                data-testid={`lab-unit-${i}`}
              />
              <Stack gap={4} pt={28}>
                {flag && (
                  <Badge color={flag === 'normal' ? 'teal' : 'red'} variant={flag === 'normal' ? 'light' : 'filled'} data-testid={`lab-flag-${i}`} data-flag={flag}>
                    {t(`clinical.labs.flags.${flag}`)}
                  </Badge>
                )}
              </Stack>
              {rows.length > 1 && (
                <ActionIcon
                  mt={28}
                  variant="subtle"
                  color="red"
                  size="lg"
                  onClick={() => setRows(rows.filter((_, j) => j !== i))}
                  aria-label={t('clinical.labs.entry.removeRow', { n: i + 1 })}
                >
                  ×
                </ActionIcon>
              )}
            </Group>
          );
        })}
        <Button variant="default" w="fit-content" onClick={() => setRows([...rows, emptyRow()])} data-testid="lab-add-row">
          {t('clinical.labs.entry.addRow')}
        </Button>
        <Group align="flex-end">
          <NativeSelect
            label={t('clinical.labs.entry.ascites')}
            data={[{ value: '', label: t('clinical.labs.entry.notAssessed') }, ...ASCITES.map((v) => ({ value: v, label: t(`clinical.labs.ascites.${v}`) }))]}
            value={ascites}
            onChange={(e) => setAscites(e.currentTarget.value as Ascites | '')}
            data-testid="lab-ascites"
          />
          <NativeSelect
            label={t('clinical.labs.entry.encephalopathy')}
            data={[
              { value: '', label: t('clinical.labs.entry.notAssessed') },
              ...ENCEPHALOPATHY.map((v) => ({ value: v, label: t(`clinical.labs.encephalopathy.${v}`) })),
            ]}
            value={encephalopathy}
            onChange={(e) => setEncephalopathy(e.currentTarget.value as Encephalopathy | '')}
            data-testid="lab-encephalopathy"
          />
          <Checkbox label={t('clinical.labs.entry.dialysis')} checked={dialysis} onChange={(e) => setDialysis(e.currentTarget.checked)} mb={8} data-testid="lab-dialysis" />
        </Group>
        <Title order={5}>{t('clinical.labs.scores.title')}</Title>
        {scores.isError ? <ProblemAlert error={scores.error} testId="scores-error" /> : <ScoresPanel scores={scoresBody ? scores.data : undefined} pending={scores.isFetching} />}
        <Group justify="flex-end">
          <Button type="submit" loading={record.isPending} disabled={complete.length === 0 || rows.some((_, i) => duplicate(i))} data-testid="lab-submit">
            {t('clinical.labs.entry.submit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
