/**
 * A text field for keyboard-wedge barcode scanners. A scanner "types" the ISBT 128 string fast and ends with
 * Enter; Enter here never submits the form: the field cleans the value to the 13-character DIN and calls
 * `onEnter`, which moves focus on (or submits, for the last field).
 */
import { TextInput } from '@mantine/core';
import { useState, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { checkCharacter, normalizeDinScan, type ScanResult } from '../../lib/din';

interface Props {
  label: string;
  description?: string;
  value: string;
  onChange: (value: string) => void;
  /** Called on Enter with the cleaned value; `result.error` is set when it is not a valid DIN. */
  onEnter: (result: ScanResult) => void;
  inputRef?: Ref<HTMLInputElement>;
  autoFocus?: boolean;
  error?: string;
  testId: string;
  required?: boolean;
}

/** Cleans scanner input to a DIN; returns the result and whether the text changed. */
function clean(raw: string): ScanResult {
  return raw.trim() ? normalizeDinScan(raw) : { din: '', error: 'format' };
}

export function ScanInput({ label, description, value, onChange, onEnter, inputRef, autoFocus, error, testId, required }: Props) {
  const { t } = useTranslation();
  const [checked, setChecked] = useState(false);
  const result = value.trim() ? normalizeDinScan(value) : null;
  const ownError = checked && result?.error ? t(`scan.error.${result.error}`) : undefined;
  const hint = result && !result.error ? t('scan.recognised', { din: result.din, check: checkCharacter(result.din) }) : description;

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const cleaned = clean(e.currentTarget.value);
    if (cleaned.din !== e.currentTarget.value) onChange(cleaned.din);
    setChecked(true);
    if (cleaned.error) e.currentTarget.select();
    onEnter(cleaned);
  };
  const onBlur = () => {
    if (!value.trim()) return;
    const cleaned = clean(value);
    if (cleaned.din !== value) onChange(cleaned.din);
    setChecked(true);
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
      onBlur={onBlur}
      autoFocus={autoFocus}
      autoComplete="off"
      autoCapitalize="characters"
      spellCheck={false}
      required={required}
      error={error ?? ownError}
      styles={{ input: { fontFamily: 'monospace', fontSize: 18, letterSpacing: 1 } }}
      size="md"
      data-testid={testId}
    />
  );
}
