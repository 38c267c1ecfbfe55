/** The descriptive fields of a custody event: type, time, place, parties, temperature. */
import { NativeSelect, NumberInput, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CUSTODY_TYPES, type CustodyType } from '../../api/types';
import { fieldError } from '../../components/ProblemAlert';

export interface CustodyDetails {
  type: CustodyType;
  location: string;
  fromParty: string;
  toParty: string;
  temperature: string | number;
}

interface Props {
  details: CustodyDetails;
  onChange: (next: CustodyDetails) => void;
  occurredAt: { value: string; valid: boolean; set: (v: string) => void };
  tz: string;
  error: unknown;
}

export function CustodyDetailsFields({ details, onChange, occurredAt, tz, error }: Props) {
  const { t } = useTranslation();
  const set = <K extends keyof CustodyDetails>(key: K, value: CustodyDetails[K]) =>
    onChange({ ...details, [key]: value });
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
      <NativeSelect
        label={t('custody.type')}
        data={CUSTODY_TYPES.map((v) => ({ value: v, label: t(`custodyType.${v}`) }))}
        value={details.type}
        onChange={(e) => set('type', e.currentTarget.value as CustodyType)}
        error={fieldError(error, 'type')}
        data-testid="custody-type"
      />
      <TextInput
        type="datetime-local"
        label={t('custody.occurredAt')}
        description={t('common.siteTime', { tz })}
        value={occurredAt.value}
        onChange={(e) => occurredAt.set(e.currentTarget.value)}
        error={(occurredAt.valid ? undefined : t('common.invalidDateTime')) ?? fieldError(error, 'occurredAt')}
        data-testid="custody-occurred-at"
      />
      <TextInput
        label={t('custody.location')}
        value={details.location}
        onChange={(e) => set('location', e.currentTarget.value)}
        error={fieldError(error, 'location')}
        data-testid="custody-location"
      />
      <TextInput
        label={t('custody.fromParty')}
        value={details.fromParty}
        onChange={(e) => set('fromParty', e.currentTarget.value)}
        error={fieldError(error, 'fromParty')}
        data-testid="custody-from"
      />
      <TextInput
        label={t('custody.toParty')}
        value={details.toParty}
        onChange={(e) => set('toParty', e.currentTarget.value)}
        error={fieldError(error, 'toParty')}
        data-testid="custody-to"
      />
      <NumberInput
        label={t('custody.temperature')}
        value={details.temperature}
        onChange={(v) => set('temperature', v)}
        decimalScale={1}
        min={-273}
        max={100}
        suffix=" °C"
        error={fieldError(error, 'temperatureC')}
        data-testid="custody-temperature"
      />
    </SimpleGrid>
  );
}
