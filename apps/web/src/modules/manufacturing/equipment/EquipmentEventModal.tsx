/**
 * Record what was done to a unit (equipment:write): a calibration (pass moves the due date on, fail leaves
 * the unit out of calibration), the start of a maintenance, or its end (with result and next due date).
 */
import { SegmentedControl, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTimeZone } from '../../../app/session';
import { fieldError } from '../../../components/ProblemAlert';
import { useNowInput } from '../../../lib/useNowInput';
import { dayFromToday, endOfDayIso } from '../common/dates';
import { FormModal } from '../common/ModalForm';
import type { Equipment } from '../equipment.types';
import { useMaintenance, useRecordCalibration } from './equipment.api';

export type EquipmentAction = 'calibration' | 'maintenance_start' | 'maintenance_finish';

export function EquipmentEventModal({
  unit,
  action,
  onClose,
}: {
  unit: Equipment;
  action: EquipmentAction | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const tz = useTimeZone();
  const calibrate = useRecordCalibration(unit.id);
  const maintain = useMaintenance(unit.id);
  const performed = useNowInput(tz);
  const [result, setResult] = useState<'pass' | 'fail'>('pass');
  const [nextDue, setNextDue] = useState(dayFromToday(tz, 365));
  const [notes, setNotes] = useState('');
  const mutation = action === 'calibration' ? calibrate : maintain;
  const close = () => {
    calibrate.reset();
    maintain.reset();
    setNotes('');
    performed.reset();
    onClose();
  };
  const withResult = action === 'calibration' || action === 'maintenance_finish';
  const nextDueAt = endOfDayIso(nextDue, tz);
  const submit = () => {
    const performedAt = performed.toIso();
    if (!action || !performedAt) return;
    const done = {
      onSuccess: () => {
        notifications.show({
          color: 'teal',
          message: t(`mfg.equipment.recordedNotice.${action}`, { code: unit.code }),
        });
        close();
      },
    };
    const extra = notes.trim() ? { notes: notes.trim() } : {};
    if (action === 'calibration') {
      if (!nextDueAt) return;
      calibrate.mutate({ performedAt, result, nextDueAt, ...extra }, done);
    } else if (action === 'maintenance_start') {
      maintain.mutate({ action: 'start', performedAt, ...extra }, done);
    } else {
      maintain.mutate({ action: 'finish', performedAt, result, ...(nextDueAt ? { nextDueAt } : {}), ...extra }, done);
    }
  };
  const err = mutation.error;
  return (
    <FormModal
      opened={action !== null}
      title={action ? t(`mfg.equipment.action.${action}`) : ''}
      size="lg"
      testId="equipment-event-form"
      dataset={{ 'data-action': action ?? '' }}
      intro={
        <Text size="sm" c="dimmed">
          {unit.code} · {unit.name}
        </Text>
      }
      error={err}
      errorTestId="equipment-event-error"
      onSubmit={submit}
      onCancel={close}
      submitLabel={t('mfg.common.record')}
      submitTestId="equipment-event-submit"
      loading={mutation.isPending}
    >
      <TextInput
        type="datetime-local"
        label={t('mfg.equipment.performedAt')}
        description={t('common.siteTime', { tz })}
        value={performed.value}
        onChange={(e) => performed.set(e.currentTarget.value)}
        required
        error={!performed.valid ? t('common.invalidDateTime') : fieldError(err, 'performedAt')}
        data-testid="equipment-event-at"
      />
      {withResult && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('mfg.equipment.result')}
            </Text>
            <SegmentedControl
              value={result}
              onChange={(v) => setResult(v as 'pass' | 'fail')}
              data={[
                { value: 'pass', label: t('mfg.equipment.pass') },
                { value: 'fail', label: t('mfg.equipment.fail') },
              ]}
              color={result === 'pass' ? 'teal' : 'red'}
              data-testid="equipment-event-result"
            />
          </Stack>
          <TextInput
            type="date"
            label={t(action === 'calibration' ? 'mfg.equipment.nextCalibration' : 'mfg.equipment.nextMaintenance')}
            value={nextDue}
            onChange={(e) => setNextDue(e.currentTarget.value)}
            required={action === 'calibration'}
            error={fieldError(err, 'nextDueAt')}
            data-testid="equipment-event-next-due"
          />
        </SimpleGrid>
      )}
      {action === 'calibration' && result === 'fail' && (
        <Text size="sm" c="red.8" data-testid="calibration-fail-note">
          {t('mfg.equipment.failNote')}
        </Text>
      )}
      <Textarea
        label={t('mfg.equipment.notes')}
        value={notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
        autosize
        minRows={2}
        error={fieldError(err, 'notes')}
        data-testid="equipment-event-notes"
      />
    </FormModal>
  );
}
