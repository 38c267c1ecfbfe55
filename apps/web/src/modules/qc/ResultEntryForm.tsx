/**
 * Result entry for one batch against its specification: choose the test, scan the sample label (its
 * Code 128 is the sample number), type the value (or choose pass/fail), see whether it conforms before
 * signing, then sign as performed. Refusals (not qualified, result exists) stay on the page.
 */
import { Alert, Button, Group, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SignDialog } from '../../components/SignDialog';
import { QC_RESULT_MEANINGS } from '../../components/signatureMeanings';
import { useSignFlow } from '../manufacturing/common/useSignFlow';
import { useEnterResult } from './qc.api';
import type { BatchQc, QcSample, SpecTest } from './qc.types';
import { previewConformity, readEntry, sampleForScan, type EntryError } from './resultEntry';

/** Tests that take a result now: no current result, or the last one invalidated by an OOS investigation. */
function openTests(qc: BatchQc): SpecTest[] {
  const missing = new Set(qc.status.tests.filter((t) => t.state === 'missing').map((t) => t.code));
  return (qc.specification?.tests ?? []).filter((t) => missing.has(t.code));
}

export function ResultEntryForm({ qc }: { qc: BatchQc }) {
  const { t } = useTranslation();
  const tests = openTests(qc);
  const [code, setCode] = useState<string | null>(null);
  const [raw, setRaw] = useState('');
  const [scan, setScan] = useState('');
  const [sample, setSample] = useState<QcSample | null>(null);
  const [scanError, setScanError] = useState<string | null>(null);
  const [touched, setTouched] = useState(false);
  const enter = useEnterResult(qc.batch.id);
  const flow = useSignFlow();
  const test = tests.find((x) => x.code === code) ?? null;

  if (!qc.specification)
    return (
      <Alert color="yellow" data-testid="qc-no-spec">
        {t('qc.entry.noSpecification')}
      </Alert>
    );
  if (!tests.length)
    return (
      <Text c="dimmed" data-testid="qc-entry-none">
        {t('qc.entry.nothingOpen')}
      </Text>
    );

  const entry = test ? readEntry(test, raw) : null;
  const entryError: EntryError | null = entry && 'error' in entry ? entry.error : null;
  const preview = test && entry && 'value' in entry ? previewConformity(test, entry.value) : null;
  const reset = () => {
    setRaw('');
    setScan('');
    setSample(null);
    setTouched(false);
  };
  const readScan = () => {
    if (!test || !scan.trim()) return;
    const found = sampleForScan(qc.samples, scan, test.code);
    setSample('sample' in found ? found.sample : null);
    setScanError(
      'error' in found ? t(`qc.entry.scan.${found.error}`, { scanned: scan.trim(), test: test.code }) : null,
    );
  };

  return (
    <Stack data-testid="qc-entry">
      <ProblemAlert error={flow.refusal} testId="qc-entry-refusal" />
      <Select
        label={t('qc.entry.test')}
        data={tests.map((x) => ({ value: x.code, label: `${x.code} · ${x.name} (${x.criterion})` }))}
        value={code}
        onChange={(v) => {
          setCode(v);
          reset();
        }}
        required
        data-testid="qc-entry-test"
      />
      {test && (
        <>
          <Text size="sm" c="dimmed" data-testid="qc-entry-method">
            {t('qc.entry.methodLine', { method: test.method ?? '—', criterion: test.criterion })}
          </Text>
          <TextInput
            label={t('qc.entry.sample')}
            description={t('qc.entry.sampleHint')}
            value={scan}
            onChange={(e) => setScan(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                readScan();
              }
            }}
            onBlur={readScan}
            error={scanError}
            rightSection={sample ? '✓' : null}
            data-testid="qc-entry-scan"
          />
          {test.kind === 'pass_fail' ? (
            <SegmentedControl
              data={[
                { value: 'pass', label: t('qc.value.pass') },
                { value: 'fail', label: t('qc.value.fail') },
              ]}
              value={raw}
              onChange={setRaw}
              data-testid="qc-entry-passfail"
            />
          ) : (
            <TextInput
              label={
                test.kind === 'numeric' ? t('qc.entry.valueWithUnit', { unit: test.unit ?? '' }) : t('qc.entry.value')
              }
              value={raw}
              onChange={(e) => setRaw(e.currentTarget.value)}
              onBlur={() => setTouched(true)}
              error={touched && entryError ? t(`qc.entry.errors.${entryError}`) : null}
              inputMode={test.kind === 'numeric' ? 'decimal' : undefined}
              data-testid="qc-entry-value"
            />
          )}
          {preview?.valid && (
            <Alert color={preview.conforms ? 'teal' : 'red'} data-testid="qc-entry-preview">
              {preview.reportOnly
                ? t('qc.entry.reportOnly')
                : preview.conforms
                  ? t('qc.entry.conforms')
                  : t('qc.entry.doesNotConform')}
            </Alert>
          )}
          <Group>
            <Button
              disabled={!preview?.valid || (!!scan.trim() && !sample)}
              onClick={flow.open}
              data-testid="qc-entry-sign"
            >
              {t('qc.entry.sign')}
            </Button>
          </Group>
          <SignDialog
            key={flow.dialogKey}
            opened={flow.opened}
            onClose={flow.close}
            record={t('qc.entry.signRecord', { test: test.name, value: raw.trim(), batch: qc.batch.batchNumber })}
            meanings={QC_RESULT_MEANINGS}
            onSign={(signature) =>
              flow.sign(async () => {
                if (!entry || !('value' in entry)) return;
                await enter.mutateAsync({
                  testCode: test.code,
                  value: entry.value,
                  ...(sample ? { sampleId: sample.id } : {}),
                  signature,
                });
                setCode(null);
                reset();
              })
            }
          />
        </>
      )}
    </Stack>
  );
}
