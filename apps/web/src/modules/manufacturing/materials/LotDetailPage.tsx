/**
 * One lot: material, status, expiry, quantities, QA disposition (release or reject with an electronic
 * signature, lots:disposition, only from quarantine), its signatures and its genealogy (forward/backward).
 */
import { Alert, Anchor, Button, Card, Group, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../../app/session';
import { DateTime } from '../../../components/DateTime';
import { Field } from '../../../components/Field';
import { ReasonField } from '../../../components/ReasonField';
import { SignDialog } from '../../../components/SignDialog';
import { SignaturesList } from '../../../components/SignaturesList';
import { LOT_REJECT_MEANINGS, LOT_RELEASE_MEANINGS } from '../../../components/signatureMeanings';
import { QueryView } from '../../../components/states';
import { StatusBadge } from '../common/badges';
import { DueDate } from '../common/dates';
import { RefusalAlert } from '../common/RefusalAlert';
import { useSignFlow } from '../common/useSignFlow';
import type { DispositionDecision, Lot } from '../materials.types';
import { GenealogyPanel } from './GenealogyTree';
import { UsableBadge } from './LotsTable';
import { useDisposition, useLot } from './materials.api';

function DispositionPanel({ lot }: { lot: Lot }) {
  const { t } = useTranslation();
  const disposition = useDisposition(lot.id);
  const flow = useSignFlow();
  const [decision, setDecision] = useState<DispositionDecision>('release');
  const [reason, setReason] = useState('');
  const start = (d: DispositionDecision) => {
    setDecision(d);
    flow.open();
  };
  return (
    <Card withBorder data-testid="disposition-panel">
      <Stack>
        <Title order={4}>{t('mfg.lot.disposition')}</Title>
        <Text size="sm" c="dimmed">
          {t('mfg.lot.dispositionHint')}
        </Text>
        <RefusalAlert error={flow.refusal} testId="disposition-error" />
        <ReasonField value={reason} onChange={setReason} required={false} testId="disposition-reason" />
        <Group>
          <Button color="teal" size="md" onClick={() => start('release')} data-testid="lot-release">
            {t('mfg.lot.release')}
          </Button>
          <Button
            color="red"
            size="md"
            variant="outline"
            onClick={() => start('reject')}
            disabled={!reason.trim()}
            title={reason.trim() ? undefined : t('mfg.lot.rejectNeedsReason')}
            data-testid="lot-reject"
          >
            {t('mfg.lot.reject')}
          </Button>
        </Group>
        <SignDialog
          key={flow.dialogKey}
          opened={flow.opened}
          onClose={flow.close}
          record={t(`mfg.lot.signRecord.${decision}`, { lot: lot.lotNumber, material: lot.materialCode })}
          meanings={decision === 'release' ? LOT_RELEASE_MEANINGS : LOT_REJECT_MEANINGS}
          onSign={(signature) =>
            flow.sign(() =>
              disposition.mutateAsync({ decision, signature, ...(reason.trim() ? { reason: reason.trim() } : {}) }),
            )
          }
        />
      </Stack>
    </Card>
  );
}

function LotCard({ lot }: { lot: Lot }) {
  const { t } = useTranslation();
  return (
    <Card withBorder>
      <SimpleGrid cols={{ base: 1, sm: 4 }}>
        <Field label={t('mfg.material.title')}>
          <Anchor component={Link} to={`/manufacturing/materials/${lot.materialId}`} ff="monospace">
            {lot.materialCode}
          </Anchor>{' '}
          · {lot.materialName}
        </Field>
        <Field label={t('mfg.material.kind')}>{t(`mfg.materialKind.${lot.kind}`, { defaultValue: lot.kind })}</Field>
        <Field label={t('mfg.lot.expiresAt')}>
          <DueDate value={lot.expiresAt} testId="lot-expires-value" size="md" />
        </Field>
        <Field label={t('mfg.lot.onHand')} testId="lot-on-hand">
          {t('mfg.lot.quantityOf', { onHand: lot.quantityOnHand, received: lot.quantityReceived, unit: lot.unit })}
        </Field>
        <Field label={t('mfg.lot.receivedAt')}>
          <DateTime value={lot.receivedAt} />
        </Field>
        {lot.producedByBatchId && (
          <Field label={t('mfg.lot.producedBy')}>
            <Anchor component={Link} to={`/manufacturing/batches/${lot.producedByBatchId}`}>
              {t('mfg.lot.producedByLink')}
            </Anchor>
          </Field>
        )}
      </SimpleGrid>
    </Card>
  );
}

export function LotDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { can } = useSession();
  const query = useLot(id);
  return (
    <Stack data-testid="lot-detail">
      <Anchor component={Link} to="/manufacturing/materials?tab=lots" size="sm">
        ← {t('mfg.lot.list')}
      </Anchor>
      <QueryView query={query}>
        {(lot) => (
          <Stack>
            <Group gap="sm" align="center">
              <Title order={2} ff="monospace" data-testid="lot-number-value">
                {lot.lotNumber}
              </Title>
              <StatusBadge kind="lotStatus" value={lot.status} size="lg" testId="lot-status" />
              <UsableBadge lot={lot} />
            </Group>
            <LotCard lot={lot} />
            {lot.status === 'quarantine' &&
              (can('lots:disposition') ? (
                <DispositionPanel lot={lot} />
              ) : (
                <Alert color="yellow" variant="light" data-testid="lot-awaiting-qa">
                  {t('mfg.lot.awaitingQa')}
                </Alert>
              ))}
            <Tabs defaultValue={can('batches:read') ? 'genealogy' : 'signatures'} keepMounted={false}>
              <Tabs.List>
                {can('batches:read') && <Tabs.Tab value="genealogy">{t('mfg.trace.title')}</Tabs.Tab>}
                <Tabs.Tab value="signatures">{t('signatures.title')}</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="genealogy" pt="md">
                <GenealogyPanel lotId={lot.id} />
              </Tabs.Panel>
              <Tabs.Panel value="signatures" pt="md">
                <SignaturesList signatures={lot.signatures ?? []} testId="lot-signatures" />
              </Tabs.Panel>
            </Tabs>
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}
