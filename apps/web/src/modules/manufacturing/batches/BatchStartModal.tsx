/**
 * Start a batch (batches:execute) from an effective process in a clean room. An autologous process needs
 * the patient's order (one patient per batch) and a scan of the patient's bag, which must be the order's
 * collection (its DIN); the operator confirms line clearance. The server receives the bag into the batch.
 */
import { Alert, Button, Checkbox, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../../api/client';
import type { Items, Order } from '../../../api/types';
import { useSession } from '../../../app/session';
import { fieldError } from '../../../components/ProblemAlert';
import { readScan, ScanInput } from '../../custody/ScanInput';
import { useCollections } from '../../collections/collections.api';
import { RefusalAlert } from '../common/RefusalAlert';
import { useRooms } from '../facility/facility.api';
import { useProcesses } from '../processes/processes.api';
import { useStartBatch } from './batches.api';

/** The bag scan checked against the order's collections; `raw` is sent as scanned for the server to re-read. */
type BagCheck = { state: 'none' } | { state: 'match'; din: string; raw: string } | { state: 'mismatch'; din: string };

function BagScan({ orderId, check, onCheck }: { orderId: string; check: BagCheck; onCheck: (c: BagCheck) => void }) {
  const { t } = useTranslation();
  const collections = useCollections(orderId);
  const [scan, setScan] = useState('');
  const dins = (collections.data?.items ?? []).map((c) => c.din);
  return (
    <Stack gap="xs">
      {collections.isSuccess && dins.length === 0 && (
        <Alert color="red" variant="light" data-testid="bag-no-collection">
          {t('mfg.batch.noCollection')}
        </Alert>
      )}
      <ScanInput
        label={t('mfg.batch.scanBag')}
        description={t('mfg.batch.scanBagHint')}
        value={scan}
        onChange={(v) => {
          setScan(v);
          onCheck({ state: 'none' });
        }}
        onEnter={(r) => {
          if (r.error) return;
          onCheck(dins.includes(r.din) ? { state: 'match', din: r.din, raw: scan } : { state: 'mismatch', din: r.din });
        }}
        mode="verify"
        testId="batch-bag-scan"
        required
        error={check.state === 'mismatch' ? t('mfg.batch.bagMismatch', { din: check.din }) : undefined}
      />
      {check.state === 'match' && (
        <Text c="teal.8" fw={600} data-testid="bag-match">
          ✓ {t('mfg.batch.bagMatch', { din: check.din })}
        </Text>
      )}
      {check.state === 'none' && scan.trim() && !readScan(scan, 'verify').error && (
        <Text size="sm" c="dimmed">
          {t('mfg.batch.pressEnter')}
        </Text>
      )}
    </Stack>
  );
}

export function BatchStartModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = useSession();
  const processes = useProcesses({ status: 'effective' }, opened);
  const rooms = useRooms(opened);
  const start = useStartBatch();
  const [processId, setProcessId] = useState<string | null>(null);
  const [roomId, setRoomId] = useState<string | null>(null);
  const [orderId, setOrderId] = useState<string | null>(null);
  const [bag, setBag] = useState<BagCheck>({ state: 'none' });
  const [clearance, setClearance] = useState(false);
  const process = processes.data?.items.find((p) => p.id === processId);
  const autologous = process?.productType === 'autologous';
  // Same key as the orders module's list, so both share what was read.
  const orders = useQuery({
    queryKey: ['orders', { patientId: null }],
    queryFn: () => api.get<Items<Order>>('/orders'),
    enabled: opened && autologous && can('orders:read'),
  });
  const ready = !!process && !!roomId && clearance && (!autologous || (!!orderId && bag.state === 'match'));

  const close = () => {
    start.reset();
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!ready || !processId || !roomId) return;
    start.mutate(
      {
        processId,
        roomId,
        ...(autologous && orderId ? { orderId } : {}),
        ...(autologous && bag.state === 'match' ? { scannedDin: bag.raw } : {}),
      },
      { onSuccess: (b) => void navigate(`/manufacturing/batches/${b.id}`) },
    );
  };
  const err = start.error;
  const openOrders = (orders.data?.items ?? []).filter((o) => o.status !== 'cancelled' && o.status !== 'infused');
  return (
    <Modal opened={opened} onClose={close} title={t('mfg.batch.start')} centered size="xl">
      <Stack component="form" onSubmit={submit} data-testid="batch-start-form">
        {err && <RefusalAlert error={err} testId="batch-start-error" />}
        <Select
          size="lg"
          label={t('mfg.batch.process')}
          placeholder={t('common.choose')}
          data={(processes.data?.items ?? []).map((p) => ({
            value: p.id,
            label: `${p.code} v${p.version} · ${p.name} (${t(`mfg.productType.${p.productType}`)})`,
          }))}
          value={processId}
          onChange={(v) => {
            setProcessId(v);
            setOrderId(null);
            setBag({ state: 'none' });
          }}
          searchable
          required
          comboboxProps={{ withinPortal: false }}
          error={fieldError(err, 'processId')}
          data-testid="batch-process"
        />
        <Select
          size="lg"
          label={t('mfg.batch.room')}
          placeholder={t('common.choose')}
          data={(rooms.data?.items ?? []).map((r) => ({
            value: r.id,
            label: `${r.code} · ${r.name} · ${t('mfg.room.gradeValue', { grade: r.grade })} · ${t(`mfg.roomStatus.${r.status}`)}`,
            disabled: r.status !== 'clean',
          }))}
          value={roomId}
          onChange={setRoomId}
          searchable
          required
          comboboxProps={{ withinPortal: false }}
          description={t('mfg.batch.roomHint')}
          error={fieldError(err, 'roomId')}
          data-testid="batch-room"
        />
        {autologous && (
          <>
            <Select
              size="lg"
              label={t('mfg.batch.order')}
              placeholder={t('common.choose')}
              description={can('orders:read') ? t('mfg.batch.orderHint') : undefined}
              data={openOrders.map((o) => ({ value: o.id, label: `${o.coi} · ${o.subjectCode} · ${o.studyCode}` }))}
              value={orderId}
              onChange={(v) => {
                setOrderId(v);
                setBag({ state: 'none' });
              }}
              searchable
              required
              comboboxProps={{ withinPortal: false }}
              error={fieldError(err, 'orderId')}
              data-testid="batch-order"
            />
            {orderId && <BagScan key={orderId} orderId={orderId} check={bag} onCheck={setBag} />}
          </>
        )}
        <Checkbox
          size="lg"
          label={t('mfg.batch.lineClearance')}
          description={t('mfg.batch.lineClearanceHint')}
          checked={clearance}
          onChange={(e) => setClearance(e.currentTarget.checked)}
          data-testid="batch-line-clearance"
        />
        <Group justify="flex-end">
          <Button variant="default" size="lg" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" size="lg" loading={start.isPending} disabled={!ready} data-testid="batch-start-submit">
            {t('mfg.batch.startSubmit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
