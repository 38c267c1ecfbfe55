/**
 * Review and release of one batch: its identity, the checklist of blockers, the QA review, the QP's
 * decision and its history; the batch record's audit trail (every change and signature); the CoA.
 */
import { Anchor, Card, Group, SimpleGrid, Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../app/session';
import { Field } from '../../components/Field';
import { QueryView } from '../../components/states';
import { recordPdfUrl } from '../manufacturing/batches/batches.api';
import { StatusBadge } from '../manufacturing/common/badges';
import { AuditTrailPanel } from './AuditTrailPanel';
import { CoaPanel } from './CoaPanel';
import { DecisionHistory } from './DecisionHistory';
import { DecisionPanel } from './DecisionPanel';
import { ReleaseChecklist } from './ReleaseChecklist';
import { ReviewPanel } from './ReviewPanel';
import { useReleaseCheck } from './release.api';
import type { ReleaseCheck } from './release.types';

const DECIDABLE = new Set(['completed', 'conditionally_released']);

function Identity({ check }: { check: ReleaseCheck }) {
  const { t } = useTranslation();
  return (
    <Card withBorder>
      <SimpleGrid cols={{ base: 1, sm: 4 }}>
        <Field label={t('release.batch.product')}>{check.product}</Field>
        <Field label={t('release.batch.din')} testId="release-din">
          {check.din ?? '—'}
        </Field>
        <Field label={t('release.batch.coi')}>{check.coi ?? '—'}</Field>
        <Field label={t('release.batch.subject')}>{check.subjectCode ?? '—'}</Field>
      </SimpleGrid>
    </Card>
  );
}

export function BatchReleasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { can } = useSession();
  const query = useReleaseCheck(id);
  return (
    <Stack data-testid="batch-release-page">
      <Anchor component={Link} to="/release" size="sm">
        ← {t('release.queue.title')}
      </Anchor>
      <QueryView query={query}>
        {(check) => (
          <Stack>
            <Group gap="sm">
              <Title order={2} ff="monospace" data-testid="release-batch-number">
                {check.batchNumber}
              </Title>
              <StatusBadge kind="batchStatus" value={check.status} size="lg" testId="release-batch-status" />
              <Anchor href={recordPdfUrl(check.batchId)} target="_blank" size="sm">
                {t('release.batch.recordPdf')}
              </Anchor>
              <Anchor component={Link} to={`/manufacturing/batches/${check.batchId}`} size="sm">
                {t('release.batch.open')}
              </Anchor>
            </Group>
            <Identity check={check} />
            <Tabs defaultValue="release" keepMounted={false}>
              <Tabs.List>
                <Tabs.Tab value="release" data-testid="tab-release">
                  {t('release.tabs.release')}
                </Tabs.Tab>
                <Tabs.Tab value="trail" data-testid="tab-trail">
                  {t('release.tabs.trail')}
                </Tabs.Tab>
                <Tabs.Tab value="coa" data-testid="tab-coa">
                  {t('release.tabs.coa')}
                </Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="release" pt="md">
                <Stack>
                  <ReleaseChecklist check={check} />
                  <ReviewPanel check={check} />
                  {can('batches:release') && DECIDABLE.has(check.status) && <DecisionPanel check={check} />}
                  <DecisionHistory check={check} />
                </Stack>
              </Tabs.Panel>
              <Tabs.Panel value="trail" pt="md">
                <AuditTrailPanel batchId={check.batchId} />
              </Tabs.Panel>
              <Tabs.Panel value="coa" pt="md">
                <CoaPanel check={check} />
              </Tabs.Panel>
            </Tabs>
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}
