/**
 * The equipment of a step: scan an equipment code (keyboard wedge), resolved to the unit and checked at
 * once (a type the step needs, calibrated, not in maintenance, not held by another batch).
 */
import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useTimeZone } from '../../../app/session';
import { StatusBadge } from '../common/badges';
import { localDay } from '../common/dates';
import type { Equipment } from '../equipment.types';
import { findEquipmentByCode } from '../equipment/equipment.api';
import { ScanListField, ScannedCard } from './ScanListField';
import { uncoveredTypes } from './stepLogic';

interface Props {
  batchId: string;
  types: string[];
  value: Equipment[];
  onChange: (units: Equipment[]) => void;
}

export function EquipmentScanField({ batchId, types, value, onChange }: Props) {
  const { t } = useTranslation();
  const tz = useTimeZone();
  const typeName = (type: string) => t(`mfg.equipmentType.${type}`, { defaultValue: type });

  const onScan = async (text: string): Promise<string | null> => {
    const unit = await findEquipmentByCode(text);
    if (!unit) return t('mfg.run.equipmentUnknown', { code: text });
    if (types.length && !types.includes(unit.type))
      return t('mfg.run.equipmentWrongType', {
        code: unit.code,
        type: typeName(unit.type),
        needed: types.map(typeName).join(t('common.listSeparator')),
      });
    if (value.some((u) => u.id === unit.id)) return t('mfg.run.equipmentAlready', { code: unit.code });
    if (unit.status === 'out_of_calibration')
      return t('mfg.run.equipmentRefused.out_of_calibration', {
        code: unit.code,
        date: localDay(unit.calibrationDueAt, tz),
      });
    if (unit.status === 'maintenance') return t('mfg.run.equipmentRefused.maintenance', { code: unit.code });
    if (unit.status === 'in_use' && unit.inUseByBatchId && unit.inUseByBatchId !== batchId)
      return t('mfg.run.equipmentRefused.in_use', { code: unit.code });
    onChange([...value, unit]);
    return null;
  };

  return (
    <ScanListField
      testId="step-equipment"
      needs={{
        title: t('mfg.run.equipmentNeeded'),
        codes: types,
        missing: uncoveredTypes(types, value),
        nameOf: typeName,
        testId: 'equipment-need',
      }}
      scanLabel={t('mfg.run.scanEquipment')}
      scanTestId="equipment-scan"
      onScan={onScan}
    >
      {value.map((u) => (
        <ScannedCard
          key={u.id}
          testId="scanned-equipment"
          dataset={{ 'data-code': u.code }}
          onRemove={() => onChange(value.filter((x) => x.id !== u.id))}
          removeTestId="scanned-equipment-remove"
        >
          <Group gap="xs">
            <Text ff="monospace" fw={700} size="lg">
              {u.code}
            </Text>
            <StatusBadge kind="equipmentStatus" value={u.status} />
          </Group>
          <Text size="sm" c="dimmed">
            {u.name} · {typeName(u.type)} · {t('mfg.run.calibratedUntil', { date: localDay(u.calibrationDueAt, tz) })}
          </Text>
        </ScannedCard>
      ))}
    </ScanListField>
  );
}
