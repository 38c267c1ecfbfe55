/**
 * Recording a withdrawal of consent: its scope (everything, the treatment only, or some optional parts), when
 * (site time), why, and for a complete withdrawal whether the subject still agrees to safety follow-up. Data
 * already collected are kept. Signed by the recording user.
 */
import { Checkbox, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useTimeZone } from '../../../app/session';
import { FormActions } from '../../../components/FormActions';
import { ProblemAlert, fieldError } from '../../../components/ProblemAlert';
import { SignDialog } from '../../../components/SignDialog';
import { useNowInput } from '../../../lib/useNowInput';
import { SiteTimeField } from '../SiteTimeField';
import { useWithdrawConsent } from './consent.api';
import type { ConsentRecord, WithdrawalScope } from './consent.types';

export function WithdrawConsentModal({
  opened,
  onClose,
  subjectId,
  current,
}: {
  opened: boolean;
  onClose: () => void;
  subjectId: string;
  current: ConsentRecord;
}) {
  const { t } = useTranslation();
  const tz = useTimeZone();
  const withdraw = useWithdrawConsent(subjectId);
  const withdrawnAt = useNowInput(tz);
  const [scope, setScope] = useState<WithdrawalScope>('treatment');
  const [parts, setParts] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const [safety, setSafety] = useState(false);
  const [signing, setSigning] = useState(false);
  const consentedParts = Object.entries(current.optionalParts)
    .filter(([, yes]) => yes)
    .map(([code]) => code);
  const ready = withdrawnAt.valid && reason.trim() && (scope !== 'optional_parts' || parts.length > 0);
  const close = () => {
    withdraw.reset();
    setSigning(false);
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (ready) setSigning(true);
  };
  return (
    <>
      <Modal opened={opened && !signing} onClose={close} title={t('clinical.consent.withdrawTitle')} centered size="lg">
        <Stack component="form" onSubmit={submit} data-testid="withdraw-form">
          <ProblemAlert error={withdraw.error} testId="withdraw-error" />
          <Radio.Group
            label={t('clinical.consent.scope')}
            value={scope}
            onChange={(v) => setScope(v as WithdrawalScope)}
            required
            error={fieldError(withdraw.error, 'scope')}
          >
            <Stack mt={4} gap={6}>
              {(['treatment', 'complete', 'optional_parts'] as const).map((s) => (
                <Radio
                  key={s}
                  value={s}
                  label={t(`clinical.consent.scopes.${s}`)}
                  description={t(`clinical.consent.scopeHints.${s}`)}
                  disabled={s === 'optional_parts' && consentedParts.length === 0}
                  data-testid={`withdraw-scope-${s}`}
                />
              ))}
            </Stack>
          </Radio.Group>
          {scope === 'optional_parts' && (
            <Checkbox.Group
              label={t('clinical.consent.partsToWithdraw')}
              value={parts}
              onChange={setParts}
              required
              error={fieldError(withdraw.error, 'parts')}
            >
              <Group mt={4}>
                {consentedParts.map((code) => (
                  <Checkbox key={code} value={code} label={code} />
                ))}
              </Group>
            </Checkbox.Group>
          )}
          {scope === 'complete' && (
            <Checkbox
              label={t('clinical.consent.safetyFollowUp')}
              description={t('clinical.consent.safetyFollowUpHint')}
              checked={safety}
              onChange={(e) => setSafety(e.currentTarget.checked)}
              data-testid="withdraw-safety"
            />
          )}
          <SiteTimeField
            label={t('clinical.consent.withdrawnAt')}
            input={withdrawnAt}
            error={fieldError(withdraw.error, 'withdrawnAt')}
            testId="withdraw-at"
          />
          <Textarea
            label={t('clinical.consent.withdrawReason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            required
            autosize
            minRows={2}
            error={fieldError(withdraw.error, 'reason')}
            data-testid="withdraw-reason"
          />
          <Text size="sm">{t('clinical.consent.dataKept')}</Text>
          <FormActions
            onCancel={close}
            submitLabel={t('clinical.consent.signAndWithdraw')}
            loading={withdraw.isPending}
            disabled={!ready}
            color="red.9"
            testId="withdraw-submit"
          />
        </Stack>
      </Modal>
      <SignDialog
        opened={signing}
        onClose={() => setSigning(false)}
        record={t(`clinical.consent.scopes.${scope}`)}
        meanings={['consentWithdrawn']}
        onSign={async (signature) => {
          await withdraw.mutateAsync({
            scope,
            ...(scope === 'optional_parts' ? { parts } : {}),
            withdrawnAt: withdrawnAt.toIso() ?? '',
            reason: reason.trim(),
            ...(scope === 'complete' ? { safetyFollowUp: safety } : {}),
            signature,
          });
          close();
        }}
      />
    </>
  );
}
