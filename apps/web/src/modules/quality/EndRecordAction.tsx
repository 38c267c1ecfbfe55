/**
 * Ending a quality record without its work: a deviation cancelled as opened in error, a change withdrawn.
 * Nothing is deleted. The reason comes first, in a modal that says what ending does, then the electronic
 * signature (as a batch abort). A refusal other than a wrong password (an automatic deviation, an open
 * CAPA, a reason too short) is shown under the button; the reason is kept, so reopening shows it with its
 * error. Once ended, the record shows a banner with who, when (site time zone) and why.
 */
import { Alert, Button, Modal, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignatureInput } from '../../api/types';
import { DateTime } from '../../components/DateTime';
import { Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { ReasonField } from '../../components/ReasonField';
import { SignDialog } from '../../components/SignDialog';
import type { SignatureMeaningId } from '../../components/signatureMeanings';
import { RefusalAlert } from '../manufacturing/common/RefusalAlert';
import { useSignFlow } from '../manufacturing/common/useSignFlow';

/** The server's shortest reason for ending a record (quality.schemas.ts END_REASON_MIN). */
const MIN_REASON = 10;

interface Props {
  testId: string;
  /** The button, and the modal's title. */
  label: string;
  title: string;
  /** What ending the record does, said before the person commits to it. */
  consequences: string;
  /** What is signed, given the reason. */
  record: (reason: string) => string;
  meanings: readonly SignatureMeaningId[];
  onSign: (body: { reason: string; signature: SignatureInput }) => Promise<unknown>;
}

export function EndRecordAction({ testId, label, title, consequences, record, meanings, onSign }: Props) {
  const { t } = useTranslation();
  const flow = useSignFlow();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const ready = reason.trim().length >= MIN_REASON;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!ready) return;
    setAsking(false);
    flow.open();
  };
  return (
    <Stack gap="xs" align="flex-end">
      <Button color="red" variant="outline" onClick={() => setAsking(true)} data-testid={testId}>
        {label}
      </Button>
      <RefusalAlert error={flow.refusal} testId={`${testId}-error`} />
      <Modal opened={asking} onClose={() => setAsking(false)} title={title} centered size="lg">
        <Stack component="form" onSubmit={submit} data-testid={`${testId}-form`}>
          <Alert color="orange" variant="light">
            {consequences}
          </Alert>
          <ReasonField value={reason} onChange={setReason} error={flow.refusal} testId={`${testId}-reason`} />
          <Text size="sm" c={ready ? 'dimmed' : 'orange'}>
            {t('quality.end.reasonHint')}
          </Text>
          <FormActions
            onCancel={() => setAsking(false)}
            submitLabel={t('quality.end.continue')}
            loading={false}
            disabled={!ready}
            color="red"
            testId={`${testId}-continue`}
          />
        </Stack>
      </Modal>
      <SignDialog
        key={flow.dialogKey}
        opened={flow.opened}
        onClose={flow.close}
        record={record(reason.trim())}
        meanings={meanings}
        onSign={(signature) => flow.sign(() => onSign({ reason: reason.trim(), signature }))}
      />
    </Stack>
  );
}

/** The banner of an ended record: what happened, by whom, when in the site's time zone, and why. */
export function EndedBanner({
  testId,
  title,
  by,
  at,
  reason,
}: {
  testId: string;
  title: string;
  by: string | null;
  at: string | null;
  reason: string | null;
}) {
  const { t } = useTranslation();
  return (
    <Alert color="gray" variant="light" title={title} data-testid={testId}>
      <Stack gap="xs">
        <Text size="sm">
          {t('quality.end.by', { by: by ?? '—' })} <DateTime value={at} />
        </Text>
        <Field label={t('quality.end.reason')} testId={`${testId}-reason`}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {reason}
          </Text>
        </Field>
      </Stack>
    </Alert>
  );
}
