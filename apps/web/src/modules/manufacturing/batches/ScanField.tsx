/**
 * A large field for keyboard-wedge barcode scanners (lot numbers, equipment codes). The scanner types the
 * code and ends with Enter; Enter never submits the form: the text is resolved (`onScan`) and the field is
 * cleared for the next scan; a refusal stays below the field, naming what was scanned and why.
 */
import { Loader, TextInput } from '@mantine/core';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useProblemMessage } from '../../../components/ProblemAlert';

interface Props {
  label: string;
  description?: string;
  /** Resolves the scanned text; answers the message to show when it cannot be used, else null. */
  onScan: (text: string) => Promise<string | null>;
  testId: string;
}

export function ScanField({ label, description, onScan, testId }: Props) {
  const { t } = useTranslation();
  const message = useProblemMessage();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLInputElement>(null);

  const resolve = async (text: string) => {
    if (!text.trim()) return;
    setBusy(true);
    try {
      // Cleared either way: the next scan starts on an empty field; a refusal names what was scanned.
      setError(await onScan(text.trim()));
      setValue('');
    } catch (err) {
      setError(message(err));
    } finally {
      setBusy(false);
      ref.current?.focus();
    }
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    void resolve(e.currentTarget.value);
  };
  return (
    <TextInput
      ref={ref}
      size="xl"
      label={label}
      description={description ?? t('mfg.run.scanHint')}
      placeholder={t('mfg.run.scanPlaceholder')}
      value={value}
      onChange={(e) => {
        setError(null);
        setValue(e.currentTarget.value);
      }}
      onKeyDown={onKeyDown}
      autoComplete="off"
      autoCapitalize="characters"
      spellCheck={false}
      error={error}
      rightSection={busy ? <Loader size="sm" /> : null}
      styles={{ input: { fontFamily: 'monospace', letterSpacing: 1 } }}
      data-testid={testId}
      data-busy={String(busy)}
    />
  );
}
