/** The annual training dashboard: trained vs target, charts, qualifications expiring in 30/60/90 days; change target. */
import { EXPIRY_WINDOWS, type ExpiryWindow } from '@hepatica/core';
import {
  Anchor,
  Button,
  Card,
  Group,
  NativeSelect,
  RingProgress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession, useTimeZone } from '../../../app/session';
import { EmptyHint, QueryView } from '../../../components/states';
import { DateOnly } from '../common/DateOnly';
import { today } from '../common/trainingTime';
import type { Dashboard } from '../training.types';
import { DashboardCharts } from './DashboardCharts';
import { useDashboard } from './dashboard.api';
import { TargetModal } from './TargetModal';

/** The sooner a qualification expires, the warmer its figure. */
const WINDOW_COLORS: Record<ExpiryWindow, string> = { 30: 'red.7', 60: 'orange.7', 90: 'yellow.8' };

function Stat({
  label,
  value,
  color,
  testId,
  to,
}: {
  label: string;
  value: number;
  color?: string;
  testId: string;
  to?: string;
}) {
  const body = (
    <Card withBorder data-testid={testId} data-value={value} py="sm">
      <Group justify="space-between" wrap="nowrap">
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          {label}
        </Text>
        <Text fz={28} fw={700} c={color} lh={1.2}>
          {value}
        </Text>
      </Group>
    </Card>
  );
  return to ? (
    <Anchor component={Link} to={to} underline="never" c="inherit">
      {body}
    </Anchor>
  ) : (
    body
  );
}

function Progress({ d }: { d: Dashboard }) {
  const { t } = useTranslation();
  const pct = d.target > 0 ? Math.min(100, Math.round((d.trained / d.target) * 100)) : 0;
  return (
    <Card withBorder data-testid="dashboard-progress">
      <Group>
        <RingProgress
          size={150}
          thickness={14}
          roundCaps
          sections={[{ value: pct, color: pct >= 100 ? 'teal' : 'blue' }]}
          label={
            <Text ta="center" fz={26} fw={700} data-testid="dashboard-trained" data-value={d.trained}>
              {d.trained}
            </Text>
          }
        />
        <Stack gap={2}>
          <Text fw={600}>{t('training.dashboard.trainedThisYear', { year: d.year })}</Text>
          <Text size="sm" data-testid="dashboard-target" data-value={d.target}>
            {t('training.dashboard.ofTarget', { trained: d.trained, target: d.target, pct })}
          </Text>
        </Stack>
      </Group>
    </Card>
  );
}

function Expiring({ d }: { d: Dashboard }) {
  const { t } = useTranslation();
  const { expiring } = d;
  return (
    <Stack>
      <Title order={4}>{t('training.dashboard.expiring')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {EXPIRY_WINDOWS.map((days) => (
          <Stat
            key={days}
            label={t('training.dashboard.within', { days })}
            value={expiring[`within${days}`]}
            color={WINDOW_COLORS[days]}
            testId={`expiring-${days}`}
            to={`/training/qualifications?within=${days}`}
          />
        ))}
      </SimpleGrid>
      {expiring.items.length === 0 ? (
        <EmptyHint title={t('training.dashboard.noneExpiring')} testId="expiring-empty" />
      ) : (
        <Table striped data-testid="expiring-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('training.enroll.learner')}</Table.Th>
              <Table.Th>{t('training.sessions.course')}</Table.Th>
              <Table.Th>{t('training.qualifications.validUntil')}</Table.Th>
              <Table.Th>{t('training.dashboard.daysLeftColumn')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {expiring.items.map((i) => (
              <Table.Tr key={i.qualificationId} data-testid="expiring-row">
                <Table.Td>{i.learnerName}</Table.Td>
                <Table.Td ff="monospace">{i.courseCode}</Table.Td>
                <Table.Td>
                  <DateOnly value={i.validUntil} />
                </Table.Td>
                <Table.Td c={i.daysLeft <= 30 ? 'red.7' : undefined}>{i.daysLeft}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

export function DashboardPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const tz = useTimeZone();
  const thisYear = Number(today(tz).slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [editing, setEditing] = useState(false);
  const query = useDashboard(year);
  return (
    <Stack data-testid="training-dashboard">
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('training.dashboard.title')}</Title>
        <Group align="flex-end">
          <NativeSelect
            label={t('training.dashboard.year')}
            data={Array.from({ length: 5 }, (_, i) => String(thisYear - i))}
            value={String(year)}
            onChange={(e) => setYear(Number(e.currentTarget.value))}
            data-testid="dashboard-year"
          />
          {can('training:write') && query.data && (
            <Button variant="light" onClick={() => setEditing(true)} data-testid="target-edit">
              {t('training.dashboard.changeTarget')}
            </Button>
          )}
        </Group>
      </Group>
      <QueryView query={query}>
        {(d) => (
          <Stack>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <Progress d={d} />
              <Stack gap="sm">
                <Stat
                  label={t('training.learnerKind.internal')}
                  value={d.internal}
                  color="blue.7"
                  testId="dashboard-internal"
                />
                <Stat
                  label={t('training.learnerKind.external')}
                  value={d.external}
                  color="grape.7"
                  testId="dashboard-external"
                />
                <Stat
                  label={t('training.dashboard.remaining')}
                  value={Math.max(0, d.target - d.trained)}
                  testId="dashboard-remaining"
                />
              </Stack>
            </SimpleGrid>
            <DashboardCharts d={d} />
            <Expiring d={d} />
            {editing && <TargetModal year={d.year} current={d.target} onClose={() => setEditing(false)} />}
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}
