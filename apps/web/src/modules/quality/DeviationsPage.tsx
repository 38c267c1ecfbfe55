/** Deviations: filtered by status, severity, overdue and "mine"; QA, QC and operators report new ones here. */
import { NativeSelect, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { EmptyHint, QueryView } from '../../components/states';
import { DEVIATION_SEVERITIES, DEVIATION_STATUSES } from '../manufacturing/deviations.types';
import { ListFilters } from './common';
import { DeviationsTable } from './DeviationsTable';
import { useQualityDeviations, type ListFilter } from './quality.api';
import { ReportDeviationModal } from './ReportDeviationModal';

export function DeviationsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [filter, setFilter] = useState<ListFilter>({});
  const [reporting, setReporting] = useState(false);
  const query = useQualityDeviations(filter);
  return (
    <Stack data-testid="deviations-page">
      <PageHeader
        title={t('quality.deviation.pageTitle')}
        hint={t('quality.deviation.pageHint')}
        action={
          can('quality:write') && {
            label: t('quality.deviation.report'),
            onClick: () => setReporting(true),
            testId: 'report-deviation',
          }
        }
      />
      <ListFilters statuses={DEVIATION_STATUSES} statusKey="mfg.deviationStatus" value={filter} onChange={setFilter}>
        <NativeSelect
          label={t('quality.deviation.severity')}
          data={[
            { value: '', label: t('quality.filter.all') },
            ...DEVIATION_SEVERITIES.map((s) => ({ value: s, label: t(`mfg.severity.${s}`) })),
          ]}
          value={filter.severity ?? ''}
          onChange={(e) => setFilter({ ...filter, severity: e.currentTarget.value })}
          w={180}
          data-testid="filter-severity"
        />
      </ListFilters>
      <QueryView query={query}>
        {(data) =>
          data.items.length > 0 ? (
            <DeviationsTable variant="quality" items={data.items} />
          ) : (
            <EmptyHint title={t('quality.deviation.empty')} description={t('quality.emptyHint')} />
          )
        }
      </QueryView>
      <ReportDeviationModal opened={reporting} onClose={() => setReporting(false)} />
    </Stack>
  );
}
