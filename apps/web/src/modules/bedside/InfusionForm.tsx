/** The infusion after a bedside verification: when it ran, the dose (CAR+ cells and the patient's weight), and a signature. */
import { Button, Group, NumberInput, PasswordInput, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useTimeZone } from '../../app/session';
import { fieldError, ProblemAlert } from '../../components/ProblemAlert';
import { useNowInput } from '../../lib/useNowInput';
import { useRecordInfusion } from './bedside.api';
import type { ShipmentDetail, Verification } from './bedside.types';
import { SiteTimeInput } from './fields';

const MILLION = 1e6;

export function InfusionForm({ shipment, verification }: { shipment: ShipmentDetail; verification: Verification }) {
  const { t } = useTranslation();
  const tz = useTimeZone();
  const record = useRecordInfusion(shipment.id);
  const startedAt = useNowInput(tz);
  const endedAt = useNowInput(tz);
  const [cellsMillions, setCells] = useState<number | string>('');
  const [weightKg, setWeight] = useState<number | string>('');
  const [volumeMl, setVolume] = useState<number | string>('');
  // Where the patient is (the ward), not where the bag waited (the storage dewar).
  const [location, setLocation] = useState(shipment.toLocation);
  const [notes, setNotes] = useState('');
  const [password, setPassword] = useState('');
  const perKg =
    typeof cellsMillions === 'number' && typeof weightKg === 'number' && weightKg > 0
      ? (cellsMillions * MILLION) / weightKg
      : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    record.mutate({
      verificationId: verification.id,
      startedAt: startedAt.toIso() ?? '',
      endedAt: endedAt.toIso() ?? '',
      dose: {
        carPositiveCells: Number(cellsMillions) * MILLION,
        weightKg: Number(weightKg),
        ...(volumeMl === '' ? {} : { volumeMl: Number(volumeMl) }),
      },
      ...(location.trim() ? { location } : {}),
      ...(notes.trim() ? { notes } : {}),
      signature: { password },
    });
  };
  const error = record.error;
  return (
    <Stack component="form" onSubmit={submit} gap="md" data-testid="infusion-form">
      <ProblemAlert error={error} testId="infusion-error" />
      <Group grow>
        <SiteTimeInput
          size="lg"
          label={t('bedside.infusion.startedAt')}
          input={startedAt}
          error={fieldError(error, 'startedAt')}
          testId="infusion-start"
        />
        <SiteTimeInput
          size="lg"
          label={t('bedside.infusion.endedAt')}
          input={endedAt}
          error={fieldError(error, 'endedAt')}
          testId="infusion-end"
        />
      </Group>
      <Group grow>
        <NumberInput
          size="lg"
          label={t('bedside.infusion.cells')}
          description={t('bedside.infusion.cellsHint')}
          value={cellsMillions}
          onChange={setCells}
          min={0}
          decimalScale={2}
          error={fieldError(error, 'carPositiveCells')}
          data-testid="infusion-cells"
        />
        <NumberInput
          size="lg"
          label={t('bedside.infusion.weight')}
          value={weightKg}
          onChange={setWeight}
          min={0}
          decimalScale={1}
          error={fieldError(error, 'weightKg')}
          data-testid="infusion-weight"
        />
        <NumberInput
          size="lg"
          label={t('bedside.infusion.volume')}
          value={volumeMl}
          onChange={setVolume}
          min={0}
          decimalScale={1}
          data-testid="infusion-volume"
        />
      </Group>
      <Text size="lg" data-testid="infusion-per-kg">
        {t('bedside.infusion.perKg')}: {perKg === null ? '—' : `${(perKg / MILLION).toFixed(2)} × 10⁶ / kg`}
      </Text>
      <TextInput
        size="lg"
        label={t('bedside.infusion.location')}
        value={location}
        onChange={(e) => setLocation(e.currentTarget.value)}
        data-testid="infusion-location"
      />
      <Textarea
        label={t('bedside.infusion.notes')}
        value={notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
        rows={2}
        data-testid="infusion-notes"
      />
      <PasswordInput
        size="lg"
        label={t('bedside.infusion.password')}
        value={password}
        onChange={(e) => setPassword(e.currentTarget.value)}
        autoComplete="current-password"
        data-testid="infusion-password"
      />
      <Button
        type="submit"
        size="xl"
        color="grape"
        loading={record.isPending}
        disabled={!password || cellsMillions === '' || weightKg === ''}
        data-testid="infusion-submit"
      >
        {t('bedside.infusion.submit')}
      </Button>
    </Stack>
  );
}
