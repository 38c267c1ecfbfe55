/**
 * A learner's training record: qualifications (effective status, validity), curriculum gaps, assessments and
 * enrolments. The same view prints (`printable`: no links or buttons, bordered tables for A4).
 */
import { Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateTime } from '../../../components/DateTime';
import { AssessmentsTable } from '../assessments/AssessmentsTable';
import { AttendedBadge, EnrollmentBadge, GapBadge } from '../common/badges';
import { CourseTitle } from '../common/CourseTitle';
import { QualificationsTable } from '../qualifications/QualificationsTable';
import type { QualificationAction } from '../qualifications/qualifications.api';
import type { Qualification, TrainingRecord } from '../training.types';

function None({ text }: { text: string }) {
  return (
    <Text size="sm" c="dimmed">
      {text}
    </Text>
  );
}

function Gaps({ record }: { record: TrainingRecord }) {
  const { t } = useTranslation();
  if (record.curriculumGaps.length === 0)
    return (
      <None text={t(record.learner.kind === 'external' ? 'training.record.noCurriculum' : 'training.record.noGaps')} />
    );
  return (
    <Table withTableBorder data-testid="gaps-table">
      <Table.Tbody>
        {record.curriculumGaps.map((g) => (
          <Table.Tr key={g.courseId} data-testid="gap-row" data-reason={g.reason}>
            <Table.Td>
              <CourseTitle code={g.code} title={g.title} titleZh={g.titleZh} />
            </Table.Td>
            <Table.Td>
              <GapBadge reason={g.reason} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Enrollments({ record }: { record: TrainingRecord }) {
  const { t } = useTranslation();
  if (record.enrollments.length === 0) return <None text={t('training.record.noEnrollments')} />;
  return (
    <Table withTableBorder data-testid="record-enrollments">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('training.sessions.startsAt')}</Table.Th>
          <Table.Th>{t('training.sessions.course')}</Table.Th>
          <Table.Th>{t('training.sessions.status')}</Table.Th>
          <Table.Th>{t('training.record.attendance')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {record.enrollments.map((e) => (
          <Table.Tr key={e.id} data-testid="record-enrollment-row">
            <Table.Td>
              <DateTime value={e.startsAt} withZone={false} />
            </Table.Td>
            <Table.Td ff="monospace">{e.courseCode}</Table.Td>
            <Table.Td>
              <EnrollmentBadge status={e.status} />
            </Table.Td>
            <Table.Td>{e.attended == null ? '—' : <AttendedBadge attended={e.attended} />}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function TrainingRecordView({
  record,
  printable = false,
  onAction,
}: {
  record: TrainingRecord;
  printable?: boolean;
  onAction?: (q: Qualification, action: QualificationAction) => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack data-testid="training-record">
      <Stack gap="xs" className="training-print-section">
        <Title order={4}>{t('training.record.qualifications', { count: record.qualifications.length })}</Title>
        {record.qualifications.length === 0 ? (
          <None text={t('training.record.noQualifications')} />
        ) : (
          <QualificationsTable items={record.qualifications} printable={printable} onAction={onAction} />
        )}
      </Stack>
      <Stack gap="xs" className="training-print-section">
        <Title order={4}>{t('training.record.gaps')}</Title>
        <Gaps record={record} />
      </Stack>
      <Stack gap="xs" className="training-print-section">
        <Title order={4}>{t('training.record.assessments', { count: record.assessments.length })}</Title>
        {record.assessments.length === 0 ? (
          <None text={t('training.record.noAssessments')} />
        ) : (
          <AssessmentsTable items={record.assessments} showLearner={false} printable={printable} />
        )}
      </Stack>
      <Stack gap="xs" className="training-print-section">
        <Title order={4}>{t('training.record.enrollments')}</Title>
        <Enrollments record={record} />
      </Stack>
    </Stack>
  );
}
