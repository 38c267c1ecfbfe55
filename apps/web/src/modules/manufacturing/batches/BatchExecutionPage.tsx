/**
 * The executed batch record at the tablet: the batch header, the completed steps in short, the current
 * step (one at a time, batches:execute), the steps still to come, the batch's deviations and the record PDF;
 * QA's abort of a batch in progress (BatchAbort.tsx).
 */
import { Accordion, Alert, Anchor, Button, Card, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../../app/session';
import { DateTime } from '../../../components/DateTime';
import { Field } from '../../../components/Field';
import { EmptyHint, QueryView } from '../../../components/states';
import { StatusBadge } from '../common/badges';
import type { Batch } from '../batches.types';
import { DeviationsTable } from '../../quality/DeviationsTable';
import { useProcess } from '../processes/processes.api';
import { recordPdfUrl, useBatch } from './batches.api';
import { BatchAbortAction, BatchAbortedNotice } from './BatchAbort';
import { StepRunner } from './StepRunner';
import { StepSummary } from './StepSummary';
import { runnableStep } from './stepLogic';

function Header({ batch }: { batch: Batch }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="sm">
            <Title order={1} ff="monospace" data-testid="batch-number">
              {batch.batchNumber}
            </Title>
            <StatusBadge kind="batchStatus" value={batch.status} size="xl" testId="batch-status" />
          </Group>
          <Text size="lg">
            {batch.processCode} v{batch.processVersion} · {batch.processName ?? batch.product}
            {batch.processName ? ` · ${batch.product}` : ''}
          </Text>
        </div>
        <Group align="flex-start">
          <BatchAbortAction batch={batch} />
          <Button
            component="a"
            href={recordPdfUrl(batch.id)}
            download={`batch-record-${batch.batchNumber}.pdf`}
            variant="default"
            size="lg"
            data-testid="batch-record-pdf"
          >
            {t('mfg.batch.recordPdf')}
          </Button>
        </Group>
      </Group>
      <Card withBorder>
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <Field label={t('mfg.batch.room')} mono>
            <Anchor component={Link} to={`/manufacturing/rooms/${batch.roomId}`}>
              {batch.roomCode}
            </Anchor>
          </Field>
          <Field label={t('mfg.batch.subject')} mono testId="batch-subject">
            {batch.subjectCode ?? '—'}
          </Field>
          <Field label={t('mfg.batch.coi')} mono>
            {batch.coi ?? '—'}
          </Field>
          {batch.din && (
            <Field label={t('mfg.batch.din')} mono testId="batch-din">
              {batch.din}
            </Field>
          )}
          <Field label={t('mfg.batch.startedAt')}>
            <DateTime value={batch.startedAt} />
          </Field>
        </SimpleGrid>
      </Card>
    </Stack>
  );
}

function OutputLots({ batch }: { batch: Batch }) {
  const { t } = useTranslation();
  if (!batch.outputLots?.length) return null;
  return (
    <Group gap="xs" data-testid="batch-output-lots">
      <Text fw={600}>{t('mfg.batch.outputLots')}</Text>
      {batch.outputLots.map((l) => (
        <Anchor key={l.id} component={Link} to={`/manufacturing/lots/${l.id}`} ff="monospace">
          {l.materialCode} · {l.lotNumber} ({l.quantity} {l.unit},{' '}
          {t(`mfg.lotStatus.${l.status}`, { defaultValue: l.status })})
        </Anchor>
      ))}
    </Group>
  );
}

function Execution({ batch }: { batch: Batch }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const process = useProcess(batch.processId);
  const steps = [...batch.steps].sort((a, b) => a.index - b.index);
  const done = steps.filter((s) => s.status === 'completed');
  const position = steps.findIndex((s) => s.status !== 'completed');
  const current = position >= 0 ? steps[position] : undefined;
  const total = steps.length;
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Text fw={600}>{t('mfg.run.progress', { done: done.length, total })}</Text>
        <Progress value={total ? (done.length / total) * 100 : 0} size="xl" radius="xl" data-testid="batch-progress" />
      </Stack>
      {done.length > 0 && (
        <Accordion variant="separated" multiple data-testid="steps-done">
          {steps.map((s, i) =>
            s.status === 'completed' ? <StepSummary key={s.index} step={s} number={i + 1} /> : null,
          )}
        </Accordion>
      )}
      <BatchAbortedNotice batch={batch} />
      {batch.status === 'completed' && (
        <Alert color="teal" variant="filled" title={t('mfg.run.batchCompleted')} data-testid="batch-completed">
          <Text>
            {t('mfg.run.batchCompletedText')} <DateTime value={batch.completedAt} />
          </Text>
        </Alert>
      )}
      <OutputLots batch={batch} />
      {current &&
        batch.status === 'in_progress' &&
        (process.isPending ? (
          <Text c="dimmed">{t('common.loading')}</Text>
        ) : can('batches:execute') ? (
          <StepRunner
            key={current.index}
            batch={batch}
            step={runnableStep(current, position, process.data)}
            total={total}
          />
        ) : (
          <Alert color="blue" variant="light" data-testid="batch-read-only">
            {t('mfg.run.readOnly', { n: position + 1, title: current.title })}
          </Alert>
        ))}
      {current && position + 1 < total && (
        <Stack gap={4} data-testid="steps-upcoming">
          <Text fw={600} c="dimmed">
            {t('mfg.run.upcoming')}
          </Text>
          {steps.slice(position + 1).map((s, i) => (
            <Text key={s.index} c="dimmed" size="lg">
              {t('mfg.process.stepNumber', { n: position + i + 2 })} · {s.title}
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

export function BatchExecutionPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useBatch(id);
  return (
    <Stack data-testid="batch-execution" maw={1200}>
      <Anchor component={Link} to="/manufacturing/batches" size="sm">
        ← {t('mfg.batch.pageTitle')}
      </Anchor>
      <QueryView query={query}>
        {(batch) => (
          <Stack gap="xl">
            <Header batch={batch} />
            <Execution batch={batch} />
            <Stack gap="sm">
              <Title order={3}>{t('mfg.batch.deviations')}</Title>
              {batch.deviations.length > 0 ? (
                <DeviationsTable
                  variant="batch"
                  items={batch.deviations}
                  refs={{
                    batchNumber: (b) => (b === batch.id ? batch.batchNumber : undefined),
                    roomCode: (r) => (r === batch.roomId ? batch.roomCode : undefined),
                  }}
                />
              ) : (
                <EmptyHint title={t('mfg.batch.noDeviations')} testId="batch-deviations-empty" />
              )}
            </Stack>
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}
