/**
 * A study's screening log (ICH E6 8.3.20): how many were screened, are eligible, failed screening (with the
 * reasons) and were enrolled, and one row per screening; "screen a patient" opens a screening.
 */
import { Anchor, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useSession } from '../../../app/session';
import { DateTime } from '../../../components/DateTime';
import { PageHeader } from '../../../components/PageHeader';
import { RecordTable, type RecordColumn } from '../../../components/RecordTable';
import { EmptyHint, QueryView } from '../../../components/states';
import { useStudy } from '../clinical.api';
import { StatusBadge, SUBJECT_TONE, type Tone } from '../StatusBadge';
import { ScreenPatientModal } from './ScreenPatientModal';
import { useScreeningLog } from './screening.api';
import type { ScreeningLog, ScreeningLogRow } from './screening.types';

const ELIGIBILITY_TONE: Record<string, Tone> = { eligible: 'good', ineligible: 'bad', incomplete: 'waiting' };

export function ScreeningLogPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { can } = useSession();
  const navigate = useNavigate();
  const study = useStudy(id);
  const log = useScreeningLog(id);
  const [screening, setScreening] = useState(false);
  const columns: RecordColumn<ScreeningLogRow>[] = [
    {
      heading: t('clinical.screening.log.screeningNumber'),
      cell: (r) => (
        <Anchor component={Link} to={`/clinical/subjects/${r.id}/screening`} ff="monospace" fw={600} size="sm" data-testid="subject-link">
          {r.screeningNumber}
        </Anchor>
      ),
    },
    {
      heading: t('clinical.screening.log.patient'),
      cell: (r) => (
        <>
          <Text size="sm" ff="monospace">
            {r.patientCode}
          </Text>
          {r.patientName && <Text size="sm">{r.patientName}</Text>}
        </>
      ),
    },
    { heading: t('clinical.screening.log.screenedAt'), cell: (r) => <DateTime value={r.screenedAt} withZone={false} /> },
    {
      heading: t('clinical.screening.log.status'),
      cell: (r) => (
        <StatusBadge tone={SUBJECT_TONE[r.status] ?? 'neutral'}>{t(`clinical.common.subjectStatus.${r.status}`)}</StatusBadge>
      ),
    },
    {
      heading: t('clinical.screening.log.eligibility'),
      cell: (r) =>
        r.eligibility ? (
          <>
            <StatusBadge tone={ELIGIBILITY_TONE[r.eligibility] ?? 'neutral'}>
              {t(`clinical.screening.eligibility.status.${r.eligibility}`)}
            </StatusBadge>
            {r.decidedBy && (
              <Text size="sm">{t('clinical.screening.log.decidedBy', { code: r.decidedBy.code })}</Text>
            )}
          </>
        ) : (
          '—'
        ),
    },
    {
      heading: t('clinical.screening.log.outcome'),
      cell: (r) =>
        r.status === 'screen_failed' ? (
          <Text size="sm">{r.screenFailureReason}</Text>
        ) : r.subjectNumber ? (
          <Text size="sm" ff="monospace" fw={600}>
            {r.subjectNumber}
            {r.armCode ? ` · ${t('clinical.screening.arm', { arm: r.armCode })}` : ''}
          </Text>
        ) : (
          '—'
        ),
    },
  ];
  return (
    <QueryView query={study}>
      {(s) => (
        <Stack data-testid="screening-log-page">
          <PageHeader
            title={t('clinical.screening.log.title', { code: s.code })}
            action={can('clinical:write') && { label: t('clinical.screening.screen'), onClick: () => setScreening(true), testId: 'screen-patient' }}
          />
          <Group>
            <Anchor component={Link} to={`/clinical/studies/${s.id}`} size="sm">
              {t('clinical.setup.studies.setUp')}
            </Anchor>
          </Group>
          <QueryView query={log}>
            {(data) => (
              <>
                <Counts log={data} />
                <FailureReasons log={data} />
                {data.items.length ? (
                  <RecordTable
                    items={data.items}
                    columns={columns}
                    row={(r) => ({ 'data-testid': 'screening-row', 'data-status': r.status, 'data-number': r.screeningNumber })}
                    testId="screening-log"
                    minWidth={900}
                  />
                ) : (
                  <EmptyHint title={t('clinical.screening.log.empty')} />
                )}
              </>
            )}
          </QueryView>
          <ScreenPatientModal
            studyId={s.id}
            opened={screening}
            onClose={() => setScreening(false)}
            onScreened={(subjectId) => void navigate(`/clinical/subjects/${subjectId}/screening`)}
          />
        </Stack>
      )}
    </QueryView>
  );
}

function Counts({ log }: { log: ScreeningLog }) {
  const { t } = useTranslation();
  const items = [
    ['screened', log.counts.screened],
    ['screening', log.counts.screening],
    ['eligible', log.counts.eligible],
    ['failed', log.counts.failed],
    ['enrolled', log.counts.enrolled],
  ] as const;
  return (
    <SimpleGrid cols={{ base: 2, sm: 5 }} data-testid="screening-counts">
      {items.map(([key, n]) => (
        <Paper key={key} withBorder p="sm" data-testid={`count-${key}`}>
          <Text size="sm">{t(`clinical.screening.counts.${key}`)}</Text>
          <Text fz={24} fw={700}>
            {n}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

/** Screen failures grouped by their reason, most frequent first. */
function FailureReasons({ log }: { log: ScreeningLog }) {
  const { t } = useTranslation();
  const reasons = new Map<string, number>();
  for (const r of log.items)
    if (r.status === 'screen_failed') {
      const reason = r.screenFailureReason?.trim() || '—';
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    }
  if (reasons.size === 0) return null;
  return (
    <Paper withBorder p="sm" data-testid="failure-reasons">
      <Text size="sm" fw={600}>
        {t('clinical.screening.counts.reasons')}
      </Text>
      {[...reasons].sort((a, b) => b[1] - a[1]).map(([reason, n]) => (
        <Text size="sm" key={reason}>
          {t('clinical.screening.counts.reasonLine', { reason, n })}
        </Text>
      ))}
    </Paper>
  );
}
