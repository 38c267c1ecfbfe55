/**
 * The materials of a step: scan a lot number (keyboard wedge), which is resolved to the lot and checked at
 * once (the right material, released, not expired, something left), then listed with the quantity used.
 * The server checks again when the step is completed; this only tells the operator early.
 */
import { NumberInput, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useTimeZone } from '../../../app/session';
import { localDay } from '../common/dates';
import { lotUnusableReason } from '../materials.types';
import { findLotsByNumber } from '../materials/materials.api';
import { ScanListField, ScannedCard } from './ScanListField';
import { uncoveredMaterials, type ScannedLot } from './stepLogic';

interface Props {
  /** Material codes the step needs (may be empty: any released lot can be added). */
  materials: string[];
  value: ScannedLot[];
  onChange: (lots: ScannedLot[]) => void;
}

export function LotScanField({ materials, value, onChange }: Props) {
  const { t } = useTranslation();
  const tz = useTimeZone();

  const onScan = async (text: string): Promise<string | null> => {
    const found = await findLotsByNumber(text);
    const fitting = materials.length ? found.filter((l) => materials.includes(l.materialCode)) : found;
    if (found.length === 0) return t('mfg.run.lotUnknown', { lot: text });
    const lot = fitting[0] ?? found[0];
    if (!lot) return t('mfg.run.lotUnknown', { lot: text });
    if (fitting.length > 1) return t('mfg.run.lotAmbiguous', { lot: text });
    if (materials.length && !materials.includes(lot.materialCode))
      return t('mfg.run.lotWrongMaterial', {
        lot: lot.lotNumber,
        material: lot.materialCode,
        needed: materials.join(', '),
      });
    if (value.some((l) => l.lot.id === lot.id)) return t('mfg.run.lotAlready', { lot: lot.lotNumber });
    const reason = lot.usable ? null : (lotUnusableReason(lot) ?? 'notUsable');
    if (reason) return t(`mfg.run.lotRefused.${reason}`, { lot: lot.lotNumber, date: localDay(lot.expiresAt, tz) });
    onChange([...value, { lot, quantity: 1 }]);
    return null;
  };

  return (
    <ScanListField
      testId="step-materials"
      needs={{
        title: t('mfg.run.materialsNeeded'),
        codes: materials,
        missing: uncoveredMaterials(materials, value),
        testId: 'material-need',
      }}
      scanLabel={t('mfg.run.scanLot')}
      scanTestId="lot-scan"
      onScan={onScan}
    >
      {value.map((s, i) => (
        <ScannedCard
          key={s.lot.id}
          testId="scanned-lot"
          dataset={{ 'data-lot-number': s.lot.lotNumber }}
          onRemove={() => onChange(value.filter((_, j) => j !== i))}
          removeTestId="scanned-lot-remove"
          inputs={
            <NumberInput
              size="lg"
              w={150}
              label={t('mfg.run.quantity')}
              value={s.quantity}
              min={0}
              max={s.lot.quantityOnHand}
              rightSection={<Text size="xs">{s.lot.unit}</Text>}
              rightSectionWidth={56}
              onChange={(q) => onChange(value.map((x, j) => (j === i ? { ...x, quantity: q } : x)))}
              data-testid="scanned-lot-quantity"
            />
          }
        >
          <Text ff="monospace" fw={700} size="lg">
            {s.lot.lotNumber}
          </Text>
          <Text size="sm" c="dimmed">
            {s.lot.materialCode} · {s.lot.materialName} ·{' '}
            {t('mfg.run.lotFacts', {
              date: localDay(s.lot.expiresAt, tz),
              onHand: s.lot.quantityOnHand,
              unit: s.lot.unit,
            })}
          </Text>
        </ScannedCard>
      ))}
    </ScanListField>
  );
}
