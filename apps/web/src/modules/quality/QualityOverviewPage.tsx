/** The quality overview: how many deviations, CAPAs and change controls are open, and every overdue one (site time zone). */
import { Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryView } from '../../components/states';
import { CapaTable } from './CapaTable';
import { ChangeTable } from './ChangeControlsPage';
import { DeviationsTable } from './DeviationsTable';
import { useQualityOverview } from './quality.api';

export function QualityOverviewPage() {
  const { t } = useTranslation();
  const query = useQualityOverview();
  return (
    <Stack data-testid="quality-overview">
      <div>
        <Title order={2}>{t('quality.overview.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('quality.overview.hint')}
        </Text>
      </div>
      <QueryView query={query}>
        {(o) => (
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              {(['deviations', 'capas', 'changeControls'] as const).map((k) => (
                <Card key={k} withBorder data-testid={`overview-${k}`}>
                  <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
                    {t(`quality.overview.${k}`)}
                  </Text>
                  <Group gap="xs" align="baseline">
                    <Text fz={32} fw={700}>
                      {o.open[k]}
                    </Text>
                    <Text size="sm">{t('quality.overview.open')}</Text>
                    <Text
                      size="sm"
                      c={o.overdue[k].length ? 'red' : 'dimmed'}
                      fw={o.overdue[k].length ? 700 : undefined}
                      data-testid={`overview-${k}-overdue`}
                    >
                      {t('quality.overview.overdueCount', { count: o.overdue[k].length })}
                    </Text>
                  </Group>
                </Card>
              ))}
            </SimpleGrid>
            <Text size="sm" c="dimmed">
              {t('quality.overview.today', { date: o.today })}
            </Text>
            <Section title={t('quality.overview.overdueDeviations')} empty={!o.overdue.deviations.length}>
              <DeviationsTable variant="quality" items={o.overdue.deviations} testId="overdue-deviations" />
            </Section>
            <Section title={t('quality.overview.overdueCapas')} empty={!o.overdue.capas.length}>
              <CapaTable items={o.overdue.capas} testId="overdue-capas" />
            </Section>
            <Section title={t('quality.overview.overdueChanges')} empty={!o.overdue.changeControls.length}>
              <ChangeTable items={o.overdue.changeControls} testId="overdue-changes" />
            </Section>
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}

function Section({ title, empty, children }: { title: string; empty: boolean; children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={4}>{title}</Title>
        {empty ? (
          <Text size="sm" c="teal">
            {t('quality.overview.nothingOverdue')}
          </Text>
        ) : (
          children
        )}
      </Stack>
    </Card>
  );
}
