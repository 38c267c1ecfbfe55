/**
 * Ship a released product: choose the certified batch, scan its label (the DIN must be the product's),
 * name the courier and dry shipper, where it goes and when it left. The expiry is not typed here: it is
 * the one the QP certified, shown for the chosen batch.
 */
import { Select, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSession, useTimeZone } from '../../app/session';
import { fieldError } from '../../components/ProblemAlert';
import { DateTime } from '../../components/DateTime';
import { useNowInput } from '../../lib/useNowInput';
import { useBatches } from '../manufacturing/batches/batches.api';
import { FormModal } from '../manufacturing/common/ModalForm';
import { useCreateShipment } from './bedside.api';
import { DinScanInput, SiteTimeInput } from './fields';

function useShippableBatches() {
  const released = useBatches({ status: 'released' });
  const conditional = useBatches({ status: 'conditionally_released' });
  return [...(released.data?.items ?? []), ...(conditional.data?.items ?? [])].filter(
    (b) => b.productType === 'autologous',
  );
}

export function ShipmentCreateModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const tz = useTimeZone();
  const { site } = useSession();
  const navigate = useNavigate();
  const batches = useShippableBatches();
  const create = useCreateShipment();
  const departedAt = useNowInput(tz);
  const [form, setForm] = useState({
    batchId: '',
    scannedDin: '',
    courier: '',
    shipperId: '',
    fromLocation: site?.name ?? '',
    toLocation: '',
  });
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const submit = () => {
    create.mutate(
      { ...form, departedAt: departedAt.toIso() ?? '' },
      { onSuccess: (s) => void navigate(`/bedside/shipments/${s.id}`) },
    );
  };
  const error = create.error;
  const chosen = batches.find((b) => b.id === form.batchId);
  const textField = (
    key: 'courier' | 'shipperId' | 'fromLocation' | 'toLocation',
    label: string,
    testId: string,
    description?: string,
  ) => (
    <TextInput
      label={label}
      description={description}
      value={form[key]}
      onChange={(e) => set(key)(e.currentTarget.value)}
      required
      error={fieldError(error, key)}
      data-testid={testId}
    />
  );
  return (
    <FormModal
      opened={opened}
      title={t('bedside.create.title')}
      size="lg"
      testId="shipment-create"
      error={error}
      errorTestId="shipment-create-error"
      onSubmit={submit}
      onCancel={onClose}
      submitLabel={t('bedside.create.submit')}
      submitTestId="shipment-create-submit"
      loading={create.isPending}
    >
      <Select
        label={t('bedside.create.batch')}
        description={t('bedside.create.batchHint')}
        data={batches.map((b) => ({ value: b.id, label: `${b.batchNumber} · ${b.product} · ${b.subjectCode ?? ''}` }))}
        value={form.batchId || null}
        onChange={(v) => set('batchId')(v ?? '')}
        searchable
        required
        nothingFoundMessage={t('bedside.create.noBatches')}
        error={fieldError(error, 'batchId')}
        data-testid="shipment-batch"
      />
      <DinScanInput
        label={t('bedside.create.scan')}
        value={form.scannedDin}
        onChange={set('scannedDin')}
        error={fieldError(error, 'scannedDin')}
        testId="shipment-scan"
      />
      {textField('courier', t('bedside.field.courier'), 'shipment-courier')}
      {textField('shipperId', t('bedside.field.shipperId'), 'shipment-shipper')}
      {textField('fromLocation', t('bedside.field.from'), 'shipment-from')}
      {textField('toLocation', t('bedside.field.to'), 'shipment-to', t('bedside.create.toHint'))}
      <SiteTimeInput
        label={t('bedside.field.departedAt')}
        input={departedAt}
        error={fieldError(error, 'departedAt')}
        testId="shipment-departed"
      />
      {chosen && (
        <div>
          <Text size="sm" fw={500}>
            {t('bedside.create.expiry')}
          </Text>
          <Text size="sm" data-testid="shipment-expires">
            <DateTime value={chosen.productExpiresAt} />
          </Text>
          <Text size="xs" c="dimmed">
            {t('bedside.create.expiresHint')}
          </Text>
        </div>
      )}
    </FormModal>
  );
}
