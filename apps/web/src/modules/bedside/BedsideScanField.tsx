/**
 * A large scan field for the bedside tablet (wristband, product label). A keyboard-wedge scanner types the
 * barcode and ends with Enter: Enter never submits, it moves to the next field. The raw scan is kept as is —
 * the server reads and compares it — so the field only shows what was scanned.
 */
import { TextInput } from '@mantine/core';
import type { KeyboardEvent, ReactNode, Ref } from 'react';

interface Props {
  label: string;
  description?: string;
  value: string;
  onChange: (value: string) => void;
  /** Called on Enter: focus the next field. */
  onEnter: () => void;
  inputRef?: Ref<HTMLInputElement>;
  autoFocus?: boolean;
  error?: ReactNode;
  testId: string;
}

export function BedsideScanField({
  label,
  description,
  value,
  onChange,
  onEnter,
  inputRef,
  autoFocus,
  error,
  testId,
}: Props) {
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    onEnter();
  };
  return (
    <TextInput
      ref={inputRef}
      size="xl"
      label={label}
      description={description}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      onKeyDown={onKeyDown}
      autoFocus={autoFocus}
      autoComplete="off"
      autoCapitalize="characters"
      spellCheck={false}
      error={error}
      styles={{ input: { fontFamily: 'monospace', letterSpacing: 1 } }}
      data-testid={testId}
    />
  );
}
