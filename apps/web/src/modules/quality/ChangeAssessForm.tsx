/** The impact assessment of a change: what it touches, whether validation is needed, its regulatory impact and risk. */
import { Button, Card, Group, NativeSelect, Stack, Switch, Textarea, TagsInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { bodyError, TextBlockInput } from './common';
import { useChangeSteps } from './quality.api';
import { REGULATORY_IMPACTS, type ChangeControl, type ChangeImpact, type RegulatoryImpact } from './quality.types';

const LISTS = ['documents', 'processes', 'specifications', 'equipment'] as const;

export function ChangeAssessForm({ change }: { change: ChangeControl }) {
  const { t } = useTranslation();
  const { assess } = useChangeSteps(change.id);
  const [impact, setImpact] = useState<ChangeImpact>(
    change.impact ?? {
      documents: [],
      processes: [],
      specifications: [],
      equipment: [],
      validationRequired: false,
      regulatoryImpact: 'none',
      risk: '',
    },
  );
  const err = (f: string) => bodyError(assess.error)(`impact.${f}`);
  const send = () =>
    assess.mutate({
      ...impact,
      validationNotes: impact.validationRequired ? impact.validationNotes?.trim() || undefined : undefined,
      regulatoryNotes: impact.regulatoryImpact !== 'none' ? impact.regulatoryNotes?.trim() || undefined : undefined,
      risk: impact.risk.trim(),
    });
  return (
    <Card withBorder data-testid="assess-panel">
      <Stack>
        <Title order={4}>{t('quality.change.assess')}</Title>
        <ProblemAlert error={assess.error} />
        {LISTS.map((key) => (
          <TagsInput
            key={key}
            label={t(`quality.change.affected.${key}`)}
            description={t('quality.change.tagsHint')}
            value={impact[key]}
            onChange={(v) => setImpact({ ...impact, [key]: v })}
            error={err(key)}
            data-testid={`affected-${key}`}
          />
        ))}
        <Switch
          label={t('quality.change.validationRequired')}
          checked={impact.validationRequired}
          onChange={(e) => setImpact({ ...impact, validationRequired: e.currentTarget.checked })}
          data-testid="validation-required"
        />
        {impact.validationRequired && (
          <Textarea
            label={t('quality.change.validationNotes')}
            value={impact.validationNotes ?? ''}
            onChange={(e) => setImpact({ ...impact, validationNotes: e.currentTarget.value })}
            required
            autosize
            maxLength={2000}
            error={err('validationNotes')}
            data-testid="validation-notes"
          />
        )}
        <Group align="flex-start" grow>
          <NativeSelect
            label={t('quality.change.regulatoryImpact')}
            data={REGULATORY_IMPACTS.map((r) => ({ value: r, label: t(`quality.regulatory.${r}`) }))}
            value={impact.regulatoryImpact}
            onChange={(e) => setImpact({ ...impact, regulatoryImpact: e.currentTarget.value as RegulatoryImpact })}
            data-testid="regulatory-impact"
          />
          {impact.regulatoryImpact !== 'none' && (
            <Textarea
              label={t('quality.change.regulatoryNotes')}
              value={impact.regulatoryNotes ?? ''}
              onChange={(e) => setImpact({ ...impact, regulatoryNotes: e.currentTarget.value })}
              required
              autosize
              maxLength={2000}
              error={err('regulatoryNotes')}
              data-testid="regulatory-notes"
            />
          )}
        </Group>
        <TextBlockInput
          label={t('quality.change.risk')}
          description={t('quality.change.riskHint')}
          value={impact.risk}
          onChange={(risk) => setImpact({ ...impact, risk })}
          minRows={2}
          error={err('risk')}
          testId="change-risk"
        />
        <Button
          onClick={send}
          loading={assess.isPending}
          disabled={!impact.risk.trim()}
          w="fit-content"
          data-testid="assess-submit"
        >
          {t('quality.change.assessSubmit')}
        </Button>
      </Stack>
    </Card>
  );
}
