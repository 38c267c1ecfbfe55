/**
 * Record an environmental monitoring sample of a room (facility:write). The result is shown right after:
 * within, alert (above the alert limit) or action (above the action limit), and the number of the deviation
 * an action excursion opened with the batches it lists.
 */
import {
  Alert,
  Button,
  Group,
  Modal,
  NativeSelect,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTimeZone } from '../../../app/session';
import { fieldError } from '../../../components/ProblemAlert';
import { useNowInput } from '../../../lib/useNowInput';
import { StatusBadge } from '../common/badges';
import { ModalForm } from '../common/ModalForm';
import {
  EM_PARAMETERS,
  OCCUPANCIES,
  type EmLimit,
  type EmParameter,
  type EmSampleRecorded,
  type Occupancy,
  type Room,
} from '../facility.types';
import { useEmLimits, useRecordEmSample } from './facility.api';

/** "Alert limit 5, action limit 10 cfu/m³", or only the action limit where the site set no alert level. */
export function limitsText(
  t: (key: string, options?: Record<string, unknown>) => string,
  alert: number | null,
  action: number | null,
  unit: string,
): string {
  if (action == null) return t('mfg.em.noLimit');
  return alert == null ? t('mfg.em.actionOnlyLine', { action, unit }) : t('mfg.em.limitsLine', { alert, action, unit });
}

export function limitFor(limits: EmLimit[], room: Pick<Room, 'grade'>, parameter: string, occupancy: string) {
  return limits.find((l) => l.grade === room.grade && l.parameter === parameter && l.occupancy === occupancy);
}

function ResultView({ sample, limit }: { sample: EmSampleRecorded; limit: EmLimit | undefined }) {
  const { t } = useTranslation();
  // The limits the server judged the sample against, as they stood when it was recorded.
  const alert = sample.alertLimit !== undefined ? sample.alertLimit : (limit?.alertLimit ?? null);
  const action = sample.actionLimit !== undefined ? sample.actionLimit : (limit?.actionLimit ?? null);
  const unit = sample.unit ?? limit?.unit ?? '';
  const color = sample.result === 'within' ? 'teal' : sample.result === 'alert' ? 'yellow' : 'red';
  return (
    <Stack data-testid="em-result" data-result={sample.result}>
      <Alert color={color} variant="light" title={t(`mfg.em.resultTitle.${sample.result}`)}>
        <Stack gap="xs">
          <Group gap="xs">
            <StatusBadge kind="emResult" value={sample.result} size="xl" testId="em-result-badge" />
            <Text fw={700} size="lg">
              {sample.value} {unit}
            </Text>
          </Group>
          <Text size="sm" data-testid="em-result-limits">
            {limitsText(t, alert, action, unit)}
          </Text>
          <Text size="sm">{t(`mfg.em.resultText.${sample.result}`)}</Text>
        </Stack>
      </Alert>
      {sample.deviation && (
        <Alert color="red" variant="filled" title={t('mfg.em.deviationOpened')} data-testid="em-deviation">
          <Text fw={700} size="lg" ff="monospace" data-testid="em-deviation-number">
            {sample.deviation.number}
          </Text>
          <Text size="sm">{t('mfg.em.deviationBatches', { count: sample.deviation.batchIds?.length ?? 0 })}</Text>
        </Alert>
      )}
    </Stack>
  );
}

export function EmSampleModal({ room, onClose }: { room: Room | null; onClose: () => void }) {
  const { t } = useTranslation();
  const tz = useTimeZone();
  const limits = useEmLimits(room !== null);
  const record = useRecordEmSample(room?.id ?? '');
  const sampled = useNowInput(tz);
  const [parameter, setParameter] = useState<EmParameter>('particles_0_5');
  const [occupancy, setOccupancy] = useState<Occupancy>('in_operation');
  const [value, setValue] = useState<number | string>('');
  const [location, setLocation] = useState('');
  const [done, setDone] = useState<EmSampleRecorded | null>(null);
  const limit = room ? limitFor(limits.data?.items ?? [], room, parameter, occupancy) : undefined;
  const again = () => {
    record.reset();
    setDone(null);
    setValue('');
    sampled.reset();
  };
  const close = () => {
    again();
    onClose();
  };
  const submit = () => {
    const sampledAt = sampled.toIso();
    if (typeof value !== 'number' || !sampledAt) return;
    record.mutate(
      { parameter, occupancy, value, sampledAt, ...(location.trim() ? { location: location.trim() } : {}) },
      { onSuccess: setDone },
    );
  };
  const err = record.error;
  return (
    <Modal opened={room !== null} onClose={close} title={t('mfg.em.record')} centered size="lg">
      {room && done && (
        <Stack>
          <ResultView sample={done} limit={limit} />
          <Group justify="flex-end">
            <Button variant="default" onClick={again} data-testid="em-record-another">
              {t('mfg.em.recordAnother')}
            </Button>
            <Button onClick={close} data-testid="em-result-close">
              {t('mfg.common.close')}
            </Button>
          </Group>
        </Stack>
      )}
      {room && !done && (
        <ModalForm
          testId="em-form"
          intro={
            <Text size="sm" c="dimmed">
              {room.code} · {room.name} · {t('mfg.room.gradeValue', { grade: room.grade })}
            </Text>
          }
          error={err}
          errorTestId="em-error"
          onSubmit={submit}
          onCancel={close}
          submitLabel={t('mfg.common.record')}
          submitTestId="em-submit"
          loading={record.isPending}
          disabled={typeof value !== 'number'}
        >
          <NativeSelect
            label={t('mfg.em.parameter')}
            data={EM_PARAMETERS.map((p) => ({ value: p, label: t(`mfg.emParameter.${p}`) }))}
            value={parameter}
            onChange={(e) => setParameter(e.currentTarget.value as EmParameter)}
            data-testid="em-parameter"
          />
          <SegmentedControl
            value={occupancy}
            onChange={(v) => setOccupancy(v as Occupancy)}
            data={OCCUPANCIES.map((o) => ({ value: o, label: t(`mfg.occupancy.${o}`) }))}
            data-testid="em-occupancy"
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              label={t('mfg.em.value')}
              description={limit ? limitsText(t, limit.alertLimit, limit.actionLimit, limit.unit) : t('mfg.em.noLimit')}
              rightSection={<Text size="xs">{limit?.unit}</Text>}
              rightSectionWidth={90}
              value={value}
              onChange={setValue}
              min={0}
              required
              error={fieldError(err, 'value')}
              data-testid="em-value"
            />
            <TextInput
              type="datetime-local"
              label={t('mfg.em.sampledAt')}
              description={t('common.siteTime', { tz })}
              value={sampled.value}
              onChange={(e) => sampled.set(e.currentTarget.value)}
              required
              error={!sampled.valid ? t('common.invalidDateTime') : fieldError(err, 'sampledAt')}
              data-testid="em-sampled-at"
            />
          </SimpleGrid>
          <TextInput
            label={t('mfg.em.location')}
            description={t('mfg.em.locationHint')}
            value={location}
            onChange={(e) => setLocation(e.currentTarget.value)}
            data-testid="em-location"
          />
        </ModalForm>
      )}
    </Modal>
  );
}
