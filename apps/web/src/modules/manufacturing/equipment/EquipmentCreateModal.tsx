/** Register a unit (equipment:write): code, name, type, location, calibration due, maintenance due. */
import { SimpleGrid, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTimeZone } from '../../../app/session';
import { fieldError } from '../../../components/ProblemAlert';
import { dayFromToday, endOfDayIso } from '../common/dates';
import { CodeInput } from '../common/CodeInput';
import { ChoiceSelect } from '../common/CodeSelect';
import { FormModal } from '../common/ModalForm';
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
  const submit = () => {
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
    <FormModal
      opened={opened}
      title={t('mfg.equipment.register')}
      size="lg"
      testId="equipment-form"
      error={err}
      errorTestId="equipment-error"
      onSubmit={submit}
      onCancel={close}
      submitLabel={t('mfg.equipment.registerSubmit')}
      submitTestId="equipment-submit"
      loading={register.isPending}
      disabled={!calibrationDueAt || !f.type}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <CodeInput
          label={t('mfg.equipment.code')}
          value={f.code}
          onChange={(code) => set('code', code)}
          error={fieldError(err, 'code')}
          testId="equipment-code"
        />
        <ChoiceSelect
          label={t('mfg.equipment.type')}
          codes={EQUIPMENT_TYPES}
          wordOf={(v) => t(`mfg.equipmentType.${v}`)}
          value={f.type}
          onChange={(type) => set('type', type)}
          required
          error={fieldError(err, 'type')}
          testId="equipment-type"
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
    </FormModal>
  );
}
