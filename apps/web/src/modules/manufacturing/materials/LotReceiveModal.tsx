/** Receive a lot of a material (materials:write): lot number, expiry (a day in the site's zone), quantity. */
import { Button, Group, Modal, NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useTimeZone } from '../../../app/session';
import { fieldError } from '../../../components/ProblemAlert';
import { endOfDayIso } from '../common/dates';
import { RefusalAlert } from '../common/RefusalAlert';
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
  const submit = (e: FormEvent) => {
    e.preventDefault();
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
    <Modal opened={opened} onClose={close} title={t('mfg.lot.receive')} centered size="lg">
      <Stack component="form" onSubmit={submit} data-testid="lot-form">
        <Text size="sm" c="dimmed">
          {t('mfg.lot.receiveHint', { code: material.code, name: material.name })}
        </Text>
        {err && <RefusalAlert error={err} testId="lot-error" />}
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
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            loading={receive.isPending}
            disabled={!expiresAt || typeof quantity !== 'number' || !lotNumber.trim()}
            data-testid="lot-submit"
          >
            {t('mfg.lot.receiveSubmit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
