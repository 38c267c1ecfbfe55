/**
 * Trend of one EM parameter in one room over time with the alert and action limits of the room's grade
 * drawn as reference lines (alert yellow, action red), times in the site's zone.
 */
import '@mantine/charts/styles.css';
import { LineChart, type ChartReferenceLineProps } from '@mantine/charts';
import { Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useTimeZone } from '../../../app/session';
import { formatDateTime } from '../../../lib/time';
import type { EmLimit, EmSample } from '../facility.types';

/** A round upper bound for the y axis a little above `value` (e.g. 404 800 → 450 000). */
export function niceTop(value: number): number {
  if (!(value > 0)) return 1;
  const padded = value * 1.1;
  if (padded <= 10) return Math.ceil(padded);
  const step = 10 ** Math.floor(Math.log10(padded)) / 2;
  return Math.ceil(padded / step) * step;
}

/** The limit lines of a chart: the alert limit (when the site set one) and the action limit. */
export function emReferenceLines(limit: EmLimit | undefined, t: TFunction): ChartReferenceLineProps[] {
  if (!limit) return [];
  const lines: ChartReferenceLineProps[] = [];
  if (limit.alertLimit != null)
    lines.push({
      y: limit.alertLimit,
      color: 'yellow.7',
      strokeDasharray: '6 4',
      label: t('mfg.em.alertLine', { value: limit.alertLimit, unit: limit.unit }),
      labelPosition: 'insideTopLeft',
    });
  if (limit.actionLimit != null)
    lines.push({
      y: limit.actionLimit,
      color: 'red.7',
      label: t('mfg.em.actionLine', { value: limit.actionLimit, unit: limit.unit }),
      labelPosition: 'insideTopLeft',
    });
  return lines;
}

export function EmTrendChart({
  samples,
  limit,
  title,
}: {
  samples: EmSample[];
  limit: EmLimit | undefined;
  title: string;
}) {
  const { t } = useTranslation();
  const tz = useTimeZone();
  const sorted = [...samples].sort((a, b) => a.sampledAt.localeCompare(b.sampledAt));
  const data = sorted.map((s) => ({ at: formatDateTime(s.sampledAt, tz, false), value: s.value }));
  const top = Math.max(limit?.actionLimit ?? 0, limit?.alertLimit ?? 0, ...sorted.map((s) => s.value));
  return (
    <div
      data-testid="em-trend-chart"
      data-points={data.length}
      data-alert-limit={limit?.alertLimit ?? ''}
      data-action-limit={limit?.actionLimit ?? ''}
    >
      {data.length === 0 ? (
        <Text size="sm" c="dimmed" py="xl" ta="center" data-testid="em-trend-empty">
          {t('mfg.em.noSamples')}
        </Text>
      ) : (
        <LineChart
          h={300}
          data={data}
          dataKey="at"
          series={[{ name: 'value', label: title, color: 'teal.6' }]}
          referenceLines={emReferenceLines(limit, t)}
          yAxisProps={{ domain: [0, niceTop(top)], width: 80 }}
          yAxisLabel={limit?.unit}
          curveType="linear"
          gridAxis="xy"
          tickLine="xy"
          xAxisProps={{ minTickGap: 24 }}
        />
      )}
    </div>
  );
}
