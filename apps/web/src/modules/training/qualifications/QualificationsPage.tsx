/** All qualifications, filtered by course, effective status and "expiring within N days"; suspend / reinstate / revoke. */
import { Group, NativeSelect, NumberInput, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession, useTimeZone } from '../../../app/session';
import { EmptyHint, QueryView } from '../../../components/states';
import { useUrlFilters } from '../../../lib/useUrlFilters';
import { CourseFilter } from '../common/CourseSelects';
import { daysUntil } from '../common/trainingTime';
import { EFFECTIVE_STATUSES, type Qualification } from '../training.types';
import { QualificationActionModal } from './QualificationActionModal';
import { useQualifications, type QualificationAction } from './qualifications.api';
import { QualificationsTable } from './QualificationsTable';

export function QualificationsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const tz = useTimeZone();
  const { params, set } = useUrlFilters();
  const courseId = params.get('courseId') ?? '';
  const status = params.get('status') ?? '';
  const within = params.get('within') ?? '';
  const [acting, setActing] = useState<{ q: Qualification; action: QualificationAction } | null>(null);
  const query = useQualifications({ courseId: courseId || undefined });
  const withinDays = Number(within);
  const filter = (items: Qualification[]) =>
    items.filter(
      (q) =>
        (!status || q.effectiveStatus === status) &&
        (!within || (q.effectiveStatus === 'valid' && !!q.validUntil && daysUntil(q.validUntil, tz) <= withinDays)),
    );
  return (
    <Stack data-testid="qualifications-page">
      <Title order={2}>{t('training.qualifications.title')}</Title>
      <Group align="flex-end">
        <CourseFilter value={courseId} onChange={(v) => set('courseId', v)} testId="qualifications-course-filter" />
        <NativeSelect
          label={t('training.qualifications.status')}
          data={[
            { value: '', label: t('training.qualifications.allStatuses') },
            ...EFFECTIVE_STATUSES.map((s) => ({ value: s, label: t(`training.qualificationStatus.${s}`) })),
          ]}
          value={status}
          onChange={(e) => set('status', e.currentTarget.value)}
          data-testid="qualifications-status-filter"
        />
        <NumberInput
          label={t('training.qualifications.expiringWithin')}
          placeholder={t('training.qualifications.anyTime')}
          value={within}
          onChange={(v) => set('within', v === '' ? '' : String(v))}
          min={1}
          max={3650}
          allowDecimal={false}
          rightSection={
            <Text size="xs" c="dimmed">
              {t('training.qualifications.days')}
            </Text>
          }
          rightSectionWidth={40}
          w={180}
          data-testid="qualifications-within-filter"
        />
      </Group>
      <QueryView query={query}>
        {(data) => {
          const items = filter(data.items);
          return items.length > 0 ? (
            <QualificationsTable
              items={items}
              showLearner
              onAction={can('training:assess') ? (q, action) => setActing({ q, action }) : undefined}
            />
          ) : (
            <EmptyHint
              title={t('training.qualifications.empty')}
              description={t('training.qualifications.emptyHint')}
            />
          );
        }}
      </QueryView>
      {acting && (
        <QualificationActionModal qualification={acting.q} action={acting.action} onClose={() => setActing(null)} />
      )}
    </Stack>
  );
}
