/**
 * A subject's liver scores over time (@mantine/charts, like the EM trends and the logger temperatures): MELD,
 * MELD-Na, MELD 3.0 and Child-Pugh points on one chart (5–40), ALBI, APRI and FIB-4 on a second (their scales
 * are small and ALBI is negative). Times on the axis are site times.
 */
import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useTimeZone } from '../../../app/session';
import { formatDateTime } from '../../../lib/time';
import type { ScorePoint } from './labs.types';

type Row = Record<string, string | number | null>;

/** One chart row per point, a score left null where the panel did not allow it (the line skips it). */
export function chartRows(points: ScorePoint[], tz: string): Row[] {
  return [...points]
    .sort((a, b) => a.at.localeCompare(b.at))
    .map((p) => ({
      at: formatDateTime(p.at, tz, false).slice(0, 10),
      meld: p.meld?.score ?? null,
      meldNa: p.meldNa?.score ?? null,
      meld3: p.meld3?.score ?? null,
      childPugh: p.childPugh?.points ?? null,
      albi: p.albi?.score ?? null,
      apri: p.apri?.score ?? null,
      fib4: p.fib4?.score ?? null,
    }));
}

export function ScoresChart({ points }: { points: ScorePoint[] }) {
  const { t } = useTranslation();
  const tz = useTimeZone();
  const data = chartRows(points, tz);
  const name = (k: string) => t(`clinical.labs.scores.names.${k}`);
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} data-testid="scores-chart" data-points={data.length}>
      <figure style={{ margin: 0 }}>
        <Text component="figcaption" fw={600} size="sm" mb="xs">
          {t('clinical.labs.chart.meldChildPugh')}
        </Text>
        <LineChart
          h={260}
          data={data}
          dataKey="at"
          connectNulls
          series={[
            { name: 'meld', label: name('meld'), color: 'teal.7' },
            { name: 'meldNa', label: name('meldNa'), color: 'blue.7' },
            { name: 'meld3', label: name('meld3'), color: 'grape.7' },
            { name: 'childPugh', label: name('childPugh'), color: 'orange.7' },
          ]}
          withLegend
          curveType="linear"
          yAxisProps={{ domain: [0, 40] }}
        />
      </figure>
      <figure style={{ margin: 0 }}>
        <Text component="figcaption" fw={600} size="sm" mb="xs">
          {t('clinical.labs.chart.fibrosis')}
        </Text>
        <LineChart
          h={260}
          data={data}
          dataKey="at"
          connectNulls
          series={[
            { name: 'albi', label: name('albi'), color: 'red.7' },
            { name: 'apri', label: name('apri'), color: 'cyan.7' },
            { name: 'fib4', label: name('fib4'), color: 'indigo.7' },
          ]}
          withLegend
          curveType="linear"
        />
      </figure>
    </SimpleGrid>
  );
}
