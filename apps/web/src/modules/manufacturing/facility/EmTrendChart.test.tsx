// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import i18n from '../../../i18n';
import { renderWithApp } from '../../../test/render';
import type { EmLimit, EmSample } from '../facility.types';
import { EmTrendChart } from './EmTrendChart';

/** The props the chart library was given (recharts draws nothing without a measured size in happy-dom). */
const chartProps = vi.hoisted(() => ({ last: null as null | Record<string, unknown> }));
vi.mock('@mantine/charts', () => ({
  LineChart: (props: Record<string, unknown>) => {
    chartProps.last = props;
    return <div data-testid="line-chart" />;
  },
}));

const LIMIT: EmLimit = {
  id: 'l1',
  grade: 'B',
  parameter: 'active_air',
  occupancy: 'in_operation',
  alertLimit: 5,
  actionLimit: 10,
  unit: 'cfu/m³',
  source: 'EU GMP Annex 1 (2022) Table 6',
};

const sample = (id: string, value: number, sampledAt: string): EmSample => ({
  id,
  roomId: 'r1',
  parameter: 'active_air',
  occupancy: 'in_operation',
  location: null,
  value,
  sampledAt,
  result: value > 10 ? 'action' : value > 5 ? 'alert' : 'within',
  deviationId: null,
  recordedBy: 'operator',
});

describe('EM trend chart', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('en');
    chartProps.last = null;
  });

  it('passes the alert and action limits as reference lines and the samples in time order (site time)', () => {
    renderWithApp(
      <EmTrendChart
        samples={[sample('s2', 12, '2026-11-24T02:00:00.000Z'), sample('s1', 3, '2026-11-23T02:00:00.000Z')]}
        limit={LIMIT}
        title="Active air sample"
      />,
    );
    expect(screen.getByTestId('line-chart')).toBeTruthy();
    const props = chartProps.last ?? {};
    expect(props.referenceLines).toEqual([
      expect.objectContaining({ y: 5, color: 'yellow.7', label: 'Alert 5' }),
      expect.objectContaining({ y: 10, color: 'red.7', label: 'Action 10' }),
    ]);
    expect(props.data).toEqual([
      { at: '2026-11-23 10:00', value: 3 },
      { at: '2026-11-24 10:00', value: 12 },
    ]);
    const root = screen.getByTestId('em-trend-chart');
    expect(root.getAttribute('data-alert-limit')).toBe('5');
    expect(root.getAttribute('data-action-limit')).toBe('10');
  });

  it('draws only the action line when the site set no alert limit, labelled in Chinese', async () => {
    await i18n.changeLanguage('zh-CN');
    renderWithApp(
      <EmTrendChart
        samples={[sample('s1', 0, '2026-11-23T02:00:00.000Z')]}
        limit={{ ...LIMIT, alertLimit: null }}
        title="x"
      />,
    );
    expect(chartProps.last?.referenceLines).toEqual([expect.objectContaining({ y: 10, label: '纠偏限 10' })]);
  });
});
