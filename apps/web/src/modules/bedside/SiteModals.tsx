/**
 * At the clinical site: upload the data logger's file, receive the product (scan its DIN, read the dry
 * shipper's temperature) and store it. Each refusal (a wrong bag, a time before departure) stays in the form.
 */
import { FileInput, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTimeZone } from '../../app/session';
import { fieldError } from '../../components/ProblemAlert';
import { useNowInput } from '../../lib/useNowInput';
import { FormModal } from '../manufacturing/common/ModalForm';
import { useReceiveShipment, useStoreShipment, useUploadLogger } from './bedside.api';
import type { ShipmentDetail } from './bedside.types';
import { DinScanInput, SiteTimeInput, TemperatureInput } from './fields';

interface ModalProps {
  shipment: ShipmentDetail;
  onClose: () => void;
}

export function LoggerUploadModal({ shipment, onClose }: ModalProps) {
  const { t } = useTranslation();
  const upload = useUploadLogger(shipment.id);
  const [loggerId, setLoggerId] = useState('');
  const [csv, setCsv] = useState('');
  const readFile = async (file: File | null) => setCsv(file ? await file.text() : '');
  return (
    <FormModal
      opened
      title={t('bedside.logger.uploadTitle', { number: shipment.number })}
      size="lg"
      testId="logger-upload"
      error={upload.error}
      errorTestId="logger-upload-error"
      onSubmit={() => upload.mutate({ loggerId, csv }, { onSuccess: onClose })}
      onCancel={onClose}
      submitLabel={t('bedside.logger.upload')}
      submitTestId="logger-upload-submit"
      loading={upload.isPending}
    >
      <TextInput
        label={t('bedside.logger.loggerId')}
        value={loggerId}
        onChange={(e) => setLoggerId(e.currentTarget.value)}
        required
        error={fieldError(upload.error, 'loggerId')}
        data-testid="logger-id"
      />
      <FileInput
        label={t('bedside.logger.file')}
        description={t('bedside.logger.fileHint')}
        accept=".csv,text/csv,text/plain"
        onChange={(f) => void readFile(f)}
        data-testid="logger-file"
      />
      <Textarea
        label={t('bedside.logger.csv')}
        value={csv}
        onChange={(e) => setCsv(e.currentTarget.value)}
        rows={8}
        styles={{ input: { fontFamily: 'monospace' } }}
        data-testid="logger-csv"
      />
    </FormModal>
  );
}

export function ReceiptModal({ shipment, onClose }: ModalProps) {
  const { t } = useTranslation();
  const tz = useTimeZone();
  const receive = useReceiveShipment(shipment.id);
  const receivedAt = useNowInput(tz);
  const [scannedDin, setScannedDin] = useState('');
  const [temperature, setTemperature] = useState<number | string>('');
  const [location, setLocation] = useState(shipment.toLocation);
  const submit = () =>
    receive.mutate(
      { scannedDin, receivedAt: receivedAt.toIso() ?? '', temperatureC: Number(temperature), location },
      { onSuccess: onClose },
    );
  return (
    <FormModal
      opened
      title={t('bedside.receipt.title', { number: shipment.number })}
      testId="receipt-form"
      error={receive.error}
      errorTestId="receipt-error"
      onSubmit={submit}
      onCancel={onClose}
      submitLabel={t('bedside.receipt.submit')}
      submitTestId="receipt-submit"
      loading={receive.isPending}
      disabled={temperature === '' || !scannedDin.trim()}
    >
      <DinScanInput
        label={t('bedside.receipt.scan')}
        value={scannedDin}
        onChange={setScannedDin}
        autoFocus
        error={fieldError(receive.error, 'scannedDin')}
        testId="receipt-scan"
      />
      <TemperatureInput
        label={t('bedside.receipt.temperature')}
        description={t('bedside.receipt.temperatureHint')}
        value={temperature}
        onChange={setTemperature}
        required
        error={fieldError(receive.error, 'temperatureC')}
        testId="receipt-temperature"
      />
      <SiteTimeInput
        label={t('bedside.receipt.at')}
        input={receivedAt}
        error={fieldError(receive.error, 'receivedAt')}
        testId="receipt-at"
      />
      <TextInput
        label={t('bedside.receipt.location')}
        value={location}
        onChange={(e) => setLocation(e.currentTarget.value)}
        data-testid="receipt-location"
      />
    </FormModal>
  );
}

export function StorageModal({ shipment, onClose }: ModalProps) {
  const { t } = useTranslation();
  const tz = useTimeZone();
  const store = useStoreShipment(shipment.id);
  const storedAt = useNowInput(tz);
  const [scannedDin, setScannedDin] = useState('');
  const [location, setLocation] = useState('');
  const [temperature, setTemperature] = useState<number | string>('');
  const submit = () =>
    store.mutate(
      {
        scannedDin,
        storedAt: storedAt.toIso() ?? '',
        location,
        ...(temperature === '' ? {} : { temperatureC: Number(temperature) }),
      },
      { onSuccess: onClose },
    );
  return (
    <FormModal
      opened
      title={t('bedside.storage.title', { number: shipment.number })}
      testId="storage-form"
      error={store.error}
      errorTestId="storage-error"
      onSubmit={submit}
      onCancel={onClose}
      submitLabel={t('bedside.storage.submit')}
      submitTestId="storage-submit"
      loading={store.isPending}
    >
      <DinScanInput
        label={t('bedside.receipt.scan')}
        value={scannedDin}
        onChange={setScannedDin}
        autoFocus
        error={fieldError(store.error, 'scannedDin')}
        testId="storage-scan"
      />
      <TextInput
        label={t('bedside.storage.location')}
        description={t('bedside.storage.locationHint')}
        value={location}
        onChange={(e) => setLocation(e.currentTarget.value)}
        required
        error={fieldError(store.error, 'location')}
        data-testid="storage-location"
      />
      <TemperatureInput
        label={t('bedside.storage.temperature')}
        value={temperature}
        onChange={setTemperature}
        testId="storage-temperature"
      />
      <SiteTimeInput
        label={t('bedside.storage.at')}
        input={storedAt}
        error={fieldError(store.error, 'storedAt')}
        testId="storage-at"
      />
    </FormModal>
  );
}
