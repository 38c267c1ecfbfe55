/** The dashboard's charts: by category, by institution, internal vs external, by month — labels in the UI language. */
import '@mantine/charts/styles.css';
import { BarChart, DonutChart, LineChart } from '@mantine/charts';
import { Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../training.types';

function ChartCard({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <Card withBorder data-testid={testId}>
      <Title order={5} mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

function NoData() {
  const { t } = useTranslation();
  return (
    <Text size="sm" c="dimmed" py="xl" ta="center">
      {t('training.dashboard.noData')}
    </Text>
  );
}

export function DashboardCharts({ d }: { d: Dashboard }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const people = t('training.dashboard.people');
  const monthName = new Intl.DateTimeFormat(lang, { month: 'short', timeZone: 'UTC' });
  const byCategory = d.byCategory.map((c) => ({
    label: t(`training.category.${c.category}`, { defaultValue: c.category }),
    count: c.count,
  }));
  const byInstitution = d.byInstitution.map((c) => ({ label: c.institution, count: c.count }));
  const byMonth = Array.from({ length: 12 }, (_, i) => ({
    label: monthName.format(new Date(Date.UTC(d.year, i, 1))),
    count: d.byMonth.find((m) => m.month === i + 1)?.count ?? 0,
  }));
  const split = [
    { name: t('training.learnerKind.internal'), value: d.internal, color: 'blue.6' },
    { name: t('training.learnerKind.external'), value: d.external, color: 'grape.6' },
  ];
  const series = [{ name: 'count', label: people, color: 'teal.6' }];
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} style={{ alignItems: 'start' }}>
      <ChartCard title={t('training.dashboard.byCategory')} testId="chart-by-category">
        {byCategory.length === 0 ? (
          <NoData />
        ) : (
          <BarChart
            h={Math.max(220, byCategory.length * 34)}
            data={byCategory}
            dataKey="label"
            series={series}
            orientation="vertical"
            yAxisProps={{ width: lang.startsWith('zh') ? 150 : 170 }}
            xAxisLabel={people}
            gridAxis="x"
          />
        )}
      </ChartCard>
      <ChartCard title={t('training.dashboard.byInstitution')} testId="chart-by-institution">
        {byInstitution.length === 0 ? (
          <NoData />
        ) : (
          <BarChart
            h={Math.max(220, byInstitution.length * 48)}
            data={byInstitution}
            dataKey="label"
            series={[{ name: 'count', label: people, color: 'indigo.6' }]}
            orientation="vertical"
            yAxisProps={{ width: 190 }}
            xAxisLabel={people}
            gridAxis="x"
          />
        )}
      </ChartCard>
      <ChartCard title={t('training.dashboard.internalExternal')} testId="chart-internal-external">
        {d.internal + d.external === 0 ? (
          <NoData />
        ) : (
          <Group justify="center" gap="xl">
            <DonutChart
              data={split}
              size={180}
              thickness={28}
              withLabels
              withTooltip
              chartLabel={d.internal + d.external}
            />
            <Stack gap={4}>
              {split.map((s) => (
                <Group key={s.name} gap={6}>
                  <div
                    style={{
                      width: 12,
                      height: 12,
                      borderRadius: 2,
                      background: `var(--mantine-color-${s.color.replace('.', '-')})`,
                    }}
                  />
                  <Text size="sm">
                    {s.name}: <b>{s.value}</b>
                  </Text>
                </Group>
              ))}
            </Stack>
          </Group>
        )}
      </ChartCard>
      <ChartCard title={t('training.dashboard.byMonth')} testId="chart-by-month">
        <LineChart
          h={240}
          data={byMonth}
          dataKey="label"
          series={[{ name: 'count', label: people, color: 'teal.6' }]}
          xAxisLabel={t('training.dashboard.month')}
          yAxisLabel={people}
          curveType="linear"
          yAxisProps={{ allowDecimals: false }}
        />
      </ChartCard>
    </SimpleGrid>
  );
}
