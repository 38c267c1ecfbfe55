/** Receive a lot of a material (materials:write): lot number, expiry (a day in the site's zone), quantity. */
import { NumberInput, SimpleGrid, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTimeZone } from '../../../app/session';
import { fieldError } from '../../../components/ProblemAlert';
import { endOfDayIso } from '../common/dates';
import { FormModal } from '../common/ModalForm';
import type { Material } from '../materials.types';
import { useReceiveLot } from './materials.api';

export function LotReceiveModal({
  material,
  opened,
  onClose,
}: {
  material: Material;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const tz = useTimeZone();
  const receive = useReceiveLot(material.id);
  const [lotNumber, setLotNumber] = useState('');
  const [expires, setExpires] = useState('');
  const [quantity, setQuantity] = useState<number | string>('');
  const close = () => {
    receive.reset();
    onClose();
  };
  const expiresAt = endOfDayIso(expires, tz);
  const submit = () => {
    if (!expiresAt || typeof quantity !== 'number') return;
    receive.mutate(
      { lotNumber: lotNumber.trim(), expiresAt, quantity },
      {
        onSuccess: (lot) => {
          notifications.show({ color: 'teal', message: t('mfg.lot.receivedNotice', { lot: lot.lotNumber }) });
          setLotNumber('');
          setExpires('');
          setQuantity('');
          close();
        },
      },
    );
  };
  const err = receive.error;
  return (
    <FormModal
      opened={opened}
      title={t('mfg.lot.receive')}
      size="lg"
      testId="lot-form"
      intro={
        <Text size="sm" c="dimmed">
          {t('mfg.lot.receiveHint', { code: material.code, name: material.name })}
        </Text>
      }
      error={err}
      errorTestId="lot-error"
      onSubmit={submit}
      onCancel={close}
      submitLabel={t('mfg.lot.receiveSubmit')}
      submitTestId="lot-submit"
      loading={receive.isPending}
      disabled={!expiresAt || typeof quantity !== 'number' || !lotNumber.trim()}
    >
      <TextInput
        label={t('mfg.lot.lotNumber')}
        value={lotNumber}
        onChange={(e) => setLotNumber(e.currentTarget.value)}
        required
        autoComplete="off"
        error={fieldError(err, 'lotNumber')}
        data-testid="lot-number"
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          type="date"
          label={t('mfg.lot.expiresAt')}
          description={t('common.siteTime', { tz })}
          value={expires}
          onChange={(e) => setExpires(e.currentTarget.value)}
          required
          error={fieldError(err, 'expiresAt')}
          data-testid="lot-expires"
        />
        <NumberInput
          label={t('mfg.lot.quantity')}
          description={material.unit}
          value={quantity}
          onChange={setQuantity}
          min={0}
          required
          error={fieldError(err, 'quantity')}
          data-testid="lot-quantity"
        />
      </SimpleGrid>
    </FormModal>
  );
}
