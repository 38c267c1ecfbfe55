/** Batches with QC work to do: results missing, awaiting a second analyst's review, OOS open, late results due. */
import { Anchor, Badge, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateTime } from '../../components/DateTime';
import { PageHeader } from '../../components/PageHeader';
import { useWorklist } from './qc.api';
import type { WorklistItem } from './qc.types';
import { ListTable } from './ListOrEmpty';
import { QcNav } from './QcNav';

export function QcWorklistPage() {
  const { t } = useTranslation();
  const query = useWorklist();
  return (
    <Stack data-testid="qc-worklist">
      <PageHeader title={t('qc.worklist.title')} hint={t('qc.worklist.hint')} />
      <QcNav />
      <ListTable
        query={query}
        empty={t('qc.worklist.empty')}
        rowKey={(i) => i.batchId}
        rowTestId={(i) => `qc-worklist-${i.batchNumber}`}
        columns={[
          {
            heading: t('qc.worklist.batch'),
            cell: (i) => (
              <Anchor component={Link} to={`/qc/batches/${i.batchId}`} ff="monospace">
                {i.batchNumber}
              </Anchor>
            ),
          },
          { heading: t('qc.batch.product'), cell: (i) => i.product },
          { heading: 'DIN', cell: (i) => i.din ?? '—', monospace: true },
          { heading: t('qc.worklist.completed'), cell: (i) => <DateTime value={i.completedAt} /> },
          { heading: t('qc.worklist.todo'), cell: (i) => <WorkToDo item={i} /> },
        ]}
      />
    </Stack>
  );
}

/** What a batch still waits for in QC, one badge a kind of work. */
function WorkToDo({ item: i }: { item: WorklistItem }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      {i.missing > 0 && <Badge color="gray">{t('qc.worklist.missing', { count: i.missing })}</Badge>}
      {i.awaitingReview > 0 && (
        <Badge color="blue">{t('qc.worklist.awaitingReview', { count: i.awaitingReview })}</Badge>
      )}
      {i.openInvestigations > 0 && (
        <Badge color="red">{t('qc.worklist.openOos', { count: i.openInvestigations })}</Badge>
      )}
      {i.pendingLate > 0 && <Badge variant="outline">{t('qc.worklist.pendingLate', { count: i.pendingLate })}</Badge>}
    </Group>
  );
}
