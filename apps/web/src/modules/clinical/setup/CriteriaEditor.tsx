/**
 * Editor of a draft's eligibility criteria: each criterion has a code (I1, E3), a kind (inclusion or
 * exclusion), its text as the protocol words it and a structured rule the server evaluates (age range, sex,
 * Child-Pugh classes, MELD range, BCLC stages, ECOG maximum, a lab threshold with analyte and unit, prior
 * therapy) or a checklist item a person answers. Controlled: `value` and `onChange`.
 */
import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Comparator, Criterion, CriterionKind, CriterionRule, RuleType } from '../clinical.types';
import {
  BCLC_STAGES,
  CHILD_PUGH_CLASSES,
  COMPARATORS,
  MELD_SCORES,
  RULE_TYPES,
  THERAPIES,
  analyteLabel,
  comparatorSign,
  defaultRule,
  therapyLabel,
} from './rules';
import type { LabAnalyte } from './setup.types';

interface Props {
  value: Criterion[];
  onChange: (next: Criterion[]) => void;
  analytes: LabAnalyte[];
  /** Field errors of the last save, by criterion index (e.g. from `body.criteria.2.rule.unit`). */
  errorAt?: (path: string) => React.ReactNode | undefined;
}

/** A NumberInput's value: a number, or undefined when emptied. */
const num = (v: number | string): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/** The next free code of a kind: I1, I2 … or E1, E2 …. */
export function nextCode(criteria: Criterion[], kind: CriterionKind): string {
  const prefix = kind === 'inclusion' ? 'I' : 'E';
  const used = new Set(criteria.map((c) => c.code));
  let n = 1;
  while (used.has(`${prefix}${n}`)) n += 1;
  return `${prefix}${n}`;
}

export function CriteriaEditor({ value, onChange, analytes, errorAt }: Props) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<Criterion>) =>
    onChange(value.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  const add = (kind: CriterionKind) =>
    onChange([...value, { code: nextCode(value, kind), kind, text: '', rule: defaultRule('checklist') }]);
  const remove = (i: number) => onChange(value.filter((_, j) => j !== i));
  return (
    <Stack gap="sm" data-testid="criteria-editor">
      {value.length === 0 && <Text size="sm">{t('clinical.setup.criteria.empty')}</Text>}
      {value.map((c, i) => (
        <Paper key={c.id ?? `new-${i}`} withBorder p="sm" data-testid="criterion-row" data-code={c.code}>
          <Stack gap="xs">
            <Group align="flex-end" wrap="wrap" gap="sm">
              <TextInput
                label={t('clinical.setup.criteria.code')}
                value={c.code}
                onChange={(e) => set(i, { code: e.currentTarget.value.toUpperCase() })}
                w={90}
                required
                error={errorAt?.(`criteria.${i}.code`)}
                data-testid="criterion-code"
              />
              <NativeSelect
                label={t('clinical.setup.criteria.kind')}
                data={[
                  { value: 'inclusion', label: t('clinical.common.kind.inclusion') },
                  { value: 'exclusion', label: t('clinical.common.kind.exclusion') },
                ]}
                value={c.kind}
                onChange={(e) => set(i, { kind: e.currentTarget.value as CriterionKind })}
                data-testid="criterion-kind"
              />
              <NativeSelect
                label={t('clinical.setup.criteria.ruleType')}
                data={RULE_TYPES.map((type) => ({ value: type, label: t(`clinical.setup.ruleType.${type}`) }))}
                value={c.rule.type}
                onChange={(e) => set(i, { rule: defaultRule(e.currentTarget.value as RuleType) })}
                error={errorAt?.(`criteria.${i}.rule.type`)}
                data-testid="criterion-rule-type"
              />
              <ActionIcon
                variant="default"
                size="lg"
                onClick={() => remove(i)}
                aria-label={t('clinical.setup.criteria.removeNamed', { code: c.code })}
                data-testid="criterion-remove"
              >
                ×
              </ActionIcon>
            </Group>
            <Textarea
              label={
                c.rule.type === 'checklist' ? t('clinical.setup.criteria.question') : t('clinical.setup.criteria.text')
              }
              value={c.text}
              onChange={(e) => set(i, { text: e.currentTarget.value })}
              autosize
              minRows={1}
              required
              error={errorAt?.(`criteria.${i}.text`)}
              data-testid="criterion-text"
            />
            <RuleFields
              rule={c.rule}
              onChange={(rule) => set(i, { rule })}
              analytes={analytes}
              error={(field) => errorAt?.(`criteria.${i}.rule.${field}`)}
            />
          </Stack>
        </Paper>
      ))}
      <Group>
        <Button variant="default" onClick={() => add('inclusion')} data-testid="add-inclusion">
          {t('clinical.setup.criteria.addInclusion')}
        </Button>
        <Button variant="default" onClick={() => add('exclusion')} data-testid="add-exclusion">
          {t('clinical.setup.criteria.addExclusion')}
        </Button>
      </Group>
    </Stack>
  );
}

function RuleFields({
  rule,
  onChange,
  analytes,
  error,
}: {
  rule: CriterionRule;
  onChange: (rule: CriterionRule) => void;
  analytes: LabAnalyte[];
  error: (field: string) => React.ReactNode | undefined;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.resolvedLanguage ?? i18n.language;
  switch (rule.type) {
    case 'age':
      return (
        <Group gap="sm" align="flex-start">
          <NumberInput
            label={t('clinical.setup.rule.ageMin')}
            value={rule.min ?? ''}
            onChange={(v) => onChange({ ...rule, min: num(v) })}
            min={0}
            max={120}
            allowDecimal={false}
            error={error('min')}
            data-testid="rule-age-min"
          />
          <NumberInput
            label={t('clinical.setup.rule.ageMax')}
            value={rule.max ?? ''}
            onChange={(v) => onChange({ ...rule, max: num(v) })}
            min={0}
            max={120}
            allowDecimal={false}
            error={error('max')}
            data-testid="rule-age-max"
          />
        </Group>
      );
    case 'sex':
      return (
        <Checkbox.Group
          label={t('clinical.setup.rule.sexAllowed')}
          value={rule.allowed}
          onChange={(v) => onChange({ ...rule, allowed: v as ('female' | 'male')[] })}
          error={error('allowed')}
        >
          <Group mt={4}>
            <Checkbox value="female" label={t('sex.female')} />
            <Checkbox value="male" label={t('sex.male')} />
          </Group>
        </Checkbox.Group>
      );
    case 'child_pugh':
      return (
        <Checkbox.Group
          label={t('clinical.setup.rule.childPughClasses')}
          value={rule.classes}
          onChange={(v) => onChange({ ...rule, classes: v as typeof rule.classes })}
          error={error('classes')}
          data-testid="rule-child-pugh"
        >
          <Group mt={4}>
            {CHILD_PUGH_CLASSES.map((c) => (
              <Checkbox key={c} value={c} label={t('clinical.setup.rule.childPughClass', { cls: c })} />
            ))}
          </Group>
        </Checkbox.Group>
      );
    case 'meld':
      return (
        <Group gap="sm" align="flex-start">
          <NativeSelect
            label={t('clinical.setup.rule.meldScore')}
            data={MELD_SCORES.map((s) => ({ value: s, label: t(`clinical.setup.meldScore.${s}`) }))}
            value={rule.score ?? 'meld'}
            onChange={(e) => onChange({ ...rule, score: e.currentTarget.value as (typeof MELD_SCORES)[number] })}
            error={error('score')}
          />
          <NumberInput
            label={t('clinical.setup.rule.min')}
            value={rule.min ?? ''}
            onChange={(v) => onChange({ ...rule, min: num(v) })}
            min={6}
            max={40}
            error={error('min')}
          />
          <NumberInput
            label={t('clinical.setup.rule.max')}
            value={rule.max ?? ''}
            onChange={(v) => onChange({ ...rule, max: num(v) })}
            min={6}
            max={40}
            error={error('max')}
            data-testid="rule-meld-max"
          />
        </Group>
      );
    case 'bclc':
      return (
        <Checkbox.Group
          label={t('clinical.setup.rule.bclcStages')}
          value={rule.stages}
          onChange={(v) => onChange({ ...rule, stages: v as typeof rule.stages })}
          error={error('stages')}
          data-testid="rule-bclc"
        >
          <Group mt={4}>
            {BCLC_STAGES.map((s) => (
              <Checkbox key={s} value={s} label={t('clinical.setup.rule.bclcStage', { stage: s })} />
            ))}
          </Group>
        </Checkbox.Group>
      );
    case 'ecog':
      return (
        <NumberInput
          label={t('clinical.setup.rule.ecogMax')}
          value={rule.max}
          onChange={(v) => onChange({ ...rule, max: num(v) ?? 0 })}
          min={0}
          max={5}
          allowDecimal={false}
          w={200}
          error={error('max')}
          data-testid="rule-ecog-max"
        />
      );
    case 'lab': {
      const analyte = analytes.find((a) => a.analyte === rule.analyte);
      const units = analyte?.units.map((u) => u.unit) ?? [rule.unit];
      const unitLabel = (u: string) => (u === '' ? t('clinical.setup.rule.noUnit') : u);
      return (
        <Group gap="sm" align="flex-start">
          <NativeSelect
            label={t('clinical.setup.rule.analyte')}
            data={[
              ...(analyte ? [] : [{ value: rule.analyte, label: rule.analyte }]),
              ...analytes.map((a) => ({ value: a.analyte, label: analyteLabel(a.analyte, analytes, lng) })),
            ]}
            value={rule.analyte}
            onChange={(e) => {
              const next = analytes.find((a) => a.analyte === e.currentTarget.value);
              onChange({ ...rule, analyte: e.currentTarget.value, unit: next?.canonicalUnit ?? next?.units[0]?.unit ?? '' });
            }}
            error={error('analyte')}
            data-testid="rule-lab-analyte"
          />
          <NativeSelect
            label={t('clinical.setup.rule.comparator')}
            data={COMPARATORS.map((c) => ({ value: c, label: comparatorSign(c) }))}
            value={rule.comparator}
            onChange={(e) => onChange({ ...rule, comparator: e.currentTarget.value as Comparator })}
            error={error('comparator')}
            data-testid="rule-lab-comparator"
          />
          <NumberInput
            label={t('clinical.setup.rule.value')}
            value={rule.value}
            onChange={(v) => onChange({ ...rule, value: num(v) ?? 0 })}
            decimalScale={3}
            error={error('value')}
            data-testid="rule-lab-value"
          />
          <NativeSelect
            label={t('clinical.setup.rule.unit')}
            data={units.map((u) => ({ value: u, label: unitLabel(u) }))}
            value={rule.unit}
            onChange={(e) => onChange({ ...rule, unit: e.currentTarget.value })}
            error={error('unit')}
            data-testid="rule-lab-unit"
          />
        </Group>
      );
    }
    case 'prior_therapy':
      return (
        <Group gap="sm" align="flex-start" grow>
          <NativeSelect
            label={t('clinical.setup.rule.therapyMode')}
            data={[
              { value: 'must_not_have', label: t('clinical.setup.rule.mustNotHave') },
              { value: 'must_have', label: t('clinical.setup.rule.mustHave') },
            ]}
            value={rule.mode}
            onChange={(e) => onChange({ ...rule, mode: e.currentTarget.value as 'must_have' | 'must_not_have' })}
            error={error('mode')}
          />
          <TagsInput
            label={t('clinical.setup.rule.therapies')}
            description={t('clinical.setup.rule.therapiesHint')}
            data={THERAPIES.map((c) => ({ value: c, label: therapyLabel(c, t) }))}
            value={rule.therapies}
            onChange={(v) => onChange({ ...rule, therapies: v.map((x) => x.trim().toLowerCase().replace(/\s+/g, '_')) })}
            error={error('therapies')}
            data-testid="rule-therapies"
          />
        </Group>
      );
    case 'checklist':
      return <Text size="sm">{t('clinical.setup.rule.checklistHint')}</Text>;
    default:
      return null;
  }
}
