/** One shipment: where the product is, its temperatures and excursions, its custody, the bedside checks and the infusion. */
import { Anchor, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../app/session';
import { DateTime } from '../../components/DateTime';
import { Field } from '../../components/Field';
import { SignaturesList } from '../../components/SignaturesList';
import { EmptyHint, QueryView } from '../../components/states';
import { exceptionText } from '../custody/exceptionText';
import { useShipment } from './bedside.api';
import type { ShipmentDetail } from './bedside.types';
import { millions, rangeText } from './duration';
import { ShipmentStatusBadge } from './ShipmentStatusBadge';
import { LoggerUploadModal, ReceiptModal, StorageModal } from './SiteModals';
import { ExcursionAlert, TemperatureChart } from './TemperatureChart';

type Open = 'logger' | 'receipt' | 'storage' | null;

function Facts({ s }: { s: ShipmentDetail }) {
  const { t } = useTranslation();
  return (
    <Card withBorder>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Field label={t('bedside.field.product')}>{s.product}</Field>
        <Field label={t('bedside.field.batch')} mono>
          {s.batchNumber} ({t(`bedside.batchStatus.${s.batchStatus}`, { defaultValue: s.batchStatus })})
        </Field>
        <Field label="DIN" mono testId="shipment-din">
          {s.din}
        </Field>
        <Field label={t('bedside.field.subject')} mono>
          <Anchor component={Link} to={`/orders/${s.orderId}`} ff="monospace">
            {s.subjectCode} · {s.coi}
          </Anchor>
        </Field>
        <Field label={t('bedside.field.courier')}>
          {s.courier} · {t('bedside.field.shipperId')} {s.shipperId}
        </Field>
        <Field label={t('bedside.field.range')}>
          <Text size="sm" title={s.range.basis}>
            {rangeText(s.range)}
          </Text>
        </Field>
        <Field label={t('bedside.field.from')}>{s.fromLocation}</Field>
        <Field label={t('bedside.field.to')}>{s.toLocation}</Field>
        <Field label={t('bedside.field.expiresAt')}>
          <DateTime value={s.expiresAt} />
        </Field>
        <Field label={t('bedside.field.departedAt')}>
          <DateTime value={s.departedAt} />
        </Field>
        <Field label={t('bedside.field.receivedAt')}>
          {s.receivedAt ? (
            <>
              <DateTime value={s.receivedAt} /> · {s.arrivalTemperatureC} °C · {s.receivedBy}
            </>
          ) : (
            '—'
          )}
        </Field>
        <Field label={t('bedside.field.storage')}>
          {s.storedAt ? (
            <>
              {s.storageLocation} · <DateTime value={s.storedAt} />
            </>
          ) : (
            '—'
          )}
        </Field>
      </SimpleGrid>
    </Card>
  );
}

/** "Where · from → to"; a party that is the place itself (the facility shipping) is not said twice. */
export function custodyPlace(e: Pick<ShipmentDetail['custody'][number], 'location' | 'fromParty' | 'toParty'>): string {
  const from = e.fromParty && e.fromParty !== e.location ? e.fromParty : null;
  const start = [e.location, from].filter(Boolean).join(' · ');
  if (!e.toParty) return start;
  return start ? `${start} → ${e.toParty}` : e.toParty;
}

function Custody({ s }: { s: ShipmentDetail }) {
  const { t, i18n } = useTranslation();
  return (
    <Table data-testid="shipment-custody">
      <Table.Tbody>
        {s.custody.map((e) => (
          <Table.Tr key={e.id} data-type={e.type}>
            <Table.Td>{t(`custodyType.${e.type}`, { defaultValue: e.type })}</Table.Td>
            <Table.Td>
              <DateTime value={e.occurredAt} />
            </Table.Td>
            <Table.Td>{custodyPlace(e)}</Table.Td>
            <Table.Td>{e.temperatureC !== null ? `${e.temperatureC} °C` : ''}</Table.Td>
            <Table.Td>{e.recordedBy}</Table.Td>
          </Table.Tr>
        ))}
        {s.custodyExceptions.map((x) => (
          <Table.Tr key={x.id} bg="red.0" data-testid="shipment-exception">
            <Table.Td c="red.8">
              {t('bedside.refused', { type: t(`custodyType.${x.type}`, { defaultValue: x.type }) })}
            </Table.Td>
            <Table.Td>
              <DateTime value={x.createdAt} />
            </Table.Td>
            <Table.Td colSpan={2}>
              <Text size="sm">{exceptionText(x, i18n)}</Text>
            </Table.Td>
            <Table.Td>{x.recordedBy}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Administration({ s }: { s: ShipmentDetail }) {
  const { t } = useTranslation();
  if (!s.verifications.length && !s.infusion)
    return <EmptyHint title={t('bedside.noVerification')} description={t('bedside.noVerificationHint')} />;
  return (
    <Stack>
      {s.verifications.map((v) => (
        <Card withBorder key={v.id} data-testid="verification-card">
          <Text fw={600}>
            {t('bedside.verification.done', { first: v.verifiedBy, second: v.secondVerifier })} ·{' '}
            <DateTime value={v.verifiedAt} />
          </Text>
          <Text size="sm" ff="monospace">
            {v.subjectCode} · DIN {v.din} · {v.coi}
          </Text>
          <SignaturesList signatures={v.signatures} testId="verification-signatures" />
        </Card>
      ))}
      {s.infusion && (
        <Card withBorder data-testid="infusion-card">
          <Text fw={600}>
            {t('bedside.infusion.recorded', {
              cells: millions(s.infusion.dose.carPositiveCells),
              perKg: millions(s.infusion.dose.cellsPerKg),
            })}
          </Text>
          <Text size="sm">
            <DateTime value={s.infusion.startedAt} /> – <DateTime value={s.infusion.endedAt} /> · {s.infusion.location}{' '}
            · {s.infusion.recordedBy}
          </Text>
          <SignaturesList signatures={s.infusion.signatures} testId="infusion-signatures" />
        </Card>
      )}
    </Stack>
  );
}

function Actions({ s, open }: { s: ShipmentDetail; open: (o: Open) => void }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const atSite = s.status === 'received' || s.status === 'stored';
  return (
    <Group>
      {can('shipments:write') && !s.logger && (
        <Button variant="light" onClick={() => open('logger')} data-testid="logger-open">
          {t('bedside.logger.upload')}
        </Button>
      )}
      {can('shipments:write') && s.status === 'in_transit' && (
        <Button onClick={() => open('receipt')} data-testid="receipt-open">
          {t('bedside.receipt.open')}
        </Button>
      )}
      {can('shipments:write') && atSite && (
        <Button variant="light" onClick={() => open('storage')} data-testid="storage-open">
          {t('bedside.storage.open')}
        </Button>
      )}
      {can('infusions:write') && atSite && (
        <Button component={Link} to={`/bedside/shipments/${s.id}/bedside`} color="grape" data-testid="bedside-open">
          {t('bedside.verification.open')}
        </Button>
      )}
    </Group>
  );
}

export function ShipmentDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useShipment(id);
  const [open, setOpen] = useState<Open>(null);
  return (
    <Stack data-testid="shipment-detail">
      <Anchor component={Link} to="/bedside/shipments" size="sm">
        ← {t('bedside.title')}
      </Anchor>
      <QueryView query={query}>
        {(s) => (
          <Stack>
            <Group>
              <Title order={2} ff="monospace">
                {s.number}
              </Title>
              <ShipmentStatusBadge status={s.status} />
            </Group>
            <Actions s={s} open={setOpen} />
            <Facts s={s} />
            <Title order={3}>{t('bedside.logger.title')}</Title>
            <Card withBorder>
              {s.logger ? (
                <Stack>
                  <Text size="sm" c="dimmed">
                    {t('bedside.logger.uploaded', {
                      loggerId: s.logger.loggerId,
                      by: s.logger.uploadedBy,
                      count: s.logger.readings.length,
                    })}
                  </Text>
                  <ExcursionAlert summary={s.logger.summary} range={s.range} deviations={s.deviations} />
                  <TemperatureChart readings={s.logger.readings} range={s.range} />
                </Stack>
              ) : (
                <EmptyHint title={t('bedside.logger.none')} description={t('bedside.logger.noneHint')} />
              )}
            </Card>
            <Title order={3}>{t('bedside.custody')}</Title>
            <Card withBorder>
              <Custody s={s} />
            </Card>
            <Title order={3}>{t('bedside.administration')}</Title>
            <Administration s={s} />
            {open === 'logger' && <LoggerUploadModal shipment={s} onClose={() => setOpen(null)} />}
            {open === 'receipt' && <ReceiptModal shipment={s} onClose={() => setOpen(null)} />}
            {open === 'storage' && <StorageModal shipment={s} onClose={() => setOpen(null)} />}
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}
