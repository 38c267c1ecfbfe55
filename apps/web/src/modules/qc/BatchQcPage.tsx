/**
 * One batch's QC file: where each test of its specification stands, every result ever entered (an
 * invalidated one stays, its retest linked beneath it), the second analyst's review, the samples with
 * their labels, and the OOS investigations the batch's results opened.
 */
import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../app/session';
import { DateTime } from '../../components/DateTime';
import { Field } from '../../components/Field';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SignDialog } from '../../components/SignDialog';
import { QC_REVIEW_MEANINGS } from '../../components/signatureMeanings';
import { QueryView } from '../../components/states';
import { useSignFlow } from '../manufacturing/common/useSignFlow';
import { DrawSampleModal } from './DrawSampleModal';
import { sampleLabelUrl, useBatchQc, useReviewResult } from './qc.api';
import type { BatchQc, QcResult, TestState } from './qc.types';
import { ResultEntryForm } from './ResultEntryForm';

const STATE_COLOR: Record<TestState, string> = {
  missing: 'gray',
  awaiting_review: 'blue',
  conforming: 'teal',
  non_conforming: 'red',
};

export function StateBadge({ state }: { state: TestState }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATE_COLOR[state]} variant="light" data-testid={`qc-state-${state}`}>
      {t(`qc.state.${state}`)}
    </Badge>
  );
}

function StatusTable({ qc }: { qc: BatchQc }) {
  const { t } = useTranslation();
  const criteria = new Map((qc.specification?.tests ?? []).map((x) => [x.code, x.criterion]));
  return (
    <Table data-testid="qc-status-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('qc.test')}</Table.Th>
          <Table.Th>{t('qc.criterion')}</Table.Th>
          <Table.Th>{t('qc.stateLabel')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {qc.status.tests.map((x) => (
          <Table.Tr key={x.code} data-testid={`qc-test-${x.code}`}>
            <Table.Td>
              <Text fw={600} ff="monospace" span>
                {x.code}
              </Text>{' '}
              {x.name}{' '}
              {x.lateResultAllowed && (
                <Badge variant="outline" size="xs">
                  {t('qc.late')}
                </Badge>
              )}
            </Table.Td>
            <Table.Td>{criteria.get(x.code)}</Table.Td>
            <Table.Td>
              <StateBadge state={x.state} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function ReviewButton({ qc, result }: { qc: BatchQc; result: QcResult }) {
  const { t } = useTranslation();
  const { me, can } = useSession();
  const review = useReviewResult(qc.batch.id);
  const flow = useSignFlow();
  if (result.status !== 'awaiting_review' || !can('qc:review')) return null;
  if (result.enteredBy === me.user.username)
    return (
      <Text size="xs" c="dimmed">
        {t('qc.review.secondAnalyst')}
      </Text>
    );
  return (
    <>
      <ProblemAlert error={flow.refusal} testId="qc-review-refusal" />
      <Button size="xs" onClick={flow.open} data-testid={`qc-review-${result.id}`}>
        {t('qc.review.action')}
      </Button>
      <SignDialog
        key={flow.dialogKey}
        opened={flow.opened}
        onClose={flow.close}
        record={t('qc.review.signRecord', {
          test: result.testName,
          value: String(result.value),
          analyst: result.enteredBy,
        })}
        meanings={QC_REVIEW_MEANINGS}
        onSign={(signature) => flow.sign(() => review.mutateAsync({ resultId: result.id, signature }))}
      />
    </>
  );
}

function ResultsTable({ qc }: { qc: BatchQc }) {
  const { t } = useTranslation();
  if (!qc.results.length) return <Text c="dimmed">{t('qc.results.none')}</Text>;
  return (
    <Table data-testid="qc-results-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('qc.test')}</Table.Th>
          <Table.Th>{t('qc.results.value')}</Table.Th>
          <Table.Th>{t('qc.results.status')}</Table.Th>
          <Table.Th>{t('qc.results.entered')}</Table.Th>
          <Table.Th>{t('qc.results.reviewed')}</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {qc.results.map((r) => (
          <Table.Tr
            key={r.id}
            data-testid={`qc-result-${r.id}`}
            style={r.status === 'invalidated' ? { textDecoration: 'line-through' } : undefined}
          >
            <Table.Td>
              {r.testCode}{' '}
              {r.retestOf && (
                <Badge size="xs" variant="outline">
                  {t('qc.results.retest')}
                </Badge>
              )}
              {r.sampleNumber && (
                <Text size="xs" c="dimmed">
                  {r.sampleNumber}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Group gap={4}>
                <Text span ff="monospace">
                  {String(r.value)}
                </Text>
                <Badge color={r.conforms ? 'teal' : 'red'} size="xs">
                  {r.reportOnly
                    ? t('qc.results.reportOnly')
                    : r.conforms
                      ? t('qc.results.conforms')
                      : t('qc.results.oos')}
                </Badge>
              </Group>
            </Table.Td>
            <Table.Td>{t(`qc.resultStatus.${r.status}`)}</Table.Td>
            <Table.Td>
              {r.enteredBy} · <DateTime value={r.enteredAt} withZone={false} />
            </Table.Td>
            <Table.Td>
              {r.reviewedBy ? (
                <>
                  {r.reviewedBy} · <DateTime value={r.reviewedAt} withZone={false} />
                </>
              ) : (
                '—'
              )}
            </Table.Td>
            <Table.Td>
              {r.oosInvestigationId && (
                <Anchor component={Link} to={`/qc/oos/${r.oosInvestigationId}`} size="sm" mr="xs">
                  {t('qc.results.investigation')}
                </Anchor>
              )}
              <ReviewButton qc={qc} result={r} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Samples({ qc }: { qc: BatchQc }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const [opened, setOpened] = useState(false);
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={4}>{t('qc.samples.title')}</Title>
        {can('qc:write') && qc.specification && (
          <Button size="xs" variant="default" onClick={() => setOpened(true)} data-testid="qc-draw-sample">
            {t('qc.samples.draw')}
          </Button>
        )}
      </Group>
      {qc.samples.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('qc.samples.none')}
        </Text>
      ) : (
        <Table data-testid="qc-samples-table">
          <Table.Tbody>
            {qc.samples.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td ff="monospace">{s.sampleNumber}</Table.Td>
                <Table.Td>
                  {s.name}
                  {s.stepIndex !== null && ` · ${t('qc.samples.step', { step: s.stepIndex })}`}
                </Table.Td>
                <Table.Td>{s.testCodes.join(', ')}</Table.Td>
                <Table.Td>
                  <DateTime value={s.takenAt} />
                </Table.Td>
                <Table.Td>
                  <Anchor href={sampleLabelUrl(s.id)} target="_blank" size="sm" data-testid={`qc-sample-label-${s.id}`}>
                    {t('qc.samples.label')}
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {qc.specification && <DrawSampleModal qc={qc} opened={opened} onClose={() => setOpened(false)} />}
    </Stack>
  );
}

export function BatchQcPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { can } = useSession();
  const query = useBatchQc(id);
  return (
    <Stack data-testid="batch-qc">
      <Anchor component={Link} to="/qc" size="sm">
        ← {t('qc.worklist.title')}
      </Anchor>
      <QueryView query={query}>
        {(qc) => (
          <Stack>
            <Title order={2}>{t('qc.batch.title', { batch: qc.batch.batchNumber })}</Title>
            <Card withBorder>
              <SimpleGrid cols={{ base: 1, sm: 4 }}>
                <Field label={t('qc.batch.product')}>{qc.batch.product}</Field>
                <Field label="DIN" mono testId="qc-batch-din">
                  {qc.batch.din ?? '—'}
                </Field>
                <Field label={t('qc.batch.specification')}>
                  {qc.specification ? (
                    <Anchor component={Link} to={`/qc/specifications/${qc.specification.id}`}>
                      v{qc.specification.version}
                    </Anchor>
                  ) : (
                    '—'
                  )}
                </Field>
                <Field label={t('qc.batch.summary')} testId="qc-batch-summary">
                  {qc.status.outOfSpecification.length
                    ? t('qc.batch.oos', { tests: qc.status.outOfSpecification.join(', ') })
                    : qc.status.complete
                      ? t('qc.batch.complete')
                      : t('qc.batch.incomplete')}
                </Field>
              </SimpleGrid>
            </Card>
            <StatusTable qc={qc} />
            {can('qc:write') && (
              <Card withBorder>
                <Title order={4} mb="sm">
                  {t('qc.entry.title')}
                </Title>
                <ResultEntryForm qc={qc} />
              </Card>
            )}
            <Title order={4}>{t('qc.results.title')}</Title>
            <ResultsTable qc={qc} />
            <Samples qc={qc} />
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}
