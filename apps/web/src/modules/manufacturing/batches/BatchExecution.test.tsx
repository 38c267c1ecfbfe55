// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import i18n from '../../../i18n';
import { jsonResponse } from '../../../test/render';
import { executionRoutes, LOT, mockApi, renderAt, sent, UNIT } from '../test/fixtures';
import { BatchExecutionPage } from './BatchExecutionPage';

const open = () => renderAt(<BatchExecutionPage />, '/manufacturing/batches/:id', '/manufacturing/batches/b1');

/** A keyboard-wedge scanner: the whole code arrives at once, then Enter. */
function scan(testId: string, text: string) {
  const input = screen.getByTestId(testId);
  fireEvent.change(input, { target: { value: text } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter' });
}

function typeValue(key: string, value: string) {
  fireEvent.change(screen.getByTestId(`value-${key}`), { target: { value } });
}

/** The server refusing step 0 because Op One's ASEP-201 qualification is in `state` (`why` ends its message). */
function notQualified(state: 'never_held' | 'expired', why: string) {
  return executionRoutes({
    'POST /batches/b1/steps/0/complete': () =>
      jsonResponse(
        409,
        {
          type: 'about:blank',
          title: 'Conflict',
          status: 409,
          detail: `Op One is not qualified for ASEP-201 Aseptic gowning: ${why}.`,
          code: 'training.not_qualified',
          params: { competency: 'ASEP-201', state, name: 'Op One' },
        },
        'application/problem+json',
      ),
  });
}

/** Fills step 0 in range, scans its lot and the cabinet (as `equipmentCode`), completes it and signs. */
async function completeFirstStep(equipmentCode: string) {
  await screen.findByTestId('step-runner');
  typeValue('temperature', '37');
  scan('lot-scan', 'WB-2026-001');
  await screen.findByTestId('scanned-lot');
  scan('equipment-scan', equipmentCode);
  await screen.findByTestId('scanned-equipment');
  fireEvent.click(screen.getByTestId('step-complete'));
  fireEvent.change(await screen.findByTestId('sign-password'), { target: { value: 'Hepatica-Demo-2026' } });
  fireEvent.click(screen.getByTestId('sign-submit'));
}

describe('batch execution view', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('en');
  });

  it('flags an out-of-range value before saving, with the note that saving opens a deviation', async () => {
    const fetchMock = mockApi(executionRoutes());
    open();
    await screen.findByTestId('step-runner');
    expect(screen.getByTestId('value-temperature').getAttribute('data-out-of-range')).toBe('false');

    typeValue('temperature', '39.5');

    await waitFor(() => expect(screen.getByTestId('value-temperature').getAttribute('data-out-of-range')).toBe('true'));
    const warning = screen.getByTestId('out-of-range-warning');
    expect(warning.textContent).toContain('Water bath temperature');
    expect(warning.textContent).toMatch(/saving will open a deviation/i);
    expect(screen.getByText('Outside 36–38 °C: saving will open a deviation')).toBeTruthy();

    typeValue('temperature', '37');
    await waitFor(() => expect(screen.queryByTestId('out-of-range-warning')).toBeNull());
    expect(sent(fetchMock, 'POST', '/batches/b1/steps/0/complete')).toEqual([]);
  });

  it('adds the lot whose number is scanned into the lot field', async () => {
    const fetchMock = mockApi(executionRoutes());
    open();
    await screen.findByTestId('lot-scan');

    scan('lot-scan', 'WB-2026-001');

    const row = await screen.findByTestId('scanned-lot');
    expect(row.getAttribute('data-lot-number')).toBe('WB-2026-001');
    expect(within(row).getByText(/Wash buffer/)).toBeTruthy();
    expect(screen.getByTestId('material-need').getAttribute('data-covered')).toBe('true');
    expect(sent(fetchMock, 'GET', '/lots')[0]?.query).toEqual({ search: 'WB-2026-001' });
    expect((screen.getByTestId('lot-scan') as HTMLInputElement).value).toBe('');
  });

  it('refuses a scanned lot that QA has not released, saying so', async () => {
    mockApi(
      executionRoutes({
        'GET /lots': () => jsonResponse(200, { items: [{ ...LOT, status: 'quarantine', usable: false }] }),
      }),
    );
    open();
    await screen.findByTestId('lot-scan');
    scan('lot-scan', 'WB-2026-001');
    expect(await screen.findByText(/Lot WB-2026-001 is in quarantine/)).toBeTruthy();
    expect(screen.queryByTestId('scanned-lot')).toBeNull();
  });

  it('shows the server’s 409 qualification refusal with the course code', async () => {
    const fetchMock = mockApi(notQualified('never_held', 'they have never held this qualification'));
    open();
    // Typed lower case: the scan finds the cabinet whatever the case.
    await completeFirstStep('bsc-01');

    const refusal = await screen.findByTestId('step-refusal');
    expect(refusal.getAttribute('data-code')).toBe('training.not_qualified');
    expect(within(refusal).getByText('Qualification missing')).toBeTruthy();
    expect(screen.getByTestId('step-refusal-course').textContent).toBe('ASEP-201');
    expect(screen.getByTestId('step-refusal-text').textContent).toContain('ASEP-201');
    await waitFor(() => expect(screen.queryByTestId('sign-form')).toBeNull());

    expect(sent(fetchMock, 'POST', '/batches/b1/steps/0/complete')[0]?.body).toEqual({
      values: { temperature: 37 },
      materialLots: [{ lotId: LOT.id, quantity: 1 }],
      equipment: [UNIT.id],
      signature: { password: 'Hepatica-Demo-2026', meaning: 'Performed' },
    });
  });

  it('words the qualification refusal in Chinese with the course code', async () => {
    await i18n.changeLanguage('zh-CN');
    mockApi(notQualified('expired', 'the qualification expired'));
    open();
    await completeFirstStep('BSC-01');

    const text = await screen.findByTestId('step-refusal-text');
    expect(text.textContent).toBe('Op One 未持有课程 ASEP-201 的有效资质（已过期）。');
    expect(screen.getByTestId('step-refusal-course').textContent).toBe('ASEP-201');
  });
});
