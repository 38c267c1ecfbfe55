/** Qualifications with their effective status, validity dates, certificate and (for assessors) actions. */
import { Anchor, Button, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useTimeZone } from '../../../app/session';
import { QualificationBadge } from '../common/badges';
import { CourseTitle } from '../common/CourseTitle';
import { DateOnly } from '../common/DateOnly';
import { daysUntil } from '../common/trainingTime';
import type { Qualification } from '../training.types';
import { certificateUrl, type QualificationAction } from './qualifications.api';

interface Props {
  items: Qualification[];
  showLearner?: boolean;
  /** Print layout: no links or buttons. */
  printable?: boolean;
  onAction?: (q: Qualification, action: QualificationAction) => void;
}

function DaysLeft({ q }: { q: Qualification }) {
  const { t } = useTranslation();
  const tz = useTimeZone();
  if (!q.validUntil || q.effectiveStatus !== 'valid') return null;
  const days = daysUntil(q.validUntil, tz);
  if (days > 90) return null;
  return (
    <Text size="xs" c={days <= 30 ? 'red.7' : 'orange.7'} data-testid="qualification-days-left">
      {t('training.qualifications.daysLeft', { count: days })}
    </Text>
  );
}

export function QualificationsTable({ items, showLearner = false, printable = false, onAction }: Props) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={printable ? 0 : 820}>
      <Table striped={!printable} withTableBorder={printable} data-testid="qualifications-table">
        <Table.Thead>
          <Table.Tr>
            {showLearner && <Table.Th>{t('training.enroll.learner')}</Table.Th>}
            <Table.Th>{t('training.sessions.course')}</Table.Th>
            <Table.Th>{t('training.qualifications.status')}</Table.Th>
            <Table.Th>{t('training.qualifications.achievedAt')}</Table.Th>
            <Table.Th>{t('training.qualifications.validUntil')}</Table.Th>
            <Table.Th>{t('training.qualifications.sopVersion')}</Table.Th>
            <Table.Th>{t('training.qualifications.certificateCode')}</Table.Th>
            {onAction && !printable && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((q) => (
            <Table.Tr
              key={q.id}
              data-testid="qualification-row"
              data-status={q.effectiveStatus}
              data-course={q.courseCode}
            >
              {showLearner && (
                <Table.Td>
                  {printable ? (
                    q.learnerName
                  ) : (
                    <Text component={Link} to={`/training/learners/${q.learnerId}`} size="sm" c="teal.8">
                      {q.learnerName}
                    </Text>
                  )}
                </Table.Td>
              )}
              <Table.Td>
                <CourseTitle code={q.courseCode} title={q.courseTitle} titleZh={q.courseTitleZh} />
              </Table.Td>
              <Table.Td>
                <QualificationBadge status={q.effectiveStatus} />
              </Table.Td>
              <Table.Td>
                <DateOnly value={q.achievedAt} />
              </Table.Td>
              <Table.Td data-testid="qualification-valid-until">
                <DateOnly value={q.validUntil} never />
                <DaysLeft q={q} />
              </Table.Td>
              <Table.Td>{q.sopVersion ?? '—'}</Table.Td>
              <Table.Td>
                {q.certificateCode ? (
                  printable ? (
                    <Text size="sm" ff="monospace">
                      {q.certificateCode}
                    </Text>
                  ) : (
                    <Group gap={6} wrap="nowrap">
                      <Anchor href={certificateUrl(q.id)} download size="sm" data-testid="certificate-link">
                        {t('training.qualifications.pdf')}
                      </Anchor>
                      <Anchor component={Link} to={`/verify/${q.certificateCode}`} size="xs" ff="monospace" c="dimmed">
                        {q.certificateCode}
                      </Anchor>
                    </Group>
                  )
                ) : (
                  '—'
                )}
              </Table.Td>
              {onAction && !printable && (
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    {q.status === 'active' && (
                      <Button
                        size="compact-xs"
                        variant="light"
                        color="yellow"
                        onClick={() => onAction(q, 'suspend')}
                        data-testid="qualification-suspend"
                      >
                        {t('training.qualifications.suspend')}
                      </Button>
                    )}
                    {q.status === 'suspended' && (
                      <Button
                        size="compact-xs"
                        variant="light"
                        color="teal"
                        onClick={() => onAction(q, 'reinstate')}
                        data-testid="qualification-reinstate"
                      >
                        {t('training.qualifications.reinstate')}
                      </Button>
                    )}
                    {q.status !== 'revoked' && q.status !== 'superseded' && (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        onClick={() => onAction(q, 'revoke')}
                        data-testid="qualification-revoke"
                      >
                        {t('training.qualifications.revoke')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
