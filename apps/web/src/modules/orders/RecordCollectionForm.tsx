/** Records a collection for an order; the collected-at time is typed as site wall-clock time. */
import { Button, Card, Group, NativeSelect, NumberInput, Stack, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { COLLECTION_TYPES, type CollectionType } from '../../api/types';
import { useTimeZone } from '../../app/session';
import { ProblemAlert, fieldError } from '../../components/ProblemAlert';
import { useNowInput } from '../../lib/useNowInput';
import { useRecordCollection } from '../collections/collections.api';

export function RecordCollectionForm({ orderId }: { orderId: string }) {
  const { t } = useTranslation();
  const tz = useTimeZone();
  const record = useRecordCollection(orderId);
  const [type, setType] = useState<CollectionType>('apheresis');
  const collectedAt = useNowInput(tz);
  const [volume, setVolume] = useState<string | number>('');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const collectedIso = collectedAt.toIso();
    if (!collectedIso) return;
    const volumeMl = typeof volume === 'number' ? volume : undefined;
    record.mutate(
      { type, collectedAt: collectedIso, ...(volumeMl !== undefined ? { volumeMl } : {}) },
      {
        onSuccess: (c) => {
          notifications.show({ color: 'teal', message: t('orders.collectionRecorded', { din: c.din }) });
          setVolume('');
          collectedAt.reset();
        },
      },
    );
  };
  return (
    <Card withBorder>
      <Stack component="form" onSubmit={submit} data-testid="collection-form">
        <Title order={4}>{t('orders.recordCollection')}</Title>
        {record.error && <ProblemAlert error={record.error} />}
        <Group grow align="flex-start">
          <NativeSelect
            label={t('collections.type')}
            data={COLLECTION_TYPES.map((v) => ({ value: v, label: t(`collectionType.${v}`) }))}
            value={type}
            onChange={(e) => setType(e.currentTarget.value as CollectionType)}
            error={fieldError(record.error, 'type')}
            data-testid="collection-type"
          />
          <TextInput
            type="datetime-local"
            label={t('collections.collectedAt')}
            description={t('common.siteTime', { tz })}
            value={collectedAt.value}
            onChange={(e) => collectedAt.set(e.currentTarget.value)}
            required
            error={
              (collectedAt.valid ? undefined : t('common.invalidDateTime')) ?? fieldError(record.error, 'collectedAt')
            }
            data-testid="collection-collected-at"
          />
          <NumberInput
            label={t('collections.volumeMl')}
            description={t('common.optional')}
            value={volume}
            onChange={setVolume}
            min={0}
            decimalScale={1}
            suffix=" mL"
            error={fieldError(record.error, 'volumeMl')}
            data-testid="collection-volume"
          />
        </Group>
        <Group justify="flex-end">
          <Button
            type="submit"
            loading={record.isPending}
            disabled={!collectedAt.valid}
            data-testid="collection-submit"
          >
            {t('orders.recordCollection')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
