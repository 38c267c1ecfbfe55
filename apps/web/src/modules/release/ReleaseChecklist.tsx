/**
 * The release checklist: each fact a QP decision rests on, passed or not, and for each decision what
 * still blocks it for the person looking (reviewer = certifier is about them).
 */
import { Badge, Card, Group, List, SimpleGrid, Stack, Table, Text, ThemeIcon, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useTimeZone } from '../../app/session';
import { DateTime } from '../../components/DateTime';
import { formatDateTime } from '../../lib/time';
import { useBlockerText } from './blockerText';
import { RELEASE_DECISIONS, type ReleaseCheck, type TestState } from './release.types';

const STATE_COLORS: Record<TestState, string> = {
  missing: 'gray',
  awaiting_review: 'yellow',
  conforming: 'teal',
  non_conforming: 'red',
};

function Check({ ok, label, children, testId }: { ok: boolean; label: string; children?: ReactNode; testId: string }) {
  return (
    <Group align="flex-start" wrap="nowrap" data-testid={testId} data-ok={ok}>
      <ThemeIcon color={ok ? 'teal' : 'red'} variant="light" radius="xl" size="sm" aria-hidden>
        {ok ? '✓' : '✗'}
      </ThemeIcon>
      <Stack gap={2}>
        <Text fw={600} size="sm">
          {label}
        </Text>
        {children}
      </Stack>
    </Group>
  );
}

function QcTable({ qc }: { qc: ReleaseCheck['qc'] }) {
  const { t } = useTranslation();
  if (!qc.specification)
    return (
      <Text size="sm" c="red">
        {t('release.check.noSpecification')}
      </Text>
    );
  return (
    <Table withTableBorder striped fz="sm" data-testid="release-qc-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('release.check.test')}</Table.Th>
          <Table.Th>{t('release.check.state')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {qc.tests.map((test) => (
          <Table.Tr key={test.code} data-testid={`release-qc-${test.code}`}>
            <Table.Td>
              <Text span ff="monospace" size="sm">
                {test.code}
              </Text>{' '}
              {test.name}
              {test.lateResultAllowed && (
                <Badge ml="xs" size="xs" variant="outline">
                  {t('release.check.lateAllowed')}
                </Badge>
              )}
            </Table.Td>
            <Table.Td>
              <Badge color={STATE_COLORS[test.state]} variant="light" data-value={test.state}>
                {t(`release.testState.${test.state}`)}
              </Badge>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The expiry a release would certify: end of manufacture + the specification's shelf life. */
function ExpiryCheck({ check }: { check: ReleaseCheck }) {
  const { t } = useTranslation();
  const tz = useTimeZone();
  const { expiresAt, expired } = check.expiry;
  const days = check.qc.specification?.shelfLifeDays;
  const when = formatDateTime(expiresAt, tz);
  let detail = t('release.check.notCompleted');
  if (check.qc.specification && days == null) detail = t('release.check.noShelfLife');
  else if (expiresAt && expired) detail = t('release.check.expired', { when });
  else if (expiresAt) detail = t('release.check.expiresAt', { when, days });
  return (
    <Check ok={!!expiresAt && !expired} label={t('release.check.expiry')} testId="check-expiry">
      <Text size="sm" c="dimmed" data-testid="check-expiry-detail">
        {detail}
      </Text>
    </Check>
  );
}

function Facts({ check }: { check: ReleaseCheck }) {
  const { t } = useTranslation();
  const coi = check.chainOfIdentity;
  const qcOk = !!check.qc.specification && check.qc.complete && !check.qc.outOfSpecification.length;
  return (
    <Stack gap="sm">
      <Check
        ok={check.status !== 'in_progress' && check.status !== 'aborted'}
        label={t('release.check.completed')}
        testId="check-completed"
      >
        <Text size="sm" c="dimmed">
          {t(`mfg.batchStatus.${check.status}`, { defaultValue: check.status })}
        </Text>
      </Check>
      <Check
        ok={qcOk}
        label={t('release.check.qc', { version: check.qc.specification?.version ?? '—' })}
        testId="check-qc"
      >
        <QcTable qc={check.qc} />
      </Check>
      <ExpiryCheck check={check} />
      <Check ok={!check.openDeviations.length} label={t('release.check.deviations')} testId="check-deviations">
        {check.openDeviations.length ? (
          <List size="sm">
            {check.openDeviations.map((d) => (
              <List.Item key={d.id}>
                <Text span ff="monospace">
                  {d.number}
                </Text>{' '}
                {d.title} ({t(`mfg.deviationStatus.${d.status}`, { defaultValue: d.status })})
              </List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm" c="dimmed">
            {t('release.check.noOpenDeviation')}
          </Text>
        )}
      </Check>
      <Check ok={!!check.review} label={t('release.check.review')} testId="check-review">
        <Text size="sm" c="dimmed">
          {check.review ? (
            <>
              {t('release.check.reviewedBy', { name: check.review.reviewer.name })} ·{' '}
              <DateTime value={check.review.reviewedAt} />
            </>
          ) : (
            t('release.check.notReviewed')
          )}
        </Text>
      </Check>
      <Check ok={!coi.applies || coi.verified} label={t('release.check.chainOfIdentity')} testId="check-coi">
        <Text size="sm" c="dimmed">
          {!coi.applies
            ? t('release.check.coiNotApplicable')
            : coi.verified
              ? t('release.check.coiVerified', { din: coi.din ?? '—' })
              : t(`release.chainReason.${coi.reason ?? 'not_received'}`)}
        </Text>
      </Check>
    </Stack>
  );
}

function DecisionBlockers({ check }: { check: ReleaseCheck }) {
  const { t } = useTranslation();
  const text = useBlockerText();
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }}>
      {RELEASE_DECISIONS.map((d) => {
        const c = check.decisions[d];
        return (
          <Card key={d} withBorder padding="sm" data-testid={`blockers-${d}`} data-allowed={c.allowed}>
            <Group justify="space-between" mb="xs">
              <Text fw={600}>{t(`release.decision.${d}`)}</Text>
              <Badge color={c.allowed ? 'teal' : 'red'} variant="light">
                {c.allowed ? t('release.check.allowed') : t('release.check.blocked', { count: c.blockers.length })}
              </Badge>
            </Group>
            <List size="sm" spacing={4}>
              {c.blockers.map((b) => (
                <List.Item key={b.code} data-testid={`blocker-${d}-${b.code}`}>
                  {text(b)}
                </List.Item>
              ))}
            </List>
          </Card>
        );
      })}
    </SimpleGrid>
  );
}

export function ReleaseChecklist({ check }: { check: ReleaseCheck }) {
  const { t } = useTranslation();
  return (
    <Card withBorder data-testid="release-checklist">
      <Stack>
        <Title order={4}>{t('release.check.title')}</Title>
        <Facts check={check} />
        <DecisionBlockers check={check} />
      </Stack>
    </Card>
  );
}
