/**
 * One cleanroom: grade and status (change with reason), record an EM sample, and the trend per parameter
 * and occupancy state with the alert and action limits as lines; the samples beneath with their results.
 */
import { Anchor, Button, Group, NativeSelect, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession, useTimeZone } from '../../../app/session';
import { DateTime } from '../../../components/DateTime';
import { EmptyHint, ErrorState, PageLoader, QueryView } from '../../../components/states';
import { StatusBadge } from '../common/badges';
import { dayBoundaryIso } from '../../../lib/time';
import { dayFromToday } from '../common/dates';
import {
  EM_PARAMETERS,
  OCCUPANCIES,
  type EmParameter,
  type EmSample,
  type Occupancy,
  type Room,
} from '../facility.types';
import { EmSampleModal, limitFor } from './EmSampleModal';
import { EmTrendChart } from './EmTrendChart';
import { useEmSamples, useRooms } from './facility.api';
import { RoomStatusModal } from './RoomModals';

const PERIODS = [30, 90, 365] as const;

function SamplesTable({ items }: { items: EmSample[] }) {
  const { t } = useTranslation();
  const sorted = [...items].sort((a, b) => b.sampledAt.localeCompare(a.sampledAt));
  return (
    <Table.ScrollContainer minWidth={700}>
      <Table striped data-testid="em-samples-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('mfg.em.sampledAt')}</Table.Th>
            <Table.Th>{t('mfg.em.value')}</Table.Th>
            <Table.Th>{t('mfg.em.result')}</Table.Th>
            <Table.Th>{t('mfg.em.location')}</Table.Th>
            <Table.Th>{t('mfg.em.recordedBy')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((s) => (
            <Table.Tr key={s.id} data-testid="em-sample-row" data-result={s.result}>
              <Table.Td>
                <DateTime value={s.sampledAt} withZone={false} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {s.value} {s.unit ?? ''}
              </Table.Td>
              <Table.Td>
                <Group gap={6}>
                  <StatusBadge kind="emResult" value={s.result} />
                  {s.deviationId && (
                    <Anchor component={Link} to="/manufacturing/deviations" size="sm">
                      {t('mfg.em.deviationLink')}
                    </Anchor>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>{s.location ?? ''}</Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {s.recordedBy}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function RoomTrend({ room }: { room: Room }) {
  const { t, i18n } = useTranslation();
  const tz = useTimeZone();
  const [parameter, setParameter] = useState<EmParameter>('particles_0_5');
  const [occupancy, setOccupancy] = useState<Occupancy>('in_operation');
  const [days, setDays] = useState<number>(90);
  const from = dayBoundaryIso(dayFromToday(tz, -days), tz);
  const query = useEmSamples(room.id, { parameter, from });
  const zh = (i18n.resolvedLanguage ?? 'en').startsWith('zh');
  return (
    <Stack data-testid="em-trend">
      <Group align="flex-end" wrap="wrap">
        <NativeSelect
          label={t('mfg.em.parameter')}
          data={EM_PARAMETERS.map((p) => ({ value: p, label: t(`mfg.emParameter.${p}`) }))}
          value={parameter}
          onChange={(e) => setParameter(e.currentTarget.value as EmParameter)}
          w={zh ? 220 : 300}
          data-testid="em-trend-parameter"
        />
        <SegmentedControl
          value={occupancy}
          onChange={(v) => setOccupancy(v as Occupancy)}
          data={OCCUPANCIES.map((o) => ({ value: o, label: t(`mfg.occupancy.${o}`) }))}
          data-testid="em-trend-occupancy"
        />
        <SegmentedControl
          value={String(days)}
          onChange={(v) => setDays(Number(v))}
          data={PERIODS.map((d) => ({ value: String(d), label: t('mfg.em.lastDays', { count: d }) }))}
          data-testid="em-trend-period"
        />
      </Group>
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <RoomTrendBody
          room={room}
          samples={query.data.items.filter((s) => s.parameter === parameter && s.occupancy === occupancy)}
          limits={query.data.limits}
          parameter={parameter}
          occupancy={occupancy}
        />
      )}
    </Stack>
  );
}

function RoomTrendBody(props: {
  room: Room;
  samples: EmSample[];
  limits: Parameters<typeof limitFor>[0];
  parameter: EmParameter;
  occupancy: Occupancy;
}) {
  const { t } = useTranslation();
  const limit = limitFor(props.limits ?? [], props.room, props.parameter, props.occupancy);
  return (
    <Stack>
      <EmTrendChart samples={props.samples} limit={limit} title={t(`mfg.emParameter.${props.parameter}`)} />
      {props.samples.length > 0 ? (
        <SamplesTable items={props.samples} />
      ) : (
        <EmptyHint title={t('mfg.em.noSamples')} description={t('mfg.em.noSamplesHint')} testId="em-samples-empty" />
      )}
    </Stack>
  );
}

export function RoomDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { can } = useSession();
  const query = useRooms();
  const [changing, setChanging] = useState<Room | null>(null);
  const [sampling, setSampling] = useState<Room | null>(null);
  return (
    <Stack data-testid="room-detail">
      <Anchor component={Link} to="/manufacturing/rooms" size="sm">
        ← {t('mfg.room.pageTitle')}
      </Anchor>
      <QueryView query={query}>
        {(data) => {
          const room = data.items.find((r) => r.id === id);
          return !room ? (
            <EmptyHint title={t('mfg.room.notFound')} />
          ) : (
            <Stack>
              <Group justify="space-between" align="flex-start">
                <div>
                  <Group gap="sm">
                    <Text ff="monospace" fw={700} size="lg">
                      {room.code}
                    </Text>
                    <StatusBadge kind="grade" value={room.grade} size="lg" />
                    <StatusBadge kind="roomStatus" value={room.status} size="lg" testId="room-status" />
                  </Group>
                  <Title order={2}>{room.name}</Title>
                  {room.currentBatchId && (
                    <Anchor component={Link} to={`/manufacturing/batches/${room.currentBatchId}`} size="sm">
                      {t('mfg.room.currentBatch')}: {room.currentBatchNumber ?? t('mfg.deviation.openBatch')}
                    </Anchor>
                  )}
                </div>
                {can('facility:write') && (
                  <Group>
                    <Button variant="default" onClick={() => setChanging(room)} data-testid="room-change-status">
                      {t('mfg.room.changeStatus')}
                    </Button>
                    <Button onClick={() => setSampling(room)} data-testid="room-record-em">
                      {t('mfg.em.record')}
                    </Button>
                  </Group>
                )}
              </Group>
              <Title order={3}>{t('mfg.em.trendTitle')}</Title>
              <RoomTrend room={room} />
            </Stack>
          );
        }}
      </QueryView>
      <RoomStatusModal room={changing} onClose={() => setChanging(null)} />
      <EmSampleModal room={sampling} onClose={() => setSampling(null)} />
    </Stack>
  );
}
