/**
 * The CRS/ICANS board after the infusion: one row per post-infusion day (day 0 = the infusion's date in the
 * site's time zone) with the worst CRS and ICANS grade of the day, the lowest ICE score and the treatments
 * given; below it the daily assessment forms, large enough for a tablet at the bedside.
 */
import { Alert, Badge, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/session';
import { DateTime } from '../../../components/DateTime';
import { EmptyHint, QueryView } from '../../../components/states';
import { CrsAssessmentForm } from './CrsAssessmentForm';
import { GradeBadge } from './GradeBadge';
import { IcansAssessmentForm } from './IcansAssessmentForm';
import { useCrsIcans } from './safety.api';
import type { CrsIcansBoard, CrsIcansDay } from './safety.types';

export function CrsIcansTab({ subjectId }: { subjectId: string }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const query = useCrsIcans(subjectId);
  return (
    <QueryView query={query}>
      {(board) =>
        board.infusion === null ? (
          <EmptyHint title={t('clinical.safety.board.noInfusion')} description={t('clinical.safety.board.noInfusionHint')} testId="crs-no-infusion" />
        ) : (
          <Stack gap="lg">
            <Text size="sm" data-testid="crs-infusion">
              {t('clinical.safety.board.infusedAt')} <DateTime value={board.infusion.startedAt} /> · DIN{' '}
              <Text span ff="monospace">
                {board.infusion.din}
              </Text>
            </Text>
            <CrsIcansDays board={board} />
            {can('clinical:write') && <DailyAssessment subjectId={subjectId} />}
          </Stack>
        )
      }
    </QueryView>
  );
}

export function CrsIcansDays({ board }: { board: CrsIcansBoard }) {
  const { t } = useTranslation();
  if (board.days.length === 0) return <EmptyHint title={t('clinical.safety.board.noAssessments')} testId="crs-days-empty" />;
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped data-testid="crs-icans-board">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('clinical.safety.board.day')}</Table.Th>
            <Table.Th>{t('clinical.safety.board.crsWorst')}</Table.Th>
            <Table.Th>{t('clinical.safety.board.icansWorst')}</Table.Th>
            <Table.Th>{t('clinical.safety.board.iceLowest')}</Table.Th>
            <Table.Th>{t('clinical.safety.board.maxTemperature')}</Table.Th>
            <Table.Th>{t('clinical.safety.board.treatments')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {board.days.map((d) => (
            <DayRow key={d.day} day={d} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function DayRow({ day: d }: { day: CrsIcansDay }) {
  const { t } = useTranslation();
  const temps = d.crs.assessments.map((a) => a.temperatureC);
  return (
    <Table.Tr data-testid="crs-board-day" data-day={d.day} data-crs-grade={d.crs.grade ?? ''} data-icans-grade={d.icans.grade ?? ''}>
      <Table.Td>
        <Text fw={600} size="sm">
          {t('clinical.safety.board.dayN', { day: d.day })}
        </Text>
        <Text size="xs">{d.date}</Text>
      </Table.Td>
      <Table.Td>
        <GradeBadge grade={d.crs.grade} />
        <Text size="xs">{t('clinical.safety.board.assessments', { n: d.crs.assessments.length })}</Text>
      </Table.Td>
      <Table.Td>
        <GradeBadge grade={d.icans.grade} />
        <Text size="xs">{t('clinical.safety.board.assessments', { n: d.icans.assessments.length })}</Text>
      </Table.Td>
      <Table.Td>{d.icans.iceScore ?? '—'}</Table.Td>
      <Table.Td>{temps.length ? `${Math.max(...temps).toFixed(1)} °C` : '—'}</Table.Td>
      <Table.Td>
        <Group gap={4}>
          {d.treatments.length === 0
            ? '—'
            : d.treatments.map((tr, i) => (
                <Badge key={`${tr.at}-${i}`} variant="outline" color="dark" tt="none">
                  {t(`clinical.safety.treatments.kinds.${tr.kind}`, { defaultValue: tr.kind })}
                  {tr.name ? ` · ${tr.name}` : ''}
                  {tr.dose !== undefined ? ` ${tr.dose}${tr.unit ? ` ${tr.unit}` : ''}` : ''}
                </Badge>
              ))}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

function DailyAssessment({ subjectId }: { subjectId: string }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<'crs' | 'icans'>('crs');
  return (
    <Stack gap="md" data-testid="daily-assessment">
      <Title order={3}>{t('clinical.safety.daily.title')}</Title>
      <Alert color="blue" variant="light">
        {t('clinical.safety.daily.hint')}
      </Alert>
      <SegmentedControl
        size="lg"
        aria-label={t('clinical.safety.daily.which')}
        value={kind}
        onChange={(v) => setKind(v as 'crs' | 'icans')}
        data={[
          { value: 'crs', label: t('clinical.safety.daily.crs') },
          { value: 'icans', label: t('clinical.safety.daily.icans') },
        ]}
        data-testid="daily-assessment-kind"
      />
      {kind === 'crs' ? <CrsAssessmentForm subjectId={subjectId} /> : <IcansAssessmentForm subjectId={subjectId} />}
    </Stack>
  );
}
