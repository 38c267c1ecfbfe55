/** The batches a deviation may have affected, the assessed impact on each, and batches the investigation adds. */
import { Anchor, Button, Card, Group, Modal, NativeSelect, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../app/session';
import { FormActions } from '../../components/FormActions';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ReasonField } from '../../components/ReasonField';
import { useBatches } from '../manufacturing/batches/batches.api';
import { bodyError, QualityBadge } from './common';
import { useDeviationSteps } from './quality.api';
import { BATCH_IMPACTS, type AffectedBatch, type DeviationDetail } from './quality.types';

export function ImpactPanel({ d, editable }: { d: DeviationDetail; editable: boolean }) {
  const { t } = useTranslation();
  const [assessing, setAssessing] = useState<AffectedBatch | null>(null);
  return (
    <Card withBorder data-testid="impact-panel">
      <Stack>
        <Title order={4}>{t('quality.deviation.impact')}</Title>
        {d.batches.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('quality.deviation.noBatches')}
          </Text>
        ) : (
          <Table data-testid="impact-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('quality.deviation.batch')}</Table.Th>
                <Table.Th>{t('quality.deviation.impactValue')}</Table.Th>
                <Table.Th>{t('quality.deviation.rationale')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.batches.map((b) => (
                <Table.Tr key={b.id} data-testid="impact-row" data-batch={b.batchNumber}>
                  <Table.Td>
                    <Anchor component={Link} to={`/manufacturing/batches/${b.id}`} ff="monospace" size="sm">
                      {b.batchNumber}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {b.impact ? (
                      <QualityBadge kind="impact" value={b.impact} />
                    ) : (
                      <Text size="sm" c="orange">
                        {t('quality.deviation.notAssessed')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{b.impactRationale ?? '—'}</Text>
                    {b.assessedBy && (
                      <Text size="xs" c="dimmed" ff="monospace">
                        {b.assessedBy}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {editable && (
                      <Button
                        size="compact-sm"
                        variant="light"
                        onClick={() => setAssessing(b)}
                        data-testid="impact-assess"
                      >
                        {b.impact ? t('quality.deviation.reassess') : t('quality.deviation.assess')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {editable && <AddBatch d={d} />}
      </Stack>
      {assessing && <AssessModal d={d} batch={assessing} onClose={() => setAssessing(null)} />}
    </Card>
  );
}

function AssessModal({ d, batch, onClose }: { d: DeviationDetail; batch: AffectedBatch; onClose: () => void }) {
  const { t } = useTranslation();
  const { assess } = useDeviationSteps(d.id);
  const [impact, setImpact] = useState<string>(batch.impact ?? '');
  const [rationale, setRationale] = useState(batch.impactRationale ?? '');
  const [reason, setReason] = useState('');
  const err = bodyError(assess.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    assess.mutate(
      {
        batchId: batch.id,
        impact: impact as AffectedBatch['impact'] & string,
        rationale: rationale.trim(),
        ...(batch.impact ? { reason: reason.trim() } : {}),
      },
      { onSuccess: onClose },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('quality.deviation.assessTitle', { batch: batch.batchNumber })}>
      <Stack component="form" onSubmit={submit} data-testid="impact-form">
        <ProblemAlert error={assess.error} />
        <NativeSelect
          label={t('quality.deviation.impactValue')}
          data={[
            { value: '', label: t('quality.choose') },
            ...BATCH_IMPACTS.map((i) => ({ value: i, label: t(`quality.impact.${i}`) })),
          ]}
          value={impact}
          onChange={(e) => setImpact(e.currentTarget.value)}
          required
          error={err('impact')}
          data-testid="impact-value"
        />
        <Textarea
          label={t('quality.deviation.rationale')}
          value={rationale}
          onChange={(e) => setRationale(e.currentTarget.value)}
          required
          autosize
          minRows={2}
          maxLength={2000}
          error={err('rationale')}
          data-testid="impact-rationale"
        />
        {batch.impact && (
          <ReasonField value={reason} onChange={setReason} error={assess.error} testId="impact-reason" />
        )}
        <FormActions
          onCancel={onClose}
          submitLabel={t('quality.save')}
          loading={assess.isPending}
          testId="impact-submit"
        />
      </Stack>
    </Modal>
  );
}

function AddBatch({ d }: { d: DeviationDetail }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const { addBatch } = useDeviationSteps(d.id);
  const batches = useBatches({}, can('batches:read'));
  const [batchId, setBatchId] = useState('');
  const [reason, setReason] = useState('');
  if (!can('batches:read')) return null;
  const linked = new Set(d.batches.map((b) => b.id));
  const options = (batches.data?.items ?? []).filter((b) => !linked.has(b.id));
  return (
    <Stack gap="xs" data-testid="add-batch">
      <ProblemAlert error={addBatch.error} />
      <Group align="flex-end">
        <NativeSelect
          label={t('quality.deviation.addBatch')}
          data={[
            { value: '', label: t('quality.choose') },
            ...options.map((b) => ({ value: b.id, label: b.batchNumber })),
          ]}
          value={batchId}
          onChange={(e) => setBatchId(e.currentTarget.value)}
          data-testid="add-batch-select"
        />
      </Group>
      {batchId && <ReasonField value={reason} onChange={setReason} error={addBatch.error} testId="add-batch-reason" />}
      {batchId && (
        <Button
          w="fit-content"
          variant="light"
          disabled={!reason.trim()}
          loading={addBatch.isPending}
          onClick={() =>
            addBatch.mutate(
              { batchId, reason: reason.trim() },
              {
                onSuccess: () => {
                  setBatchId('');
                  setReason('');
                },
              },
            )
          }
          data-testid="add-batch-submit"
        >
          {t('quality.deviation.addBatchSubmit')}
        </Button>
      )}
    </Stack>
  );
}
