/**
 * The screening data of a subject: performance status, the liver findings and labs the scores need (the server
 * computes Child-Pugh, MELD and BCLC from them; a BCLC stage typed here wins over a computed one), the labs the
 * criteria ask for, prior therapies, the answers to checklist criteria and the stratification factors. Age and
 * sex come from the patient. Once data exist, a change needs its reason.
 */
import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert, fieldError } from '../../../components/ProblemAlert';
import { ReasonField } from '../../../components/ReasonField';
import type { ProtocolVersion } from '../clinical.types';
import { BCLC_STAGES, THERAPIES, analyteLabel, therapyLabel } from '../setup/rules';
import type { LabAnalyte } from '../setup/setup.types';
import { useSaveScreeningData } from './screening.api';
import type { LabValue, ScreeningData, ScreeningDataInput } from './screening.types';

/** The labs of the liver scores (MELD, MELD-Na, MELD 3.0, Child-Pugh, ALBI), always asked. */
export const SCORE_ANALYTES = ['bilirubin', 'albumin', 'inr', 'creatinine', 'sodium'] as const;
const BUILT_IN_FACTORS = new Set(['bclcStage', 'childPughClass', 'sex']);

type LabState = Record<string, { value: number | string; unit: string }>;

export function ScreeningDataForm({
  subjectId,
  protocol,
  data,
  analytes,
}: {
  subjectId: string;
  protocol: ProtocolVersion;
  data: ScreeningData | null;
  analytes: LabAnalyte[];
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? i18n.language;
  const save = useSaveScreeningData(subjectId);
  const ruleAnalytes = protocol.criteria.flatMap((c) => (c.rule.type === 'lab' ? [c.rule.analyte] : []));
  const shown = [...new Set([...SCORE_ANALYTES, ...ruleAnalytes])];
  const unitsOf = (a: string) => analytes.find((x) => x.analyte === a)?.units.map((u) => u.unit) ?? [];
  const defaultUnit = (a: string) => {
    const rule = protocol.criteria.find((c) => c.rule.type === 'lab' && c.rule.analyte === a)?.rule;
    return (rule && rule.type === 'lab' ? rule.unit : undefined) ?? analytes.find((x) => x.analyte === a)?.canonicalUnit ?? '';
  };
  const [ecog, setEcog] = useState<number | string>(data?.ecog ?? '');
  const [ascites, setAscites] = useState(data?.ascites ?? '');
  const [encephalopathy, setEncephalopathy] = useState(data?.encephalopathy ?? '');
  const [dialysis, setDialysis] = useState(data?.dialysis ?? false);
  const [labs, setLabs] = useState<LabState>(() =>
    Object.fromEntries(
      shown.map((a) => {
        const v: LabValue | undefined = data?.labs?.[a];
        return [a, { value: v?.value ?? '', unit: v?.unit ?? defaultUnit(a) }];
      }),
    ),
  );
  const [bclcStage, setBclcStage] = useState(data?.bclcStage ?? '');
  const [therapies, setTherapies] = useState<string[]>(data?.priorTherapies ?? []);
  const [checklist, setChecklist] = useState<Record<string, boolean>>(data?.checklist ?? {});
  const [strata, setStrata] = useState<Record<string, string>>(data?.strata ?? {});
  const [reason, setReason] = useState('');
  const hasData = !!data && Object.keys(data).length > 0;
  const checklistCriteria = protocol.criteria.filter((c) => c.rule.type === 'checklist' && c.id);
  const factors = (protocol.randomization?.factors ?? []).filter((f) => !BUILT_IN_FACTORS.has(f.name));

  const body = (): ScreeningDataInput => {
    const labValues: Record<string, LabValue> = {};
    for (const [a, v] of Object.entries(labs))
      if (typeof v.value === 'number' && Number.isFinite(v.value)) labValues[a] = { value: v.value, unit: v.unit };
    return {
      ...(hasData ? { reason: reason.trim() } : {}),
      ...(typeof ecog === 'number' ? { ecog } : {}),
      ...(ascites ? { ascites: ascites as ScreeningDataInput['ascites'] } : {}),
      ...(encephalopathy ? { encephalopathy: encephalopathy as ScreeningDataInput['encephalopathy'] } : {}),
      dialysis,
      labs: labValues,
      ...(bclcStage ? { bclcStage } : {}),
      priorTherapies: therapies,
      checklist,
      ...(Object.keys(strata).length ? { strata } : {}),
    };
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(body(), { onSuccess: () => setReason('') });
  };
  const err = save.error;
  return (
    <Paper withBorder p="md">
      <Stack component="form" onSubmit={submit} gap="sm" data-testid="screening-data-form">
        <Title order={4}>{t('clinical.screening.data.title')}</Title>
        <Text size="sm">{t('clinical.screening.data.hint')}</Text>
        <ProblemAlert error={err} testId="screening-data-error" />
        <SimpleGrid cols={{ base: 1, sm: 4 }}>
          <NumberInput
            label={t('clinical.screening.data.ecog')}
            value={ecog}
            onChange={setEcog}
            min={0}
            max={5}
            allowDecimal={false}
            error={fieldError(err, 'ecog')}
            data-testid="data-ecog"
          />
          <NativeSelect
            label={t('clinical.screening.data.ascites')}
            data={[
              { value: '', label: t('clinical.screening.data.notAssessed') },
              ...(['none', 'slight', 'moderate'] as const).map((v) => ({ value: v, label: t(`clinical.screening.data.ascitesLevels.${v}`) })),
            ]}
            value={ascites}
            onChange={(e) => setAscites(e.currentTarget.value)}
            error={fieldError(err, 'ascites')}
            data-testid="data-ascites"
          />
          <NativeSelect
            label={t('clinical.screening.data.encephalopathy')}
            data={[
              { value: '', label: t('clinical.screening.data.notAssessed') },
              ...(['none', 'grade_1_2', 'grade_3_4'] as const).map((v) => ({
                value: v,
                label: t(`clinical.screening.data.encephalopathyLevels.${v}`),
              })),
            ]}
            value={encephalopathy}
            onChange={(e) => setEncephalopathy(e.currentTarget.value)}
            error={fieldError(err, 'encephalopathy')}
            data-testid="data-encephalopathy"
          />
          <NativeSelect
            label={t('clinical.screening.data.bclcStage')}
            description={t('clinical.screening.data.bclcHint')}
            data={[
              { value: '', label: t('clinical.screening.data.computed') },
              ...BCLC_STAGES.map((s) => ({ value: s, label: t('clinical.setup.rule.bclcStage', { stage: s }) })),
            ]}
            value={bclcStage}
            onChange={(e) => setBclcStage(e.currentTarget.value)}
            error={fieldError(err, 'bclcStage')}
            data-testid="data-bclc"
          />
        </SimpleGrid>
        <Checkbox
          label={t('clinical.screening.data.dialysis')}
          checked={dialysis}
          onChange={(e) => setDialysis(e.currentTarget.checked)}
          data-testid="data-dialysis"
        />
        <Text size="sm" fw={600}>
          {t('clinical.screening.data.labs')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {shown.map((a) => {
            const units = unitsOf(a);
            const state = labs[a] ?? { value: '', unit: defaultUnit(a) };
            const name = analyteLabel(a, analytes, lng);
            return (
              <Group key={a} align="flex-start" gap="xs" wrap="nowrap" data-testid="data-lab" data-analyte={a}>
                <NumberInput
                  label={name}
                  value={state.value}
                  onChange={(v) => setLabs({ ...labs, [a]: { ...state, value: v } })}
                  decimalScale={3}
                  style={{ flex: 1 }}
                  error={fieldError(err, `labs.${a}.value`)}
                  data-testid={`data-lab-${a}`}
                />
                {units.length > 1 || (units[0] ?? '') !== '' ? (
                  <NativeSelect
                    label={t('clinical.screening.data.unitOf', { name })}
                    data={(units.length ? units : [state.unit]).map((u) => ({ value: u, label: u }))}
                    value={state.unit}
                    onChange={(e) => setLabs({ ...labs, [a]: { ...state, unit: e.currentTarget.value } })}
                    error={fieldError(err, `labs.${a}.unit`)}
                    w={110}
                  />
                ) : null}
              </Group>
            );
          })}
        </SimpleGrid>
        <TagsInput
          label={t('clinical.screening.data.priorTherapies')}
          description={t('clinical.setup.rule.therapiesHint')}
          data={THERAPIES.map((c) => ({ value: c, label: therapyLabel(c, t) }))}
          value={therapies}
          onChange={(v) => setTherapies(v.map((x) => x.trim().toLowerCase().replace(/\s+/g, '_')))}
          error={fieldError(err, 'priorTherapies')}
          data-testid="data-therapies"
        />
        {checklistCriteria.map((c) => {
          const id = c.id ?? '';
          return (
            <Radio.Group
              key={id}
              label={`${c.code} · ${c.text}`}
              value={checklist[id] === undefined ? '' : checklist[id] ? 'yes' : 'no'}
              onChange={(v) => setChecklist({ ...checklist, [id]: v === 'yes' })}
              error={fieldError(err, `checklist.${id}`)}
              data-testid={`data-checklist-${c.code}`}
            >
              <Group mt={4}>
                <Radio value="yes" label={t('clinical.common.yes')} />
                <Radio value="no" label={t('clinical.common.no')} />
              </Group>
            </Radio.Group>
          );
        })}
        {factors.map((f) => (
          <NativeSelect
            key={f.name}
            label={t('clinical.screening.data.stratum', { factor: f.name })}
            data={[{ value: '', label: t('common.choose') }, ...f.levels.map((l) => ({ value: l, label: l }))]}
            value={strata[f.name] ?? ''}
            onChange={(e) => setStrata({ ...strata, [f.name]: e.currentTarget.value })}
            error={fieldError(err, `strata.${f.name}`)}
            data-testid={`data-stratum-${f.name}`}
          />
        ))}
        {hasData && <ReasonField value={reason} onChange={setReason} error={err} testId="screening-data-reason" />}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending} disabled={hasData && !reason.trim()} data-testid="screening-data-save">
            {t('clinical.screening.data.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
