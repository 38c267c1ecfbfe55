/**
 * Inputs the shipment forms share: the scan of the bag's DIN (checked against the product by the server),
 * a site-time instant that defaults to now, and a temperature in °C to one decimal.
 */
import { NumberInput, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useTimeZone } from '../../app/session';
import type { useNowInput } from '../../lib/useNowInput';
import { ScanInput } from '../custody/ScanInput';

interface FieldProps {
  label: string;
  error?: ReactNode;
  testId: string;
}

/** The DIN scanned from the bag's label; Enter does nothing, the form's button sends it. */
export function DinScanInput({
  value,
  onChange,
  autoFocus,
  ...field
}: FieldProps & { value: string; onChange: (v: string) => void; autoFocus?: boolean }) {
  return (
    <ScanInput
      label={field.label}
      value={value}
      onChange={onChange}
      onEnter={() => undefined}
      mode="verify"
      autoFocus={autoFocus}
      error={field.error}
      testId={field.testId}
      required
    />
  );
}

/** When something happened, in site time (the zone named under it); now until the user edits it. */
export function SiteTimeInput({
  input,
  size,
  ...field
}: FieldProps & { input: ReturnType<typeof useNowInput>; size?: 'lg' }) {
  const { t } = useTranslation();
  const tz = useTimeZone();
  return (
    <TextInput
      size={size}
      type="datetime-local"
      label={field.label}
      description={t('common.siteTime', { tz })}
      value={input.value}
      onChange={(e) => input.set(e.currentTarget.value)}
      error={field.error}
      data-testid={field.testId}
    />
  );
}

/** A temperature in °C to one decimal (a dry shipper is far below zero). */
export function TemperatureInput({
  value,
  onChange,
  description,
  required,
  ...field
}: FieldProps & {
  value: number | string;
  onChange: (v: number | string) => void;
  description?: string;
  required?: boolean;
}) {
  return (
    <NumberInput
      label={field.label}
      description={description}
      value={value}
      onChange={onChange}
      decimalScale={1}
      allowNegative
      required={required}
      error={field.error}
      data-testid={field.testId}
    />
  );
}
