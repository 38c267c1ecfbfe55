/**
 * The equipment of a step: scan an equipment code (keyboard wedge), resolved to the unit and checked at
 * once (a type the step needs, calibrated, not in maintenance, not held by another batch).
 */
import { ActionIcon, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useTimeZone } from '../../../app/session';
import { StatusBadge } from '../common/badges';
import { localDay } from '../common/dates';
import type { Equipment } from '../equipment.types';
import { findEquipmentByCode } from '../equipment/equipment.api';
import { ScanField } from './ScanField';
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
  const missing = uncoveredTypes(types, value);
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
    <Stack gap="sm" data-testid="step-equipment" data-missing={missing.join(',')}>
      {types.length > 0 && (
        <Group gap="xs">
          <Text size="md" fw={600}>
            {t('mfg.run.equipmentNeeded')}
          </Text>
          {types.map((type) => {
            const ok = !missing.includes(type);
            return (
              <Badge
                key={type}
                size="lg"
                color={ok ? 'teal' : 'gray'}
                variant={ok ? 'filled' : 'outline'}
                tt="none"
                data-testid="equipment-need"
                data-covered={String(ok)}
              >
                {ok ? '✓ ' : ''}
                {typeName(type)}
              </Badge>
            );
          })}
        </Group>
      )}
      <ScanField label={t('mfg.run.scanEquipment')} onScan={onScan} testId="equipment-scan" />
      {value.map((u) => (
        <Card key={u.id} withBorder padding="sm" data-testid="scanned-equipment" data-code={u.code}>
          <Group justify="space-between" wrap="nowrap">
            <div>
              <Group gap="xs">
                <Text ff="monospace" fw={700} size="lg">
                  {u.code}
                </Text>
                <StatusBadge kind="equipmentStatus" value={u.status} />
              </Group>
              <Text size="sm" c="dimmed">
                {u.name} · {typeName(u.type)} ·{' '}
                {t('mfg.run.calibratedUntil', { date: localDay(u.calibrationDueAt, tz) })}
              </Text>
            </div>
            <ActionIcon
              size="xl"
              variant="subtle"
              color="red"
              onClick={() => onChange(value.filter((x) => x.id !== u.id))}
              aria-label={t('mfg.run.remove')}
              data-testid="scanned-equipment-remove"
            >
              ✕
            </ActionIcon>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
