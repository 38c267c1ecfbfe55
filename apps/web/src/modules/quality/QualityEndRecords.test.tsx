import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Permission } from '../../api/types';
import i18n from '../../i18n';
import { jsonResponse } from '../../test/render';
import { mockApi, renderAt, sent } from '../manufacturing/test/fixtures';
import { ChangeControlDetailPage } from './ChangeControlDetailPage';
import { DeviationDetailPage } from './DeviationDetailPage';
import { deviationDetail } from './quality.fixtures';
import type { ChangeControlDetail, DeviationDetail } from './quality.types';

const QA: Permission[] = ['deviations:read', 'quality:read', 'quality:write', 'quality:approve'];
const OPERATOR: Permission[] = ['deviations:read', 'quality:read', 'quality:write'];
const REASON = 'Reported twice: the same gowning lapse is DEV-2026-0041.';

const DEVIATION = deviationDetail();

const CHANGE: ChangeControlDetail = {
  id: 'c1',
  number: 'CC-2026-0007',
  title: 'Stepped freeze profile',
  description: 'Replace the 1 °C/min profile.',
  justification: 'Viability trend.',
  category: 'process',
  status: 'draft',
  requestedBy: 'operator',
  requestedAt: '2026-10-01T00:00:00Z',
  impact: null,
  assessedBy: null,
  assessedAt: null,
  approvedBy: null,
  approvedAt: null,
  implementationDueDate: '2099-03-31',
  implementationNote: null,
  implementedBy: null,
  implementedAt: null,
  effectivenessDueDate: null,
  effectivenessNote: null,
  closedBy: null,
  closedAt: null,
  withdrawnAt: null,
  withdrawnBy: null,
  withdrawReason: null,
  dueDate: '2099-03-31',
  overdue: false,
  signatures: [],
};

const showDeviation = (d: DeviationDetail, permissions: Permission[], routes: Parameters<typeof mockApi>[0] = {}) => {
  const fetchMock = mockApi({ 'GET /deviations/d1': () => jsonResponse(200, d), ...routes });
  renderAt(<DeviationDetailPage />, '/quality/deviations/:id', '/quality/deviations/d1', permissions);
  return fetchMock;
};
const showChange = (c: ChangeControlDetail, permissions: Permission[]) => {
  mockApi({ 'GET /change-controls/c1': () => jsonResponse(200, c) });
  renderAt(<ChangeControlDetailPage />, '/quality/change-controls/:id', '/quality/change-controls/c1', permissions);
};

/** Unmounts the page and its mocks, to render the next case in the same test. */
const again = () => {
  cleanup();
  vi.restoreAllMocks();
};

describe('cancelled deviations and withdrawn changes', () => {
  // Mantine's autosizing textarea listens for web fonts loading; happy-dom has no document.fonts.
  beforeAll(() => {
    if (!('fonts' in document))
      Object.defineProperty(document, 'fonts', {
        value: { addEventListener() {}, removeEventListener() {} },
        configurable: true,
      });
  });
  beforeEach(async () => {
    await i18n.changeLanguage('en');
  });
  afterEach(() => vi.restoreAllMocks());

  it('shows a cancelled deviation with who, when (site time) and why, and no lifecycle step', async () => {
    showDeviation(
      {
        ...DEVIATION,
        status: 'cancelled',
        cancelledBy: 'qa.lead',
        cancelledAt: '2026-10-17T06:30:00Z',
        cancelReason: REASON,
      },
      QA,
    );
    const banner = await screen.findByTestId('cancelled-banner');
    expect(screen.getByTestId('cancelled-banner-reason').textContent).toBe(REASON);
    expect(banner.textContent).toContain('Cancelled: opened in error');
    expect(banner.textContent).toContain('qa.lead');
    // 06:30 UTC is 14:30 in the site's time zone (Asia/Shanghai).
    expect(banner.textContent).toContain('2026-10-17 14:30');
    expect(screen.getByTestId('deviation-status').textContent).toBe('Cancelled');
    for (const id of ['cancel-deviation', 'classify-panel', 'close-panel', 'closure-checklist', 'raise-capa']) {
      expect(screen.queryByTestId(id), id).toBeNull();
    }
  });

  it('offers the cancellation to QA for a reported deviation only, never for one a rule opened', async () => {
    showDeviation({ ...DEVIATION, source: 'em_excursion' }, QA);
    await screen.findByTestId('classify-panel');
    expect(screen.queryByTestId('cancel-deviation')).toBeNull();
    again();

    showDeviation(DEVIATION, OPERATOR);
    await screen.findByTestId('deviation-detail');
    expect(screen.queryByTestId('cancel-deviation')).toBeNull();
    again();

    showDeviation(DEVIATION, QA);
    expect(await screen.findByTestId('cancel-deviation')).toBeTruthy();
  });

  it('asks for a sentence of reason, then signs the cancellation with it', async () => {
    const fetchMock = showDeviation(DEVIATION, QA, {
      'POST /deviations/d1/cancel': () => jsonResponse(200, { ...DEVIATION, status: 'cancelled' }),
    });
    fireEvent.click(await screen.findByTestId('cancel-deviation'));
    const reason = (await screen.findByTestId('cancel-deviation-reason')) as HTMLTextAreaElement;
    const next = screen.getByTestId('cancel-deviation-continue') as HTMLButtonElement;
    fireEvent.change(reason, { target: { value: 'Duplicate' } });
    expect(next.disabled).toBe(true);
    fireEvent.change(reason, { target: { value: `  ${REASON} ` } });
    await waitFor(() => expect(next.disabled).toBe(false));
    fireEvent.click(next);
    fireEvent.change(await screen.findByTestId('sign-password'), { target: { value: 'pw' } });
    fireEvent.click(screen.getByTestId('sign-submit'));
    await waitFor(() => expect(sent(fetchMock, 'POST', '/deviations/d1/cancel')).toHaveLength(1));
    expect(sent(fetchMock, 'POST', '/deviations/d1/cancel')[0]!.body).toEqual({
      reason: REASON,
      signature: { password: 'pw', meaning: 'Deviation cancelled: opened in error' },
    });
  });

  it('words a refusal from its code in Chinese', async () => {
    await i18n.changeLanguage('zh-CN');
    showDeviation(DEVIATION, QA, {
      'POST /deviations/d1/cancel': () =>
        jsonResponse(
          409,
          {
            type: 'urn:hepatica:problem:conflict',
            title: 'Conflict',
            status: 409,
            detail: 'CAPA-2026-0003 answers DEV-2026-0042 and is not closed; …',
            code: 'deviation.cancel_capa_linked',
            params: { number: 'DEV-2026-0042', capas: 'CAPA-2026-0003' },
          },
          'application/problem+json',
        ),
    });
    fireEvent.click(await screen.findByTestId('cancel-deviation'));
    fireEvent.change(await screen.findByTestId('cancel-deviation-reason'), { target: { value: REASON } });
    fireEvent.click(screen.getByTestId('cancel-deviation-continue'));
    fireEvent.change(await screen.findByTestId('sign-password'), { target: { value: 'pw' } });
    fireEvent.click(screen.getByTestId('sign-submit'));
    const refusal = await screen.findByTestId('cancel-deviation-error');
    expect(refusal.textContent).toContain('CAPA-2026-0003 对应 DEV-2026-0042 且尚未关闭');
  });

  it('shows a withdrawn change with the reason, and offers withdrawal to its requester before implementation only', async () => {
    showChange(
      {
        ...CHANGE,
        status: 'withdrawn',
        withdrawnBy: 'operator',
        withdrawnAt: '2026-10-20T02:00:00Z',
        withdrawReason: REASON,
        dueDate: null,
      },
      OPERATOR,
    );
    expect((await screen.findByTestId('withdrawn-banner')).textContent).toContain('2026-10-20 10:00');
    expect(screen.getByTestId('withdrawn-banner-reason').textContent).toBe(REASON);
    expect(screen.queryByTestId('withdraw-change')).toBeNull();
    again();

    showChange(CHANGE, OPERATOR);
    expect(await screen.findByTestId('withdraw-change')).toBeTruthy();
    again();

    // Someone else's change, without QA rights: not theirs to withdraw.
    showChange({ ...CHANGE, requestedBy: 'qc.analyst' }, OPERATOR);
    await screen.findByTestId('change-detail');
    expect(screen.queryByTestId('withdraw-change')).toBeNull();
    again();

    showChange({ ...CHANGE, status: 'implemented', effectivenessDueDate: '2099-09-30' }, QA);
    await screen.findByTestId('change-detail');
    expect(screen.queryByTestId('withdraw-change')).toBeNull();
  });
});
