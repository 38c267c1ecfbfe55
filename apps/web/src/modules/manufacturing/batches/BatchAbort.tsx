/**
 * QA's abort of a batch in progress (batches:abort): the reason first, in a modal that says what aborting
 * does, then the electronic signature "Batch aborted". A refusal other than a wrong password (the batch
 * is no longer in progress, the account is locked) is shown under the button. Once aborted, the page shows
 * the batch as ended, with the deviation the abort opened.
 */
import { Alert, Button, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/session';
import { DateTime } from '../../../components/DateTime';
import { FormActions } from '../../../components/FormActions';
import { SignDialog } from '../../../components/SignDialog';
import { BATCH_ABORT_MEANINGS } from '../../../components/signatureMeanings';
import { RefusalAlert } from '../common/RefusalAlert';
import { useSignFlow } from '../common/useSignFlow';
import type { Batch } from '../batches.types';
import { useAbortBatch } from './batches.api';

function ReasonModal({
  batch,
  onClose,
  onContinue,
}: {
  batch: Batch;
  onClose: () => void;
  onContinue: (reason: string) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim()) onContinue(reason.trim());
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('batchAbort.title', { batchNumber: batch.batchNumber })}
      centered
      size="lg"
    >
      <Stack component="form" onSubmit={submit} data-testid="abort-form">
        <Alert color="red" variant="light" data-testid="abort-consequences">
          {t('batchAbort.consequences', { room: batch.roomCode })}
        </Alert>
        <Textarea
          label={t('batchAbort.reason')}
          description={t('batchAbort.reasonHint')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          required
          rows={3}
          maxLength={500}
          data-autofocus
          data-testid="abort-reason"
        />
        <FormActions
          onCancel={onClose}
          submitLabel={t('batchAbort.continue')}
          loading={false}
          disabled={!reason.trim()}
          color="red"
          testId="abort-continue"
        />
      </Stack>
    </Modal>
  );
}

/** The "Abort batch" action: shown to holders of batches:abort while the batch is in progress. */
export function BatchAbortAction({ batch }: { batch: Batch }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const abort = useAbortBatch(batch.id);
  const flow = useSignFlow();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  if (!can('batches:abort') || batch.status !== 'in_progress') return null;
  return (
    <Stack gap="xs" align="flex-end">
      <Button color="red" variant="outline" size="lg" onClick={() => setAsking(true)} data-testid="batch-abort">
        {t('batchAbort.action')}
      </Button>
      <RefusalAlert error={flow.refusal} testId="abort-error" />
      {asking && (
        <ReasonModal
          batch={batch}
          onClose={() => setAsking(false)}
          onContinue={(r) => {
            setReason(r);
            setAsking(false);
            flow.open();
          }}
        />
      )}
      <SignDialog
        key={flow.dialogKey}
        opened={flow.opened}
        onClose={flow.close}
        record={t('batchAbort.signRecord', { batchNumber: batch.batchNumber, reason })}
        meanings={BATCH_ABORT_MEANINGS}
        onSign={(signature) => flow.sign(() => abort.mutateAsync({ reason, signature }))}
      />
    </Stack>
  );
}

/** What an aborted batch shows in place of the step runner. */
export function BatchAbortedNotice({ batch }: { batch: Batch }) {
  const { t } = useTranslation();
  if (batch.status !== 'aborted') return null;
  return (
    <Alert color="red" variant="filled" title={t('batchAbort.abortedTitle')} data-testid="batch-aborted">
      <Text>
        {t('batchAbort.abortedText')} <DateTime value={batch.completedAt} />
      </Text>
    </Alert>
  );
}
