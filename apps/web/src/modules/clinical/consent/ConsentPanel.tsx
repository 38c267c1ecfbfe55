/**
 * A subject's informed consent (ICH E6(R2) 4.8, China GCP 2020 Art. 23–24): its status (valid, none, re-consent
 * required, withdrawn), the current consent (document version and language, when, by the subject or a legally
 * acceptable representative, witness, investigator, optional parts), what continues after a withdrawal, and
 * the history. With consent:write: record a consent and record a withdrawal, each signed.
 *
 * Placed on the subject page's consent tab or in a modal: `<ConsentPanel subjectId={id} />`.
 */
import { Alert, Button, Group, List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/session';
import { DateTime } from '../../../components/DateTime';
import { Field } from '../../../components/Field';
import { SignaturesList } from '../../../components/SignaturesList';
import { QueryView } from '../../../components/states';
import { useSubject } from '../clinical.api';
import { StatusBadge, type Tone } from '../StatusBadge';
import { useConsentStatus } from './consent.api';
import type { ConsentRecord, ConsentStatus, ConsentStatusCode } from './consent.types';
import { RecordConsentModal } from './RecordConsentModal';
import { WithdrawConsentModal } from './WithdrawConsentModal';

export const CONSENT_TONE: Record<ConsentStatusCode, Tone> = {
  valid: 'good',
  none: 'bad',
  reconsent_required: 'waiting',
  withdrawn: 'neutral',
  withdrawn_from_treatment: 'waiting',
};

export function ConsentPanel({ subjectId }: { subjectId: string }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const status = useConsentStatus(subjectId);
  const subject = useSubject(subjectId);
  const [recording, setRecording] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  return (
    <Stack data-testid="consent-panel">
      <QueryView query={status}>
        {(s) => (
          <>
            <Group justify="space-between">
              <Group>
                <Title order={4}>{t('clinical.consent.title')}</Title>
                <StatusBadge tone={CONSENT_TONE[s.status]} testId="consent-status">
                  {t(`clinical.consent.status.${s.status}`)}
                </StatusBadge>
              </Group>
              {can('consent:write') && (
                <Group>
                  <Button onClick={() => setRecording(true)} disabled={!subject.data} data-testid="consent-record">
                    {s.status === 'reconsent_required' ? t('clinical.consent.reconsent') : t('clinical.consent.record')}
                  </Button>
                  {s.current && s.status !== 'withdrawn' && (
                    <Button variant="default" onClick={() => setWithdrawing(true)} data-testid="consent-withdraw">
                      {t('clinical.consent.withdraw')}
                    </Button>
                  )}
                </Group>
              )}
            </Group>
            <Text size="sm">{t(`clinical.consent.statusHint.${s.status}`)}</Text>
            {s.reconsent && (
              <Alert color="orange.9" variant="light" title={t('clinical.consent.reconsentTitle')} data-testid="reconsent-needed">
                <Text size="sm">
                  {t('clinical.consent.reconsentText', {
                    label: s.reconsent.versionLabel,
                    language: t(`clinical.consent.language.${s.reconsent.language}`, { defaultValue: s.reconsent.language }),
                  })}
                </Text>
                <Text size="sm">{s.reconsent.reason}</Text>
              </Alert>
            )}
            <Continues status={s} />
            {s.current && <CurrentConsent record={s.current} />}
            <History status={s} />
            {subject.data && (
              <RecordConsentModal
                opened={recording}
                onClose={() => setRecording(false)}
                subjectId={subjectId}
                studyId={subject.data.studyId}
                preferred={s.reconsent?.documentId}
              />
            )}
            {s.current && (
              <WithdrawConsentModal
                opened={withdrawing}
                onClose={() => setWithdrawing(false)}
                subjectId={subjectId}
                current={s.current}
              />
            )}
          </>
        )}
      </QueryView>
    </Stack>
  );
}

function YesNo({ value }: { value: boolean }) {
  const { t } = useTranslation();
  return <StatusBadge tone={value ? 'good' : 'neutral'}>{value ? t('clinical.common.yes') : t('clinical.common.no')}</StatusBadge>;
}

function Continues({ status }: { status: ConsentStatus }) {
  const { t } = useTranslation();
  const c = status.continues;
  return (
    <Paper withBorder p="sm" data-testid="consent-continues">
      <Text size="sm" fw={600} mb="xs">
        {t('clinical.consent.continues.title')}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Field label={t('clinical.consent.continues.treatment')} testId="continues-treatment">
          <YesNo value={c.treatment} />
        </Field>
        <Field label={t('clinical.consent.continues.visits')} testId="continues-visits">
          <YesNo value={c.visits} />
        </Field>
        <Field label={t('clinical.consent.continues.safetyFollowUp')} testId="continues-safety">
          <YesNo value={c.safetyFollowUp} />
        </Field>
        <Field label={t('clinical.consent.continues.collectedDataKept')}>
          <YesNo value={c.collectedDataKept} />
        </Field>
      </SimpleGrid>
    </Paper>
  );
}

function CurrentConsent({ record }: { record: ConsentRecord }) {
  const { t } = useTranslation();
  const parts = Object.entries(record.optionalParts);
  return (
    <Paper withBorder p="sm" data-testid="consent-current">
      <Stack gap="sm">
        <Text size="sm" fw={600}>
          {t('clinical.consent.current')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Field label={t('clinical.consent.document')}>
            {record.document.versionLabel} · {t(`clinical.consent.language.${record.document.language}`)}
          </Field>
          <Field label={t('clinical.consent.consentedAt')}>
            <DateTime value={record.consentedAt} />
          </Field>
          <Field label={t('clinical.consent.consentedBy')}>
            {record.consentedBy === 'lar' && record.lar
              ? t('clinical.consent.byLar', { name: record.lar.name, relationship: record.lar.relationship })
              : t('clinical.consent.bySubject')}
          </Field>
          <Field label={t('clinical.consent.witness')}>{record.witness?.name ?? '—'}</Field>
          <Field label={t('clinical.consent.investigator')}>{record.investigator.name}</Field>
          <Field label={t('clinical.consent.subjectCanRead')}>
            {record.subjectCanRead ? t('clinical.common.yes') : t('clinical.common.no')}
          </Field>
        </SimpleGrid>
        {parts.length > 0 && (
          <div>
            <Text size="sm" fw={600}>
              {t('clinical.consent.optionalParts')}
            </Text>
            <List size="sm">
              {parts.map(([code, yes]) => (
                <List.Item key={code}>
                  {code}
                  {t('common.colon')}
                  {yes ? t('clinical.consent.agreed') : t('clinical.consent.declined')}
                </List.Item>
              ))}
            </List>
          </div>
        )}
        <SignaturesList signatures={record.signatures} />
      </Stack>
    </Paper>
  );
}

function History({ status }: { status: ConsentStatus }) {
  const { t } = useTranslation();
  if (status.history.length === 0) return null;
  return (
    <div>
      <Text size="sm" fw={600} mb="xs">
        {t('clinical.consent.history')}
      </Text>
      <Table data-testid="consent-history">
        <Table.Tbody>
          {status.history.map((h) => (
            <Table.Tr key={`${h.kind}-${h.id}-${h.at}`}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <DateTime value={h.at} withZone={false} />
              </Table.Td>
              <Table.Td>{t(`clinical.consent.historyKind.${h.kind}`)}</Table.Td>
              <Table.Td>{h.summary}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
