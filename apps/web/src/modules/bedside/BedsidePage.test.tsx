// @vitest-environment happy-dom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n';
import { jsonResponse } from '../../test/render';
import { mockApi, renderAt } from '../manufacturing/test/fixtures';
import { shipmentDetail } from './bedside.fixtures';
import { BedsidePage } from './BedsidePage';
import { durationParts, formatDuration, rangeText } from './duration';

const SHIPMENT = shipmentDetail();

const fill = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });
const fillVerification = () => {
  fill('bedside-wristband', 'A9999-000002');
  fill('bedside-product', '=+00000=A99992600000100&/CHA999926000001');
  fill('bedside-second-username', 'nurse2');
  fill('bedside-second-password', 'secret');
  fill('bedside-password', 'mine');
};

describe('bedside verification screen', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    void i18n.changeLanguage('en');
  });

  it("shows a mismatch as a STOP message in the reader's language, sending both scans and the second person", async () => {
    await i18n.changeLanguage('zh-CN');
    let sent: unknown;
    mockApi({
      'GET /shipments/s1': () => jsonResponse(200, SHIPMENT),
      'POST /shipments/s1/verifications': (_url, body) => {
        sent = body;
        return jsonResponse(
          409,
          {
            status: 409,
            title: 'Conflict',
            detail: 'STOP: …',
            code: 'bedside.wrong_patient',
            params: { scanned_subjectCode: 'A9999-000002', expected_subjectCode: 'A9999-000001' },
          },
          'application/problem+json',
        );
      },
    });
    renderAt(<BedsidePage />, '/bedside/shipments/:id/bedside', '/bedside/shipments/s1/bedside', [
      'shipments:read',
      'infusions:write',
    ]);
    await screen.findByTestId('bedside-verify');
    fillVerification();
    fireEvent.click(screen.getByTestId('bedside-verify-submit'));
    const refusal = await screen.findByTestId('bedside-refusal');
    expect(refusal.textContent).toContain('停止');
    expect(refusal.textContent).toContain('A9999-000002');
    expect(sent).toMatchObject({
      wristbandScan: 'A9999-000002',
      secondPerson: { username: 'nurse2', password: 'secret' },
      signature: { password: 'mine' },
    });
    expect(screen.queryByTestId('infusion-form')).toBeNull();
    // The next scan starts in an empty wristband field instead of being appended to the refused one.
    expect(screen.getByTestId<HTMLInputElement>('bedside-wristband').value).toBe('');
    expect(screen.getByTestId<HTMLInputElement>('bedside-product').value).toBe('');
  });

  it('moves to the infusion form once both match, and computes the dose per kg', async () => {
    mockApi({
      'GET /shipments/s1': () => jsonResponse(200, SHIPMENT),
      'POST /shipments/s1/verifications': () =>
        jsonResponse(201, {
          id: 'v1',
          subjectCode: 'A9999-000001',
          din: 'A999926000001',
          coi: 'CHA999926000001',
          verifiedBy: 'operator',
          secondVerifier: 'nurse2',
          verifiedAt: new Date().toISOString(),
          signatures: [],
        }),
    });
    renderAt(<BedsidePage />, '/bedside/shipments/:id/bedside', '/bedside/shipments/s1/bedside', [
      'shipments:read',
      'infusions:write',
    ]);
    await screen.findByTestId('bedside-verify');
    fillVerification();
    fireEvent.click(screen.getByTestId('bedside-verify-submit'));
    await screen.findByTestId('bedside-match');
    fill('infusion-cells', '140');
    fill('infusion-weight', '70');
    await waitFor(() => expect(screen.getByTestId('infusion-per-kg').textContent).toContain('2.00 × 10⁶ / kg'));
  });
});

describe('durations and ranges', () => {
  it.each([
    [0, '0 min'],
    [59, '59 min'],
    [60, '1 h 0 min'],
    [1439, '23 h 59 min'],
    [1440, '1 d 0 h'],
    [14_040, '9 d 18 h'],
  ])('%i minutes read as %s', (minutes, text) => {
    expect(formatDuration(minutes, i18n.t.bind(i18n))).toBe(text);
  });

  it('has no duration before both ends are known, and prints ranges with a true minus sign', () => {
    expect(formatDuration(null, i18n.t.bind(i18n))).toBe('—');
    expect(durationParts(-5)).toEqual({ days: 0, hours: 0, minutes: 0 });
    expect(rangeText({ minC: null, maxC: -150 })).toBe('≤ −150 °C');
    expect(rangeText({ minC: 2, maxC: 8 })).toBe('2 to 8 °C');
  });
});
