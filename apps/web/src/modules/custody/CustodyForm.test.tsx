// @vitest-environment happy-dom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n';
import { jsonResponse, renderWithApp } from '../../test/render';
import { CustodyForm } from './CustodyForm';

function field(testId: string): HTMLInputElement {
  return screen.getByTestId(testId) as HTMLInputElement;
}

/** A keyboard-wedge scanner: the whole string arrives at once, then Enter. */
function scan(input: HTMLInputElement, text: string): void {
  fireEvent.change(input, { target: { value: text } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter' });
}

describe('CustodyForm scan-to-verify', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('en');
  });

  it('focuses the DIN field, turns the ISBT string into the DIN and moves on with Enter', () => {
    const fetchMock = vi.spyOn(globalThis, 'fetch');
    renderWithApp(<CustodyForm onRecorded={() => {}} />);
    const din = field('custody-din');
    expect(document.activeElement).toBe(din);

    scan(din, '=G12341765432100');

    expect(din.value).toBe('G123417654321');
    expect(document.activeElement).toBe(field('custody-scan'));
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('submits when the verifying scan gets its Enter and returns to the DIN field', async () => {
    const fetchMock = vi.spyOn(globalThis, 'fetch').mockResolvedValue(
      jsonResponse(201, {
        id: 'e1',
        din: 'G123417654321',
        type: 'handover',
        occurredAt: new Date().toISOString(),
        recordedBy: 'nurse1',
        createdAt: new Date().toISOString(),
      }),
    );
    const onRecorded = vi.fn();
    renderWithApp(<CustodyForm onRecorded={onRecorded} />);
    scan(field('custody-din'), '=G12341765432100');
    fireEvent.change(field('custody-location'), { target: { value: 'Apheresis unit' } });
    fireEvent.keyDown(field('custody-location'), { key: 'Enter', code: 'Enter' });
    expect(fetchMock).not.toHaveBeenCalled();

    scan(field('custody-scan'), '=G12341765432100');

    await waitFor(() => expect(onRecorded).toHaveBeenCalledWith('G123417654321'));
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/v1/custody-events');
    expect(JSON.parse(String(init?.body))).toMatchObject({
      din: 'G123417654321',
      scannedDin: '=G12341765432100',
      type: 'handover',
      location: 'Apheresis unit',
    });
    expect(field('custody-din').value).toBe('');
    expect(document.activeElement).toBe(field('custody-din'));
  });

  it('shows the problem detail in a red alert when the server refuses a mismatch (409)', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(
      jsonResponse(
        409,
        {
          type: 'about:blank',
          title: 'Conflict',
          status: 409,
          detail: 'Scanned DIN G123417654322 does not match G123417654321',
        },
        'application/problem+json',
      ),
    );
    renderWithApp(<CustodyForm onRecorded={() => {}} />);
    scan(field('custody-din'), 'G123417654321');
    scan(field('custody-scan'), '=G12341765432200');

    const alert = await screen.findByTestId('custody-error');
    expect(alert.textContent).toContain('Identity mismatch');
    expect(alert.textContent).toContain('does not match G123417654321');
  });

  it('words the refused mismatch in Chinese from its code, with both DINs', async () => {
    await i18n.changeLanguage('zh-CN');
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(
      jsonResponse(
        409,
        {
          type: 'urn:hepatica:problem:conflict',
          title: 'Conflict',
          status: 409,
          detail:
            'The scanned bag (DIN G123417654322) is not the bag being recorded (DIN G123417654321). Nothing was recorded; check that you hold the right bag. This mismatch has been logged.',
          requestId: 'req-1',
          code: 'custody.scan_mismatch',
          params: { din: 'G123417654321', scannedDin: 'G123417654322' },
        },
        'application/problem+json',
      ),
    );
    renderWithApp(<CustodyForm onRecorded={() => {}} />);
    scan(field('custody-din'), 'G123417654321');
    scan(field('custody-scan'), '=G12341765432200');

    const alert = await screen.findByTestId('custody-error');
    expect(alert.textContent).toContain('身份不一致');
    expect(alert.textContent).toContain('扫描的血袋（DIN G123417654322）不是正在记录的血袋（DIN G123417654321）');
    expect(alert.textContent).not.toContain('Nothing was recorded');
  });

  it('asks for the check character when the DIN is only retyped in the verify field', () => {
    const fetchMock = vi.spyOn(globalThis, 'fetch');
    renderWithApp(<CustodyForm onRecorded={() => {}} />);
    scan(field('custody-din'), 'G123417654321');
    scan(field('custody-scan'), 'G123417654321');
    expect(fetchMock).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(field('custody-scan'));
    expect(screen.getByText(/boxed check character/)).toBeTruthy();
  });

  it('keeps focus and explains when the scan is not a DIN', () => {
    renderWithApp(<CustodyForm onRecorded={() => {}} />);
    const din = field('custody-din');
    scan(din, 'HELLO');
    expect(document.activeElement).toBe(din);
    expect(screen.getByText(/Not a DIN/)).toBeTruthy();
  });
});
