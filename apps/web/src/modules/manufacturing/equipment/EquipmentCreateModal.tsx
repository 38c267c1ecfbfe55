/** Register a unit (equipment:write): code, name, type, location, calibration due, maintenance due. */
import { Button, Group, Modal, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useTimeZone } from '../../../app/session';
import { fieldError } from '../../../components/ProblemAlert';
import { dayFromToday, endOfDayIso } from '../common/dates';
import { RefusalAlert } from '../common/RefusalAlert';
import { EQUIPMENT_TYPES } from '../equipment.types';
import { useRegisterEquipment } from './equipment.api';

export function EquipmentCreateModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const tz = useTimeZone();
  const register = useRegisterEquipment();
  const empty = () => ({
    code: '',
    name: '',
    type: '',
    location: '',
    calibrationDue: dayFromToday(tz, 365),
    maintenanceDue: '',
  });
  const [f, setF] = useState(empty);
  const set = (key: keyof ReturnType<typeof empty>, value: string) => setF((prev) => ({ ...prev, [key]: value }));
  const close = () => {
    register.reset();
    onClose();
  };
  const calibrationDueAt = endOfDayIso(f.calibrationDue, tz);
  const maintenanceDueAt = f.maintenanceDue ? endOfDayIso(f.maintenanceDue, tz) : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!calibrationDueAt) return;
    register.mutate(
      {
        code: f.code.trim(),
        name: f.name.trim(),
        type: f.type.trim(),
        calibrationDueAt,
        ...(f.location.trim() ? { location: f.location.trim() } : {}),
        ...(maintenanceDueAt ? { maintenanceDueAt } : {}),
      },
      {
        onSuccess: (unit) => {
          notifications.show({ color: 'teal', message: t('mfg.equipment.registeredNotice', { code: unit.code }) });
          setF(empty());
          close();
        },
      },
    );
  };
  const err = register.error;
  return (
    <Modal opened={opened} onClose={close} title={t('mfg.equipment.register')} centered size="lg">
      <Stack component="form" onSubmit={submit} data-testid="equipment-form">
        {err && <RefusalAlert error={err} testId="equipment-error" />}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('mfg.equipment.code')}
            value={f.code}
            onChange={(e) => set('code', e.currentTarget.value.toUpperCase())}
            required
            error={fieldError(err, 'code')}
            data-testid="equipment-code"
          />
          <NativeSelect
            label={t('mfg.equipment.type')}
            data={[
              { value: '', label: t('common.choose'), disabled: true },
              ...EQUIPMENT_TYPES.map((v) => ({ value: v, label: t(`mfg.equipmentType.${v}`) })),
            ]}
            value={f.type}
            onChange={(e) => set('type', e.currentTarget.value)}
            required
            error={fieldError(err, 'type')}
            data-testid="equipment-type"
          />
        </SimpleGrid>
        <TextInput
          label={t('mfg.equipment.name')}
          value={f.name}
          onChange={(e) => set('name', e.currentTarget.value)}
          required
          error={fieldError(err, 'name')}
          data-testid="equipment-name"
        />
        <TextInput
          label={t('mfg.equipment.location')}
          value={f.location}
          onChange={(e) => set('location', e.currentTarget.value)}
          error={fieldError(err, 'location')}
          data-testid="equipment-location"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="date"
            label={t('mfg.equipment.calibrationDue')}
            description={t('common.siteTime', { tz })}
            value={f.calibrationDue}
            onChange={(e) => set('calibrationDue', e.currentTarget.value)}
            required
            error={fieldError(err, 'calibrationDueAt')}
            data-testid="equipment-calibration-due"
          />
          <TextInput
            type="date"
            label={t('mfg.equipment.maintenanceDue')}
            description={t('common.optional')}
            value={f.maintenanceDue}
            onChange={(e) => set('maintenanceDue', e.currentTarget.value)}
            error={fieldError(err, 'maintenanceDueAt')}
            data-testid="equipment-maintenance-due"
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            loading={register.isPending}
            disabled={!calibrationDueAt || !f.type}
            data-testid="equipment-submit"
          >
            {t('mfg.equipment.registerSubmit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
