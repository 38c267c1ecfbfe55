// @vitest-environment happy-dom
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryRouter, Route, Routes } from 'react-router';
import i18n from '../../../i18n';
import { jsonResponse } from '../../../test/render';
import type { Verification } from '../training.types';
import { VerifyPage } from './VerifyPage';

const GENUINE: Verification = {
  genuine: true,
  current: true,
  effectiveStatus: 'valid',
  learnerName: 'Li Wei',
  institution: 'Partner Hospital',
  courseCode: 'GMP-101',
  courseTitle: 'GMP basics for cell therapy',
  courseTitleZh: '细胞治疗 GMP 基础',
  achievedAt: '2026-06-01T01:00:00.000Z',
  validUntil: '2028-06-01T01:00:00.000Z',
  issuedAt: '2026-06-01T01:00:05.000Z',
};

/** The public page as the app mounts it: no session, no app shell. */
function renderPublic(path: string) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <MantineProvider env="test">
      <QueryClientProvider client={queryClient}>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route path="/verify/:code?" element={<VerifyPage />} />
          </Routes>
        </MemoryRouter>
      </QueryClientProvider>
    </MantineProvider>,
  );
}

function answer(status: number, body: unknown) {
  return vi
    .spyOn(globalThis, 'fetch')
    .mockImplementation(async () =>
      jsonResponse(status, body, status >= 400 ? 'application/problem+json' : 'application/json'),
    );
}

describe('public certificate verification', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('en');
  });

  it('says in green that a genuine, current certificate is genuine and current', async () => {
    const fetchMock = answer(200, GENUINE);
    renderPublic('/verify/ABCD-EFGH-JKLM');
    const ok = await screen.findByTestId('verify-valid');
    expect(ok.textContent).toContain('Genuine and current');
    expect(screen.getByTestId('verify-result').getAttribute('data-current')).toBe('true');
    expect(screen.getByTestId('verify-learner').textContent).toBe('Li Wei');
    expect(screen.getByTestId('verify-course').textContent).toContain('GMP-101');
    // The code is read without its dashes, and the call needs no session.
    expect(String(fetchMock.mock.calls[0]?.[0])).toBe('/api/v1/training/certificates/ABCDEFGHJKLM/verify');
    expect(screen.queryByTestId('navbar')).toBeNull();
  });

  it('says in red that a genuine certificate whose qualification expired is not current', async () => {
    answer(200, { ...GENUINE, current: false, effectiveStatus: 'expired' });
    renderPublic('/verify/ABCDEFGHJKLM');
    const bad = await screen.findByTestId('verify-not-current');
    expect(bad.textContent).toContain('NOT current');
    expect(screen.getByTestId('qualification-status').getAttribute('data-status')).toBe('expired');
  });

  it('says that an unknown code is not a genuine certificate (404), in Chinese too', async () => {
    answer(404, { title: 'Not found', status: 404, code: 'not-found', detail: 'Certificate was not found.' });
    await i18n.changeLanguage('zh-CN');
    renderPublic('/verify/ZZZZZZZZZZZZ');
    const missing = await screen.findByTestId('verify-not-found');
    expect(missing.textContent).toContain('未知证书');
    expect(missing.textContent).toContain('ZZZZZZZZZZZZ');
    expect(screen.queryByTestId('verify-result')).toBeNull();
    await i18n.changeLanguage('en');
  });

  it('verifies a typed code from the form', async () => {
    const fetchMock = answer(200, GENUINE);
    renderPublic('/verify');
    expect(fetchMock).not.toHaveBeenCalled();
    fireEvent.change(screen.getByTestId('verify-code'), { target: { value: 'abcd efgh jklm' } });
    fireEvent.click(screen.getByTestId('verify-submit'));
    await screen.findByTestId('verify-valid');
    await waitFor(() =>
      expect(String(fetchMock.mock.calls[0]?.[0])).toBe('/api/v1/training/certificates/ABCDEFGHJKLM/verify'),
    );
  });
});
