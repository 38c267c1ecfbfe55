/**
 * A text field for keyboard-wedge barcode scanners. A scanner "types" the ISBT 128 string fast and ends with
 * Enter; Enter here never submits the form: the field checks the value and calls `onEnter`, which moves focus
 * on (or submits, for the last field).
 *
 * `mode="din"` rewrites the field to the 13-character DIN (`=G12341765432100` → `G123417654321`).
 * `mode="verify"` keeps exactly what was scanned, because the server re-reads the raw scan to verify it; a
 * bare 13-character DIN is refused there (typing the DIN you read off the form proves nothing), so the
 * check character or a real scan is required.
 */
import { TextInput } from '@mantine/core';
import { useState, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { normalizeDinScan, type ScanResult } from '../../lib/din';

interface Props {
  label: string;
  description?: string;
  value: string;
  onChange: (value: string) => void;
  /** Called on Enter with the cleaned value; `result.error` is set when it is not usable. */
  onEnter: (result: ScanResult) => void;
  mode?: 'din' | 'verify';
  inputRef?: Ref<HTMLInputElement>;
  autoFocus?: boolean;
  error?: ReactNode;
  testId: string;
  required?: boolean;
}

/** Reads the field: the DIN it holds, or why it is not usable. */
export function readScan(raw: string, mode: 'din' | 'verify' = 'din'): ScanResult {
  if (!raw.trim()) return { din: '', error: 'format' };
  const result = normalizeDinScan(raw);
  return mode === 'verify' && !result.error && result.bare ? { ...result, error: 'needsCheck' } : result;
}

export function ScanInput(props: Props) {
  const {
    label,
    description,
    value,
    onChange,
    onEnter,
    mode = 'din',
    inputRef,
    autoFocus,
    error,
    testId,
    required,
  } = props;
  const { t } = useTranslation();
  const [checked, setChecked] = useState(false);
  const result = value.trim() ? readScan(value, mode) : null;
  const ownError = checked && result?.error ? t(`scan.error.${result.error}`) : undefined;
  // Never show the check character of a bare DIN: it would let a person type it into the verify field
  // without scanning. Only what was read is echoed back.
  const hint = result && !result.error ? t('scan.recognised', { din: result.din }) : description;

  /** Checks the field; in DIN mode also rewrites it to the bare DIN. */
  const settle = (raw: string): ScanResult => {
    const read = readScan(raw, mode);
    if (mode === 'din' && !read.error && read.din !== raw) onChange(read.din);
    setChecked(true);
    return read;
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const read = settle(e.currentTarget.value);
    if (read.error) e.currentTarget.select();
    onEnter(read);
  };
  return (
    <TextInput
      ref={inputRef}
      label={label}
      description={hint}
      value={value}
      onChange={(e) => {
        setChecked(false);
        onChange(e.currentTarget.value);
      }}
      onKeyDown={onKeyDown}
      onBlur={() => value.trim() && settle(value)}
      autoFocus={autoFocus}
      autoComplete="off"
      autoCapitalize="characters"
      spellCheck={false}
      required={required}
      error={error ?? ownError}
      styles={{ input: { fontFamily: 'monospace', fontSize: 18, letterSpacing: 1 } }}
      size="md"
      data-testid={testId}
      data-mode={mode}
    />
  );
}
