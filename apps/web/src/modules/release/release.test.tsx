// @vitest-environment happy-dom
/**
 * The release screen and the physician's notifications: the checklist names each blocker (in Chinese
 * too), an out-of-specification product offers the exceptional path and sends its record with the
 * signature, and the addressed physician acknowledges a late result with a signed answer.
 */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Permission } from '../../api/types';
import i18n from '../../i18n';
import { jsonResponse, renderRoute } from '../../test/render';
import { mockApi, sent } from '../manufacturing/test/fixtures';
import { BatchReleasePage } from './BatchReleasePage';
import { NotificationsPage } from './NotificationsPage';
import type { ReleaseCheck, ReleaseNotification } from './release.types';

function renderAs(user: { id: string; roles: string[] }, permissions: Permission[], ui: ReactElement, pattern: string, path: string) {
  return renderRoute(ui, pattern, path, { ...user, username: user.id, displayName: `Dr ${user.id}` }, permissions);
}

const QP: Permission[] = [
  'release:read',
  'batches:release',
  'batches:read',
  'coa:read',
  'coa:amend',
  'notifications:read',
];
const OOS_MESSAGE = 'Out of specification: VCN. Reject the batch, or release it only through the exceptional path.';

function oosCheck(): ReleaseCheck {
  const none = { allowed: true, blockers: [] };
  const oos = { code: 'release.out_of_specification', params: { tests: 'VCN', count: 1 }, message: OOS_MESSAGE };
  return {
    batchId: 'b1',
    batchNumber: 'B-2026-0007',
    status: 'completed',
    product: 'GPC3 CAR-T',
    productType: 'autologous',
    din: 'A999926000001',
    subjectCode: 'HCC-001',
    coi: 'CHA999926000001',
    qc: {
      specification: { id: 's1', product: 'GPC3 CAR-T', version: 1, shelfLifeDays: 270 },
      tests: [
        { code: 'VIAB', name: 'Viability', lateResultAllowed: false, state: 'conforming', resultId: 'r1' },
        { code: 'VCN', name: 'Vector copy number', lateResultAllowed: false, state: 'non_conforming', resultId: 'r2' },
      ],
      complete: false,
      outOfSpecification: ['VCN'],
      pendingLate: [],
    },
    openDeviations: [],
    expiry: { expiresAt: '2027-08-17T06:30:00Z', expired: false },
    review: {
      id: 'rv',
      batchId: 'b1',
      reviewer: { id: 'qa1', username: 'sunli', name: 'Sun Li' },
      comment: null,
      reviewedAt: '2026-11-25T06:00:00Z',
      signatures: [],
    },
    chainOfIdentity: {
      applies: true,
      verified: true,
      din: 'A999926000001',
      reason: null,
      receivedAt: '2026-11-20T06:00:00Z',
      exceptions: 0,
    },
    decisions: {
      release: { allowed: false, blockers: [oos] },
      conditional_release: {
        allowed: false,
        blockers: [oos, { code: 'release.nothing_pending', params: {}, message: 'Every QC result is in.' }],
      },
      reject: none,
    },
    releases: [],
    notifications: [],
    coaVersions: [],
  };
}

describe('release screen', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('en');
  });
  afterEach(() => vi.restoreAllMocks());

  it('lists the blockers per decision and sends an exceptional release with the physician request and justification', async () => {
    const fetchMock = mockApi({
      'GET /batches/b1/release-check': () => jsonResponse(200, oosCheck()),
      'POST /batches/b1/release': () => jsonResponse(201, {}),
    });
    renderAs({ id: 'qp1', roles: ['qp'] }, QP, <BatchReleasePage />, '/release/batches/:id', '/release/batches/b1');
    expect((await screen.findByTestId('blocker-release-release.out_of_specification')).textContent).toBe(OOS_MESSAGE);
    expect(screen.getByTestId('blockers-reject').getAttribute('data-allowed')).toBe('true');
    expect(screen.getByTestId('check-qc').getAttribute('data-ok')).toBe('false');
    expect(screen.getByTestId('check-coi').getAttribute('data-ok')).toBe('true');
    // 06:30 UTC is 14:30 in the site's time zone (Asia/Shanghai).
    expect(screen.getByTestId('check-expiry').getAttribute('data-ok')).toBe('true');
    expect(screen.getByTestId('check-expiry-detail').textContent).toContain('2027-08-17 14:30');
    expect(screen.getByTestId('check-expiry-detail').textContent).toContain('270 days');
    const sign = screen.getByTestId('decision-sign') as HTMLButtonElement;
    expect(sign.disabled).toBe(true);

    fireEvent.click(screen.getByTestId('exceptional-toggle'));
    fireEvent.change(screen.getByTestId('exceptional-requested-by'), { target: { value: 'Dr Wang Fang' } });
    fireEvent.change(screen.getByTestId('exceptional-requested-at'), { target: { value: '2026-11-26T09:30' } });
    fireEvent.change(screen.getByTestId('exceptional-text'), { target: { value: 'No alternative therapy.' } });
    expect(sign.disabled).toBe(true);
    fireEvent.change(screen.getByTestId('exceptional-justification'), {
      target: { value: 'Benefit outweighs the risk.' },
    });
    await waitFor(() => expect(sign.disabled).toBe(false));
    fireEvent.click(sign);
    fireEvent.change(await screen.findByTestId('sign-password'), { target: { value: 'pw' } });
    fireEvent.click(screen.getByTestId('sign-submit'));

    await waitFor(() => expect(sent(fetchMock, 'POST', '/batches/b1/release')).toHaveLength(1));
    expect(sent(fetchMock, 'POST', '/batches/b1/release')[0]!.body).toEqual({
      decision: 'release',
      signature: { password: 'pw', meaning: 'Certified for release' },
      exceptional: {
        physicianRequest: {
          requestedBy: 'Dr Wang Fang',
          requestedAt: '2026-11-26T01:30:00.000Z',
          text: 'No alternative therapy.',
        },
        justification: 'Benefit outweighs the risk.',
      },
    });
  });

  it('words the blockers in Chinese from their codes', async () => {
    await i18n.changeLanguage('zh-CN');
    mockApi({ 'GET /batches/b1/release-check': () => jsonResponse(200, oosCheck()) });
    renderAs({ id: 'qp1', roles: ['qp'] }, QP, <BatchReleasePage />, '/release/batches/:id', '/release/batches/b1');
    const text = (await screen.findByTestId('blocker-release-release.out_of_specification')).textContent ?? '';
    expect(text).toContain('超出标准：VCN');
    expect(text).not.toContain('Out of specification');
  });
});

describe('physician notifications', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('en');
  });
  afterEach(() => vi.restoreAllMocks());

  const notification: ReleaseNotification = {
    id: 'n1',
    batchId: 'b1',
    batchNumber: 'B-2026-0007',
    product: 'GPC3 CAR-T',
    din: 'A999926000001',
    subjectCode: 'HCC-001',
    coi: 'CHA999926000001',
    testCode: 'STERILITY',
    resultId: 'r9',
    message: 'Batch B-2026-0007 was released before all QC results were in.',
    status: 'open',
    physician: { id: 'dr1', username: 'dr1', name: 'Dr dr1' },
    createdAt: '2026-12-05T02:00:00Z',
    acknowledgedAt: null,
    acknowledgement: null,
    signatures: [],
  };

  it('lets the addressed physician acknowledge with a signed answer, and no one else', async () => {
    const fetchMock = mockApi({
      'GET /release-notifications': () => jsonResponse(200, { items: [notification] }),
      'POST /release-notifications/n1/acknowledge': () =>
        jsonResponse(200, { ...notification, status: 'acknowledged' }),
    });
    const physician: Permission[] = ['notifications:read', 'notifications:acknowledge', 'coa:read'];
    const view = renderAs(
      { id: 'dr2', roles: ['physician'] },
      physician,
      <NotificationsPage />,
      '/release/notifications',
      '/release/notifications',
    );
    expect((await screen.findByTestId('release-notification')).textContent).toContain(
      'Late STERILITY result out of specification: batch B-2026-0007',
    );
    expect(screen.queryByTestId('acknowledge-sign')).toBeNull();
    view.unmount();

    renderAs(
      { id: 'dr1', roles: ['physician'] },
      physician,
      <NotificationsPage />,
      '/release/notifications',
      '/release/notifications',
    );
    const button = (await screen.findByTestId('acknowledge-sign')) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    fireEvent.change(screen.getByTestId('acknowledge-text'), { target: { value: 'Blood cultures taken.' } });
    await waitFor(() => expect(button.disabled).toBe(false));
    fireEvent.click(button);
    fireEvent.change(await screen.findByTestId('sign-password'), { target: { value: 'pw' } });
    fireEvent.click(screen.getByTestId('sign-submit'));
    await waitFor(() => expect(sent(fetchMock, 'POST', '/release-notifications/n1/acknowledge')).toHaveLength(1));
    expect(sent(fetchMock, 'POST', '/release-notifications/n1/acknowledge')[0]!.body).toEqual({
      acknowledgement: 'Blood cultures taken.',
      signature: { password: 'pw', meaning: 'Acknowledged late result' },
    });
    expect(sent(fetchMock, 'GET', '/release-notifications')[0]!.query).toEqual({ status: 'open' });
  });
});
