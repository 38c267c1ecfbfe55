/** Assessments: when, learner, course, kind, score against pass mark, result, assessor and signatures. */
import { Button, Modal, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DateTime } from '../../../components/DateTime';
import { SignatureSummary, SignaturesList } from '../../../components/SignaturesList';
import { PassFailBadge } from '../common/badges';
import type { Assessment } from '../training.types';

export function AssessmentsTable({
  items,
  showLearner = true,
  printable = false,
}: {
  items: Assessment[];
  showLearner?: boolean;
  /** Print layout: signatures as text, no buttons. */
  printable?: boolean;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Assessment | null>(null);
  return (
    <>
      <Table.ScrollContainer minWidth={printable ? 0 : 760}>
        <Table striped={!printable} withTableBorder={printable} data-testid="assessments-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('training.assessments.assessedAt')}</Table.Th>
              {showLearner && <Table.Th>{t('training.enroll.learner')}</Table.Th>}
              <Table.Th>{t('training.sessions.course')}</Table.Th>
              <Table.Th>{t('training.assessments.kind')}</Table.Th>
              <Table.Th>{t('training.assessments.score')}</Table.Th>
              <Table.Th>{t('training.assessments.result')}</Table.Th>
              <Table.Th>{t('training.assessments.assessor')}</Table.Th>
              <Table.Th>{t('signatures.column')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((a) => (
              <Table.Tr key={a.id} data-testid="assessment-row" data-passed={String(a.passed)}>
                <Table.Td>
                  <DateTime value={a.assessedAt} withZone={false} />
                </Table.Td>
                {showLearner && (
                  <Table.Td>
                    <Text component={Link} to={`/training/learners/${a.learnerId}`} size="sm" c="teal.8">
                      {a.learnerName}
                    </Text>
                  </Table.Td>
                )}
                <Table.Td ff="monospace">{a.courseCode}</Table.Td>
                <Table.Td>{t(`training.assessmentKind.${a.kind}`)}</Table.Td>
                <Table.Td>{a.score != null ? `${a.score} / ${a.passMark}` : '—'}</Table.Td>
                <Table.Td>
                  <PassFailBadge passed={a.passed} testId="assessment-passed-badge" />
                </Table.Td>
                <Table.Td>{a.assessor}</Table.Td>
                <Table.Td>
                  {printable && a.signatures.length === 0 ? (
                    '—'
                  ) : printable ? (
                    a.signatures.map((sig) => (
                      <Text key={`${sig.signer}:${sig.at}`} size="xs">
                        {sig.printedName} · <DateTime value={sig.at} withZone={false} />
                        {!sig.valid && ` · ${t('signatures.invalidated')}`}
                      </Text>
                    ))
                  ) : a.kind === 'practical' || a.signatures.length > 0 ? (
                    <Button
                      variant="subtle"
                      size="compact-sm"
                      onClick={() => setOpen(a)}
                      data-testid="assessment-signatures"
                    >
                      <SignatureSummary signatures={a.signatures} />
                    </Button>
                  ) : (
                    '—'
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Modal opened={!!open} onClose={() => setOpen(null)} title={t('signatures.title')} size="xl" centered>
        {open && (
          <Stack>
            <Text size="sm">
              {open.learnerName} · {open.courseCode} · {t(`training.assessmentKind.${open.kind}`)}
            </Text>
            {open.notes && (
              <Text size="sm" c="dimmed">
                {open.notes}
              </Text>
            )}
            <SignaturesList signatures={open.signatures} />
          </Stack>
        )}
      </Modal>
    </>
  );
}
