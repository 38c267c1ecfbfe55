// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '../../test/render';
import { mockApi, renderAt } from '../manufacturing/test/fixtures';
import { shipmentDetail } from './bedside.fixtures';
import { custodyPlace, ShipmentDetailPage } from './ShipmentDetailPage';

/** The props the chart library was given (recharts draws nothing without a measured size in happy-dom). */
const chartProps = vi.hoisted(() => ({ last: null as null | Record<string, unknown> }));
vi.mock('@mantine/charts', () => ({
  LineChart: (props: Record<string, unknown>) => {
    chartProps.last = props;
    return <div data-testid="line-chart" />;
  },
}));

const readings = [
  { at: '2026-05-01T00:00:00Z', temperatureC: -180 },
  { at: '2026-05-01T00:05:00Z', temperatureC: -120.5 },
  { at: '2026-05-01T01:15:00Z', temperatureC: -181 },
];

const SHIPMENT = shipmentDetail({
  status: 'in_transit',
  receivedAt: null,
  receivedBy: null,
  arrivalTemperatureC: null,
  excursion: true,
  logger: {
    loggerId: 'LOG-1',
    uploadedBy: 'operator',
    uploadedAt: '2026-05-01T02:00:00Z',
    readings,
    summary: {
      readings: 3,
      firstReadingAt: readings[0]!.at,
      lastReadingAt: readings[2]!.at,
      minC: -181,
      maxC: -120.5,
      excursions: [
        { startAt: readings[1]!.at, endAt: readings[2]!.at, durationMinutes: 70, extremeC: -120.5, readings: 1 },
      ],
      firstOutAt: readings[1]!.at,
      lastOutAt: readings[1]!.at,
      durationMinutes: 70,
      extremeC: -120.5,
    },
  },
  deviations: [
    {
      id: 'd1',
      number: 'DEV-2026-0007',
      title: 'Temperature excursion',
      description: '',
      severity: 'major',
      status: 'open',
      source: 'shipment_temperature',
      roomId: null,
      roomCode: null,
      batchId: 'b1',
      batchIds: ['b1'],
      openedAt: '2026-05-01T02:00:00Z',
      openedBy: 'operator',
    },
  ],
});

describe('shipment detail', () => {
  afterEach(() => vi.restoreAllMocks());

  it('charts the logger against the −150 °C limit and names the excursion and its deviation; receipt is offered in transit, the bedside check is not', async () => {
    mockApi({ 'GET /shipments/s1': () => jsonResponse(200, SHIPMENT) });
    renderAt(<ShipmentDetailPage />, '/bedside/shipments/:id', '/bedside/shipments/s1', [
      'shipments:read',
      'shipments:write',
      'infusions:write',
    ]);
    await screen.findByTestId('excursion-alert');
    expect(screen.getByTestId('excursion-duration').textContent).toContain('1 h 10 min');
    expect(screen.getByTestId('excursion-extreme').textContent).toContain('-120.5 °C');
    expect(screen.getByTestId('excursion-deviations').textContent).toContain('DEV-2026-0007');
    expect(screen.getByTestId('temperature-chart').dataset.limit).toBe('-150');
    expect(chartProps.last).toMatchObject({ referenceLines: [expect.objectContaining({ y: -150 })] });
    expect((chartProps.last!.data as unknown[]).length).toBe(3);
    expect(screen.getByTestId('receipt-open')).toBeTruthy();
    expect(screen.queryByTestId('bedside-open')).toBeNull();
    expect(screen.queryByTestId('logger-open')).toBeNull();
  });
});

describe('custodyPlace', () => {
  it.each([
    ['the shipping facility is not named twice', { location: 'GMP facility', fromParty: 'GMP facility', toParty: 'World Courier, dry shipper DS-07' }, 'GMP facility → World Courier, dry shipper DS-07'],
    ['a receipt names the courier handing over', { location: 'Ward 5', fromParty: 'World Courier', toParty: 'Chen Jing (RN)' }, 'Ward 5 · World Courier → Chen Jing (RN)'],
    ['storage has no handing party', { location: 'LN2 dewar 2', fromParty: null, toParty: 'Chen Jing (RN)' }, 'LN2 dewar 2 → Chen Jing (RN)'],
    ['nothing but a place', { location: 'Ward 5', fromParty: null, toParty: null }, 'Ward 5'],
  ])('%s', (_name, e, expected) => {
    expect(custodyPlace(e)).toBe(expected);
  });
});
