/**
 * Recording a report that meets (or follows up) an SAE clock: when it was sent, to whom and its reference,
 * signed by the investigator (China GCP 2020 Art. 26: the investigator reports the SAE to the sponsor).
 */
import { Button, Checkbox, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useTimeZone } from '../../../app/session';
import { FormActions } from '../../../components/FormActions';
import { SignDialog } from '../../../components/SignDialog';
import { useNowInput } from '../../../lib/useNowInput';
import { SiteTimeInput } from '../../bedside/fields';
import { RefusalAlert } from '../../manufacturing/common/RefusalAlert';
import { useSignFlow } from '../../manufacturing/common/useSignFlow';
import { SAE_REPORT_MEANINGS } from './meanings';
import { useRecordSaeReport } from './safety.api';
import type { SaeClock } from './safety.types';

export function SaeReportAction({ clock }: { clock: SaeClock }) {
  const { t } = useTranslation();
  const tz = useTimeZone();
  const [opened, setOpened] = useState(false);
  const flow = useSignFlow();
  const record = useRecordSaeReport(clock.id);
  const reportedAt = useNowInput(tz);
  const [recipient, setRecipient] = useState(clock.recipient);
  const [reference, setReference] = useState('');
  const followUp = clock.status === 'met';
  const [asFollowUp, setAsFollowUp] = useState(followUp);
  const kind = t(`clinical.safety.clockKind.${clock.kind}`, { defaultValue: clock.kind });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!recipient.trim() || !reportedAt.valid) return;
    setOpened(false);
    flow.open();
  };
  return (
    <>
      <Button size="xs" variant="light" onClick={() => setOpened(true)} data-testid="sae-report-open">
        {followUp ? t('clinical.safety.report.followUpAction') : t('clinical.safety.report.action')}
      </Button>
      <RefusalAlert error={flow.refusal} testId="sae-report-error" />
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('clinical.safety.report.title', { kind })}>
        <Stack component="form" onSubmit={submit} data-testid="sae-report-form">
          <Text size="sm">{t('clinical.safety.report.hint', { ae: clock.aeNumber, subject: clock.subjectCode })}</Text>
          <SiteTimeInput
            label={t('clinical.safety.report.reportedAt')}
            input={reportedAt}
            error={reportedAt.valid ? undefined : t('common.invalidDateTime')}
            testId="sae-report-at"
          />
          <TextInput
            label={t('clinical.safety.report.recipient')}
            value={recipient}
            onChange={(e) => setRecipient(e.currentTarget.value)}
            required
            maxLength={200}
            data-testid="sae-report-recipient"
          />
          <TextInput
            label={t('clinical.safety.report.reference')}
            description={t('clinical.safety.report.referenceHint')}
            value={reference}
            onChange={(e) => setReference(e.currentTarget.value)}
            maxLength={200}
            data-testid="sae-report-reference"
          />
          <Checkbox
            label={t('clinical.safety.report.followUp')}
            checked={asFollowUp}
            onChange={(e) => setAsFollowUp(e.currentTarget.checked)}
            data-testid="sae-report-follow-up"
          />
          <FormActions
            onCancel={() => setOpened(false)}
            submitLabel={t('clinical.safety.report.sign')}
            loading={false}
            disabled={!recipient.trim() || !reportedAt.valid}
            testId="sae-report-submit"
          />
        </Stack>
      </Modal>
      <SignDialog
        key={flow.dialogKey}
        opened={flow.opened}
        onClose={flow.close}
        record={t('clinical.safety.report.record', { kind, ae: clock.aeNumber, subject: clock.subjectCode })}
        meanings={SAE_REPORT_MEANINGS}
        onSign={(signature) =>
          flow.sign(() =>
            record.mutateAsync({
              reportedAt: reportedAt.toIso() ?? new Date().toISOString(),
              recipient: recipient.trim(),
              ...(reference.trim() ? { reference: reference.trim() } : {}),
              ...(asFollowUp ? { followUp: true } : {}),
              signature,
            }),
          )
        }
      />
    </>
  );
}
