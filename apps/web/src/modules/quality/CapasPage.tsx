/** CAPAs: filtered by status, overdue and "mine" (the CAPA's owner or an action's owner). */
import { Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { EmptyHint, QueryView } from '../../components/states';
import { CapaTable } from './CapaTable';
import { ListFilters } from './common';
import { useCapas, type ListFilter } from './quality.api';
import { CAPA_STATUSES } from './quality.types';

export function CapasPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [filter, setFilter] = useState<ListFilter>({});
  const query = useCapas(filter);
  return (
    <Stack data-testid="capas-page">
      <PageHeader
        title={t('quality.capa.pageTitle')}
        hint={t('quality.capa.pageHint')}
        action={can('quality:write') && { label: t('quality.capa.new'), to: '/quality/capas/new', testId: 'new-capa' }}
      />
      <ListFilters statuses={CAPA_STATUSES} statusKey="quality.capaStatus" value={filter} onChange={setFilter} />
      <QueryView query={query}>
        {(data) =>
          data.items.length ? (
            <CapaTable items={data.items} />
          ) : (
            <EmptyHint title={t('quality.capa.empty')} description={t('quality.emptyHint')} />
          )
        }
      </QueryView>
    </Stack>
  );
}
