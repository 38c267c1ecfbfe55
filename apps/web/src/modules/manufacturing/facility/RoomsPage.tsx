/** Cleanrooms with grade and status (change status, record EM, open the trend) and the EM limits table. */
import { Anchor, Button, Group, Stack, Table } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../../app/session';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyHint, QueryView } from '../../../components/states';
import { StatusBadge } from '../common/badges';
import { UrlTabs } from '../common/UrlTabs';
import type { Room } from '../facility.types';
import { EmLimitsPanel } from './EmLimitsTable';
import { EmSampleModal } from './EmSampleModal';
import { useRooms } from './facility.api';
import { RoomCreateModal, RoomStatusModal } from './RoomModals';

function RoomsPanel() {
  const { t } = useTranslation();
  const { can } = useSession();
  const query = useRooms();
  const [creating, setCreating] = useState(false);
  const [changing, setChanging] = useState<Room | null>(null);
  const [sampling, setSampling] = useState<Room | null>(null);
  const write = can('facility:write');
  return (
    <Stack>
      {write && (
        <Group justify="flex-end">
          <Button onClick={() => setCreating(true)} data-testid="room-new">
            {t('mfg.room.new')}
          </Button>
        </Group>
      )}
      <QueryView query={query}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyHint title={t('mfg.room.empty')} description={t('mfg.room.emptyHint')} />
          ) : (
            <Table.ScrollContainer minWidth={760}>
              <Table striped highlightOnHover data-testid="rooms-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('mfg.room.code')}</Table.Th>
                    <Table.Th>{t('mfg.room.name')}</Table.Th>
                    <Table.Th>{t('mfg.room.grade')}</Table.Th>
                    <Table.Th>{t('mfg.room.status')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {[...data.items]
                    .sort((a, b) => a.grade.localeCompare(b.grade) || a.code.localeCompare(b.code))
                    .map((r) => (
                      <Table.Tr key={r.id} data-testid="room-row" data-code={r.code} data-status={r.status}>
                        <Table.Td>
                          <Anchor
                            component={Link}
                            to={`/manufacturing/rooms/${r.id}`}
                            ff="monospace"
                            fw={600}
                            style={{ whiteSpace: 'nowrap' }}
                            data-testid="room-link"
                          >
                            {r.code}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>{r.name}</Table.Td>
                        <Table.Td>
                          <StatusBadge kind="grade" value={r.grade} />
                        </Table.Td>
                        <Table.Td>
                          <Group gap={6} wrap="nowrap">
                            <StatusBadge kind="roomStatus" value={r.status} />
                            {r.currentBatchId && (
                              <Anchor
                                component={Link}
                                to={`/manufacturing/batches/${r.currentBatchId}`}
                                size="sm"
                                ff="monospace"
                                title={t('mfg.room.currentBatch')}
                              >
                                {r.currentBatchNumber ?? t('mfg.deviation.openBatch')}
                              </Anchor>
                            )}
                          </Group>
                        </Table.Td>
                        <Table.Td>
                          <Group gap="xs" justify="flex-end" wrap="nowrap">
                            <Button size="xs" variant="subtle" component={Link} to={`/manufacturing/rooms/${r.id}`}>
                              {t('mfg.em.trendTitle')}
                            </Button>
                            {write && (
                              <>
                                <Button
                                  size="xs"
                                  variant="default"
                                  onClick={() => setChanging(r)}
                                  data-testid="room-row-status"
                                >
                                  {t('mfg.room.changeStatus')}
                                </Button>
                                <Button size="xs" onClick={() => setSampling(r)} data-testid="room-row-em">
                                  {t('mfg.em.record')}
                                </Button>
                              </>
                            )}
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryView>
      {write && (
        <>
          <RoomCreateModal opened={creating} onClose={() => setCreating(false)} />
          <RoomStatusModal room={changing} onClose={() => setChanging(null)} />
          <EmSampleModal room={sampling} onClose={() => setSampling(null)} />
        </>
      )}
    </Stack>
  );
}

export function RoomsPage() {
  const { t } = useTranslation();
  return (
    <Stack data-testid="rooms-page">
      <PageHeader title={t('mfg.room.pageTitle')} hint={t('mfg.room.pageHint')} />
      <UrlTabs
        tabs={[
          { value: 'rooms', label: t('mfg.room.list'), testId: 'tab-rooms', panel: <RoomsPanel /> },
          { value: 'limits', label: t('mfg.em.limitsTitle'), testId: 'tab-limits', panel: <EmLimitsPanel /> },
        ]}
      />
    </Stack>
  );
}
