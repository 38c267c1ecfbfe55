/**
 * OOS investigations: the list, and one investigation with its phases. Phase I (QC, laboratory) concludes
 * an assignable laboratory error (the result is invalidated and retested) or a confirmed OOS; phase II (QA,
 * full investigation) records root cause and conclusion. Each conclusion is signed.
 */
import {
  Anchor,
  Badge,
  Button,
  Card,
  Radio,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../app/session';
import { DateTime } from '../../components/DateTime';
import { Field } from '../../components/Field';
import { PageHeader } from '../../components/PageHeader';
import { SignaturesList } from '../../components/SignaturesList';
import { OOS_PHASE1_MEANINGS, OOS_PHASE2_MEANINGS } from '../../components/signatureMeanings';
import { QueryView } from '../../components/states';
import { useInvestigation, useInvestigations, usePhase1, usePhase2 } from './qc.api';
import type { OosInvestigation, OosStatus } from './qc.types';
import { ListTable } from './ListOrEmpty';
import { QcNav } from './QcNav';
import { SignedStep } from './SignedStep';

export function OosListPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<OosStatus | ''>('');
  const query = useInvestigations(status);
  return (
    <Stack data-testid="oos-list">
      <PageHeader title={t('qc.oos.title')} hint={t('qc.oos.hint')} />
      <QcNav />
      <SegmentedControl
        value={status}
        onChange={(v) => setStatus(v as OosStatus | '')}
        data={[
          { value: '', label: t('qc.oos.all') },
          ...(['phase_1', 'phase_2', 'closed'] as const).map((s) => ({ value: s, label: t(`qc.oos.status.${s}`) })),
        ]}
      />
      <ListTable
        query={query}
        empty={t('qc.oos.empty')}
        rowKey={(o) => o.id}
        columns={[
          {
            cell: (o) => (
              <Anchor component={Link} to={`/qc/oos/${o.id}`} ff="monospace">
                {o.number}
              </Anchor>
            ),
          },
          { cell: (o) => o.batchNumber, monospace: true },
          { cell: (o) => `${o.testCode} = ${String(o.value)}` },
          { cell: (o) => <Badge variant="light">{t(`qc.oos.status.${o.status}`)}</Badge> },
          { cell: (o) => <DateTime value={o.openedAt} /> },
        ]}
      />
    </Stack>
  );
}

/** A required text of several lines that grows as it is written. */
function LongText({
  label,
  description,
  value,
  onChange,
  minRows,
  testId,
}: {
  label: string;
  description?: string;
  value: string;
  onChange: (v: string) => void;
  minRows: number;
  testId: string;
}) {
  return (
    <Textarea
      label={label}
      description={description}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      autosize
      minRows={minRows}
      required
      data-testid={testId}
    />
  );
}

function Phase1Form({ oos }: { oos: OosInvestigation }) {
  const { t } = useTranslation();
  const [conclusion, setConclusion] = useState<'assignable_lab_error' | 'confirmed' | ''>('');
  const [findings, setFindings] = useState('');
  const phase1 = usePhase1(oos.id);
  return (
    <SignedStep
      testId="oos-phase1-form"
      refusalTestId="oos-phase1-refusal"
      record={t('qc.oos.signRecord', { number: oos.number, phase: 'I' })}
      meanings={OOS_PHASE1_MEANINGS}
      onSign={(signature) =>
        phase1.mutateAsync({ conclusion: conclusion as 'confirmed', findings: findings.trim(), signature })
      }
    >
      {(openSign) => (
        <>
          <Radio.Group
            label={t('qc.oos.phase1.conclusion')}
            value={conclusion}
            onChange={(v) => setConclusion(v as typeof conclusion)}
            required
          >
            <Stack gap="xs" mt="xs">
              <Radio
                value="assignable_lab_error"
                label={t('qc.oos.phase1.assignable_lab_error')}
                data-testid="oos-lab-error"
              />
              <Radio value="confirmed" label={t('qc.oos.phase1.confirmed')} data-testid="oos-confirmed" />
            </Stack>
          </Radio.Group>
          <LongText
            label={t('qc.oos.phase1.findings')}
            description={t('qc.oos.phase1.findingsHint')}
            value={findings}
            onChange={setFindings}
            minRows={3}
            testId="oos-findings"
          />
          <Button disabled={!conclusion || !findings.trim()} onClick={openSign} data-testid="oos-phase1-sign">
            {t('qc.oos.phase1.sign')}
          </Button>
        </>
      )}
    </SignedStep>
  );
}

function Phase2Form({ oos }: { oos: OosInvestigation }) {
  const { t } = useTranslation();
  const [rootCause, setRootCause] = useState('');
  const [conclusion, setConclusion] = useState('');
  const phase2 = usePhase2(oos.id);
  return (
    <SignedStep
      testId="oos-phase2-form"
      refusalTestId="oos-phase2-refusal"
      record={t('qc.oos.signRecord', { number: oos.number, phase: 'II' })}
      meanings={OOS_PHASE2_MEANINGS}
      onSign={(signature) =>
        phase2.mutateAsync({ rootCause: rootCause.trim(), conclusion: conclusion.trim(), signature })
      }
    >
      {(openSign) => (
        <>
          <LongText
            label={t('qc.oos.phase2.rootCause')}
            value={rootCause}
            onChange={setRootCause}
            minRows={3}
            testId="oos-root-cause"
          />
          <LongText
            label={t('qc.oos.phase2.conclusion')}
            value={conclusion}
            onChange={setConclusion}
            minRows={2}
            testId="oos-conclusion"
          />
          <Button disabled={!rootCause.trim() || !conclusion.trim()} onClick={openSign} data-testid="oos-phase2-sign">
            {t('qc.oos.phase2.sign')}
          </Button>
        </>
      )}
    </SignedStep>
  );
}

export function OosDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { can } = useSession();
  const query = useInvestigation(id);
  return (
    <Stack data-testid="oos-detail">
      <Anchor component={Link} to="/qc/oos" size="sm">
        ← {t('qc.oos.title')}
      </Anchor>
      <QueryView query={query}>
        {(oos) => (
          <Stack>
            <Title order={2}>{oos.number}</Title>
            <Card withBorder>
              <SimpleGrid cols={{ base: 1, sm: 4 }}>
                <Field label={t('qc.worklist.batch')}>
                  <Anchor component={Link} to={`/qc/batches/${oos.batchId}`}>
                    {oos.batchNumber}
                  </Anchor>
                </Field>
                <Field label={t('qc.test')}>
                  {oos.testCode} = {String(oos.value)}
                </Field>
                <Field label={t('qc.stateLabel')} testId="oos-status">
                  {t(`qc.oos.status.${oos.status}`)}
                </Field>
                <Field label={t('qc.oos.outcome')}>{oos.outcome ? t(`qc.oos.outcomes.${oos.outcome}`) : '—'}</Field>
              </SimpleGrid>
            </Card>
            <Title order={4}>{t('qc.oos.phase1.title')}</Title>
            {oos.phase1 ? (
              <Card withBorder>
                <Text fw={600}>{t(`qc.oos.phase1.${oos.phase1.conclusion}`)}</Text>
                <Text style={{ whiteSpace: 'pre-wrap' }}>{oos.phase1.findings}</Text>
                <SignaturesList signatures={oos.phase1.signatures} />
              </Card>
            ) : can('qc:write') ? (
              <Phase1Form oos={oos} />
            ) : (
              <Text c="dimmed">{t('qc.oos.phase1.pending')}</Text>
            )}
            {(oos.phase2 || oos.status === 'phase_2') && <Title order={4}>{t('qc.oos.phase2.title')}</Title>}
            {oos.phase2 ? (
              <Card withBorder>
                <Field label={t('qc.oos.phase2.rootCause')}>{oos.phase2.rootCause}</Field>
                <Field label={t('qc.oos.phase2.conclusion')}>{oos.phase2.conclusion}</Field>
                <SignaturesList signatures={oos.phase2.signatures} />
              </Card>
            ) : oos.status === 'phase_2' && can('oos:conclude') ? (
              <Phase2Form oos={oos} />
            ) : oos.status === 'phase_2' ? (
              <Text c="dimmed">{t('qc.oos.phase2.pending')}</Text>
            ) : null}
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}
