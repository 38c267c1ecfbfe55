/** Deviations (read-only for now): number, severity, source, room and batches, status, opened. */
import { NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/session';
import { EmptyHint, QueryView } from '../../../components/states';
import { useBatches } from '../batches/batches.api';
import { DEVIATION_STATUSES, type DeviationStatus } from '../deviations.types';
import { useRooms } from '../facility/facility.api';
import { useDeviations } from './deviations.api';
import { DeviationsTable } from './DeviationsTable';

export function DeviationsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [status, setStatus] = useState<DeviationStatus | ''>('');
  const query = useDeviations({ status });
  // Rooms and batches name what the deviation points at, where the reader may see them.
  const rooms = useRooms(can('facility:read'));
  const batches = useBatches({}, can('batches:read'));
  const refs = {
    roomCode: (id: string) => rooms.data?.items.find((r) => r.id === id)?.code,
    batchNumber: (id: string) => batches.data?.items.find((b) => b.id === id)?.batchNumber,
  };
  return (
    <Stack data-testid="deviations-page">
      <div>
        <Title order={2}>{t('mfg.deviation.pageTitle')}</Title>
        <Text c="dimmed" size="sm">
          {t('mfg.deviation.pageHint')}
        </Text>
      </div>
      <NativeSelect
        label={t('mfg.deviation.status')}
        data={[
          { value: '', label: t('mfg.common.all') },
          ...DEVIATION_STATUSES.map((s) => ({ value: s, label: t(`mfg.deviationStatus.${s}`) })),
        ]}
        value={status}
        onChange={(e) => setStatus(e.currentTarget.value as DeviationStatus | '')}
        w={220}
        data-testid="deviation-status-filter"
      />
      <QueryView query={query}>
        {(data) =>
          data.items.length > 0 ? (
            <DeviationsTable items={data.items} refs={refs} />
          ) : (
            <EmptyHint title={t('mfg.deviation.empty')} description={t('mfg.deviation.emptyHint')} />
          )
        }
      </QueryView>
    </Stack>
  );
}
