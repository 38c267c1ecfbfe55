/**
 * The data logger's temperatures over the journey with the product's storage limit as a red line (the same
 * chart library as the EM trends), and the excursion summary: first and last time out of range, how long,
 * how far, and the deviation it opened.
 */
import '@mantine/charts/styles.css';
import { LineChart, type ChartReferenceLineProps } from '@mantine/charts';
import { Alert, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useTimeZone } from '../../app/session';
import { DateTime } from '../../components/DateTime';
import { formatDateTime } from '../../lib/time';
import type { Deviation } from '../manufacturing/deviations.types';
import type { ExcursionSummary, Reading, TemperatureRange } from './bedside.types';
import { formatDuration, rangeText } from './duration';

function limitLines(range: TemperatureRange, label: (v: number) => string): ChartReferenceLineProps[] {
  const lines: ChartReferenceLineProps[] = [
    { y: range.maxC, color: 'red.7', label: label(range.maxC), labelPosition: 'insideTopLeft' },
  ];
  if (range.minC !== null)
    lines.push({ y: range.minC, color: 'red.7', label: label(range.minC), labelPosition: 'insideBottomLeft' });
  return lines;
}

export function TemperatureChart({ readings, range }: { readings: Reading[]; range: TemperatureRange }) {
  const { t } = useTranslation();
  const tz = useTimeZone();
  const data = readings.map((r) => ({ at: formatDateTime(r.at, tz, false), temperature: r.temperatureC }));
  const values = readings.map((r) => r.temperatureC);
  const low = Math.floor(Math.min(range.minC ?? range.maxC, ...values) / 10) * 10 - 10;
  const high = Math.ceil(Math.max(range.maxC, ...values) / 10) * 10 + 10;
  return (
    <div data-testid="temperature-chart" data-points={data.length} data-limit={range.maxC}>
      <LineChart
        h={300}
        data={data}
        dataKey="at"
        series={[{ name: 'temperature', label: t('bedside.logger.temperature'), color: 'blue.6' }]}
        referenceLines={limitLines(range, (value) => t('bedside.logger.limitLine', { value }))}
        yAxisProps={{ domain: [low, high], width: 70 }}
        yAxisLabel="°C"
        curveType="linear"
        gridAxis="xy"
        withDots={data.length <= 60}
        xAxisProps={{ minTickGap: 32 }}
      />
    </div>
  );
}

export function ExcursionAlert({
  summary,
  range,
  deviations,
}: {
  summary: ExcursionSummary;
  range: TemperatureRange;
  deviations: Deviation[];
}) {
  const { t } = useTranslation();
  if (summary.excursions.length === 0) {
    return (
      <Text size="sm" c="teal.8" data-testid="excursion-none">
        {t('bedside.logger.inRange', { count: summary.readings, range: rangeText(range) })}
      </Text>
    );
  }
  return (
    <Alert
      color="red"
      variant="light"
      title={t('bedside.logger.excursionTitle', { count: summary.excursions.length })}
      data-testid="excursion-alert"
    >
      <Group gap="lg">
        <Text size="sm">
          {t('bedside.logger.firstOut')}: <DateTime value={summary.firstOutAt} />
        </Text>
        <Text size="sm">
          {t('bedside.logger.lastOut')}: <DateTime value={summary.lastOutAt} />
        </Text>
        <Text size="sm" data-testid="excursion-duration">
          {t('bedside.logger.duration')}: {formatDuration(summary.durationMinutes, t)}
        </Text>
        <Text size="sm" fw={700} data-testid="excursion-extreme">
          {t('bedside.logger.extreme')}: {summary.extremeC} °C ({t('bedside.logger.limit')} {rangeText(range)})
        </Text>
      </Group>
      {deviations.length > 0 && (
        <Text size="sm" mt="xs" data-testid="excursion-deviations">
          {t('bedside.logger.deviationOpened', { numbers: deviations.map((d) => d.number).join(', ') })}
        </Text>
      )}
    </Alert>
  );
}
