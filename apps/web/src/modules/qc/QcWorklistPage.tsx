/** Batches with QC work to do: results missing, awaiting a second analyst's review, OOS open, late results due. */
import { Anchor, Badge, Group, Stack, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateTime } from '../../components/DateTime';
import { PageHeader } from '../../components/PageHeader';
import { useWorklist } from './qc.api';
import { ListOrEmpty } from './ListOrEmpty';
import { QcNav } from './QcNav';

export function QcWorklistPage() {
  const { t } = useTranslation();
  const query = useWorklist();
  return (
    <Stack data-testid="qc-worklist">
      <PageHeader title={t('qc.worklist.title')} hint={t('qc.worklist.hint')} />
      <QcNav />
      <ListOrEmpty query={query} empty={t('qc.worklist.empty')}>
        {(items) => (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('qc.worklist.batch')}</Table.Th>
                <Table.Th>{t('qc.batch.product')}</Table.Th>
                <Table.Th>DIN</Table.Th>
                <Table.Th>{t('qc.worklist.completed')}</Table.Th>
                <Table.Th>{t('qc.worklist.todo')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((i) => (
                <Table.Tr key={i.batchId} data-testid={`qc-worklist-${i.batchNumber}`}>
                  <Table.Td>
                    <Anchor component={Link} to={`/qc/batches/${i.batchId}`} ff="monospace">
                      {i.batchNumber}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{i.product}</Table.Td>
                  <Table.Td ff="monospace">{i.din ?? '—'}</Table.Td>
                  <Table.Td>
                    <DateTime value={i.completedAt} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {i.missing > 0 && <Badge color="gray">{t('qc.worklist.missing', { count: i.missing })}</Badge>}
                      {i.awaitingReview > 0 && (
                        <Badge color="blue">{t('qc.worklist.awaitingReview', { count: i.awaitingReview })}</Badge>
                      )}
                      {i.openInvestigations > 0 && (
                        <Badge color="red">{t('qc.worklist.openOos', { count: i.openInvestigations })}</Badge>
                      )}
                      {i.pendingLate > 0 && (
                        <Badge variant="outline">{t('qc.worklist.pendingLate', { count: i.pendingLate })}</Badge>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </ListOrEmpty>
    </Stack>
  );
}
