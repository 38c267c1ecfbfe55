/** One CAPA: what it answers, its actions (signed by their owners), its effectiveness checks (signed by QA), history. */
import { Anchor, Button, Card, Group, SegmentedControl, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../app/session';
import { DateTime } from '../../components/DateTime';
import { Field } from '../../components/Field';
import { SignDialog } from '../../components/SignDialog';
import { SignaturesList } from '../../components/SignaturesList';
import { CAPA_CHECK_MEANINGS } from '../../components/signatureMeanings';
import { QueryView } from '../../components/states';
import { RefusalAlert } from '../manufacturing/common/RefusalAlert';
import { useSignFlow } from '../manufacturing/common/useSignFlow';
import { CapaActions } from './CapaActions';
import { DateInput, DueDate, QualityBadge } from './common';
import { HistoryPanel } from './HistoryPanel';
import { useCapa, useCapaSteps } from './quality.api';
import type { CapaDetail } from './quality.types';

export function CapaDetailPage() {
  const { id = '' } = useParams();
  const query = useCapa(id);
  return <QueryView query={query}>{(c) => <Detail capa={c} />}</QueryView>;
}

function Detail({ capa }: { capa: CapaDetail }) {
  const { t } = useTranslation();
  const { can } = useSession();
  return (
    <Stack data-testid="capa-detail" data-status={capa.status}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Text ff="monospace" fw={700} c="dimmed">
            {capa.number}
          </Text>
          <Title order={2}>{capa.title}</Title>
        </div>
        <QualityBadge kind="capaStatus" value={capa.status} />
      </Group>
      <Card withBorder>
        <Stack>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{capa.description}</Text>
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <Field label={t('quality.capa.source')}>
              {t(`quality.capaSource.${capa.source}`)}{' '}
              {capa.deviationId ? (
                <Anchor component={Link} to={`/quality/deviations/${capa.deviationId}`} ff="monospace">
                  {capa.deviationNumber}
                </Anchor>
              ) : (
                capa.sourceReference
              )}
            </Field>
            <Field label={t('quality.capa.owner')} mono>
              {capa.owner}
            </Field>
            <Field label={t('quality.deviation.opened')}>
              <DateTime value={capa.openedAt} /> · {capa.openedBy}
            </Field>
            <Field label={t('quality.capa.effectivenessDue')}>
              {capa.status === 'closed' ? (
                <DateTime value={capa.closedAt} />
              ) : (
                <DueDate date={capa.effectivenessDueDate} overdue={capa.effectivenessOverdue} />
              )}
            </Field>
          </SimpleGrid>
          <Field label={t('quality.capa.criteria')}>{capa.effectivenessCriteria}</Field>
        </Stack>
      </Card>
      <CapaActions capa={capa} />
      <Checks capa={capa} />
      {can('quality:approve') && capa.status === 'effectiveness_check' && <EffectivenessPanel capa={capa} />}
      <HistoryPanel entityType="capa" entityId={capa.id} />
    </Stack>
  );
}

function Checks({ capa }: { capa: CapaDetail }) {
  const { t } = useTranslation();
  if (!capa.checks.length) return null;
  return (
    <Card withBorder data-testid="capa-checks">
      <Stack>
        <Title order={4}>{t('quality.capa.checks')}</Title>
        {capa.checks.map((c) => (
          <Stack key={c.id} gap={4}>
            <Group gap="xs">
              <QualityBadge kind="checkResult" value={c.result} />
              <Text size="sm">
                {c.checkedBy} · <DateTime value={c.checkedAt} />
              </Text>
            </Group>
            <Text size="sm">{c.evidence}</Text>
            <SignaturesList signatures={c.signatures} testId="check-signatures" />
          </Stack>
        ))}
      </Stack>
    </Card>
  );
}

function EffectivenessPanel({ capa }: { capa: CapaDetail }) {
  const { t } = useTranslation();
  const { check } = useCapaSteps(capa.id);
  const flow = useSignFlow();
  const [result, setResult] = useState<'effective' | 'not_effective'>('effective');
  const [evidence, setEvidence] = useState('');
  const [nextDueDate, setNextDueDate] = useState('');
  const ready = evidence.trim() && (result === 'effective' || nextDueDate);
  return (
    <Card withBorder data-testid="effectiveness-panel">
      <Stack>
        <Title order={4}>{t('quality.capa.checkTitle')}</Title>
        <RefusalAlert error={flow.refusal} testId="check-error" />
        <SegmentedControl
          value={result}
          onChange={(v) => setResult(v as typeof result)}
          data={[
            { value: 'effective', label: t('quality.checkResult.effective') },
            { value: 'not_effective', label: t('quality.checkResult.not_effective') },
          ]}
          w="fit-content"
          data-testid="check-result"
        />
        <Textarea
          label={t('quality.capa.evidence')}
          description={t('quality.capa.evidenceHint')}
          value={evidence}
          onChange={(e) => setEvidence(e.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={4000}
          data-testid="check-evidence"
        />
        {result === 'not_effective' && (
          <DateInput
            label={t('quality.capa.nextCheck')}
            value={nextDueDate}
            onChange={setNextDueDate}
            testId="check-next-due"
          />
        )}
        <Button onClick={flow.open} disabled={!ready} w="fit-content" data-testid="check-sign">
          {t('quality.capa.signCheck')}
        </Button>
        <SignDialog
          key={flow.dialogKey}
          opened={flow.opened}
          onClose={flow.close}
          record={t('quality.capa.checkRecord', { number: capa.number })}
          meanings={CAPA_CHECK_MEANINGS[result]}
          onSign={(signature) =>
            flow.sign(() =>
              check.mutateAsync({
                result,
                evidence: evidence.trim(),
                ...(result === 'not_effective' ? { nextDueDate } : {}),
                signature,
              }),
            )
          }
        />
      </Stack>
    </Card>
  );
}
