/**
 * Records a custody event with scan-to-verify. Workflow for a scanner: scan the bag (DIN field, focused on
 * load) → Enter moves to "Scan to verify" → scan again → Enter submits. The descriptive fields keep their
 * values between events, so a batch of bags can be handed over by scanning alone.
 */
import { Alert, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isProblem } from '../../api/client';
import type { CustodyEvent } from '../../api/types';
import { useTimeZone } from '../../app/session';
import { ProblemAlert, fieldError, useProblemMessage } from '../../components/ProblemAlert';
import { useNowInput } from '../../lib/useNowInput';
import { useRecordCustody, type NewCustodyEvent } from './custody.api';
import { CustodyDetailsFields, type CustodyDetails } from './CustodyDetailsFields';
import { ScanInput, readScan } from './ScanInput';

const INITIAL: CustodyDetails = { type: 'handover', location: '', fromParty: '', toParty: '', temperature: '' };

function buildBody(din: string, scannedDin: string, details: CustodyDetails, occurredAt: string): NewCustodyEvent {
  const optional = (v: string) => (v.trim() ? v.trim() : undefined);
  return {
    din,
    scannedDin,
    type: details.type,
    occurredAt,
    location: optional(details.location),
    fromParty: optional(details.fromParty),
    toParty: optional(details.toParty),
    temperatureC: typeof details.temperature === 'number' ? details.temperature : undefined,
  };
}

export function CustodyForm({ onRecorded }: { onRecorded: (din: string) => void }) {
  const { t } = useTranslation();
  const tz = useTimeZone();
  const message = useProblemMessage();
  const record = useRecordCustody();
  const occurredAt = useNowInput(tz);
  const [din, setDin] = useState('');
  const [scanned, setScanned] = useState('');
  const [details, setDetails] = useState(INITIAL);
  const [last, setLast] = useState<CustodyEvent | null>(null);
  const dinRef = useRef<HTMLInputElement>(null);
  const scanRef = useRef<HTMLInputElement>(null);

  const submit = () => {
    const a = readScan(din, 'din');
    const when = occurredAt.toIso();
    if (a.error) return dinRef.current?.focus();
    if (readScan(scanned, 'verify').error) return scanRef.current?.focus();
    if (!when || record.isPending) return;
    // The raw scan goes to the server, which re-reads it (flags, check character) before comparing.
    record.mutate(buildBody(a.din, scanned.trim(), details, when), {
      onSuccess: (event) => {
        setLast(event);
        notifications.show({ color: 'teal', message: t('custody.recorded', { din: event.din }) });
        setDin('');
        setScanned('');
        occurredAt.reset();
        onRecorded(event.din);
        dinRef.current?.focus();
      },
      onError: () => {
        setLast(null);
        scanRef.current?.select();
      },
    });
  };
  const onFormSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit();
  };
  // Enter in a descriptive field must not submit half-filled: only the verify scan (or the button) submits.
  const onFormKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Enter' && !e.defaultPrevented && e.target instanceof HTMLInputElement) e.preventDefault();
  };
  const mismatch = isProblem(record.error, 409);
  return (
    <Card withBorder>
      <form onSubmit={onFormSubmit} onKeyDown={onFormKeyDown} data-testid="custody-form" noValidate>
        <Stack>
          <Title order={4}>{t('custody.recordTitle')}</Title>
          {mismatch && (
            <Alert
              color="red"
              variant="filled"
              title={t('custody.mismatchTitle')}
              data-testid="custody-error"
              role="alert"
            >
              {message(record.error)}
            </Alert>
          )}
          {record.error && !mismatch && <ProblemAlert error={record.error} testId="custody-error" />}
          {last && !record.error && (
            <Alert color="teal" variant="light" data-testid="custody-success">
              {t('custody.recordedDetail', {
                din: last.din,
                type: t(`custodyType.${last.type}`, { defaultValue: last.type }),
              })}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <ScanInput
              label={t('custody.din')}
              description={t('custody.dinHint')}
              value={din}
              onChange={setDin}
              onEnter={(r) => !r.error && scanRef.current?.focus()}
              inputRef={dinRef}
              autoFocus
              required
              error={fieldError(record.error, 'din')}
              testId="custody-din"
            />
            <ScanInput
              label={t('custody.scanVerify')}
              description={t('custody.scanVerifyHint')}
              value={scanned}
              onChange={setScanned}
              onEnter={(r) => !r.error && submit()}
              mode="verify"
              inputRef={scanRef}
              required
              error={fieldError(record.error, 'scannedDin')}
              testId="custody-scan"
            />
          </SimpleGrid>
          <CustodyDetailsFields
            details={details}
            onChange={setDetails}
            occurredAt={occurredAt}
            tz={tz}
            error={record.error}
          />
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {t('custody.scanHelp')}
            </Text>
            <Button type="submit" loading={record.isPending} data-testid="custody-submit">
              {t('custody.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
