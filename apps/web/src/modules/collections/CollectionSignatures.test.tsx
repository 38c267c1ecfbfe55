// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Collection, Permission, Signature } from '../../api/types';
import { SignaturesList } from '../../components/SignaturesList';
import i18n from '../../i18n';
import { jsonResponse, renderWithApp } from '../../test/render';
import { CollectionDetailPage } from './CollectionDetailPage';

const SIGNED: Signature = {
  signer: 'nurse1',
  printedName: 'Nurse One',
  at: '2026-11-25T06:30:00.000Z',
  meaning: 'Collected and labelled',
  valid: true,
};

function collection(signatures: Signature[] = []): Collection {
  return {
    id: 'c1',
    orderId: 'o1',
    din: 'G123426000001',
    flags: '00',
    checkCharacter: 'J',
    type: 'apheresis',
    collectedAt: '2026-11-25T06:00:00.000Z',
    expiresAt: '2026-11-27T06:00:00.000Z',
    volumeMl: 250,
    status: 'collected',
    subjectCode: 'HCC-0001',
    coi: 'COI-0001',
    createdAt: '2026-11-25T06:00:00.000Z',
    signatures,
  };
}

/**
 * fetch stub like the server: GET answers the collection, POST .../signatures answers `onSign(body)`
 * and, when that is a 201, later GETs answer the signed collection.
 */
function mockApi(initial: Collection, onSign?: (body: unknown) => Response) {
  let current = initial;
  return vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = String(input);
    if (init?.method === 'POST' && url.endsWith('/signatures') && onSign) {
      const res = onSign(JSON.parse(String(init.body)));
      if (res.status === 201) current = (await res.clone().json()) as Collection;
      return res;
    }
    if ((init?.method ?? 'GET') === 'GET' && url.startsWith('/api/v1/collections/')) return jsonResponse(200, current);
    return jsonResponse(404, { title: 'Not found', status: 404 }, 'application/problem+json');
  });
}

const READ_ONLY: Permission[] = ['collections:read'];
const SIGNER: Permission[] = ['collections:read', 'signatures:sign'];

describe('SignaturesList', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('en');
  });

  it('shows printed name, username, meaning and site time, and marks a changed record INVALIDATED', () => {
    renderWithApp(<SignaturesList signatures={[SIGNED, { ...SIGNED, meaning: 'Reviewed', valid: false }]} />);
    const rows = screen.getAllByTestId('signature-row');
    expect(rows.map((r) => r.getAttribute('data-valid'))).toEqual(['true', 'false']);

    const valid = within(rows[0]!);
    expect(valid.getByText('Nurse One')).toBeTruthy();
    expect(valid.getByText('nurse1')).toBeTruthy();
    expect(valid.getByText('Collected and labelled')).toBeTruthy();
    expect(valid.getByText('2026-11-25 14:30 (Asia/Shanghai)')).toBeTruthy();
    expect(valid.getByTestId('signature-status').textContent).toBe('Valid');

    const invalid = within(rows[1]!);
    expect(invalid.getByTestId('signature-status').textContent).toBe('Invalidated');
    expect(invalid.getByText('Record changed since signing')).toBeTruthy();
    expect(screen.getByTestId('signatures-invalidated').textContent).toContain('changed since it was signed');
  });

  it('says when the record has not been signed', () => {
    renderWithApp(<SignaturesList signatures={[]} />);
    expect(screen.getByTestId('signatures-list').textContent).toContain('not been signed');
    expect(screen.queryByTestId('signature-row')).toBeNull();
  });

  it('shows a known meaning in Chinese with the recorded English wording', async () => {
    await i18n.changeLanguage('zh-CN');
    renderWithApp(<SignaturesList signatures={[{ ...SIGNED, valid: false }]} />);
    const row = screen.getByTestId('signature-row');
    expect(row.textContent).toContain('已采集并贴标');
    expect(row.textContent).toContain('Collected and labelled');
    expect(within(row).getByTestId('signature-status').textContent).toBe('已失效');
  });
});

describe('Collection detail signing', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('en');
  });

  it('lists the signatures but hides the Sign button without signatures:sign', async () => {
    mockApi(collection([SIGNED]));
    renderWithApp(<CollectionDetailPage />, READ_ONLY);
    expect(await screen.findByTestId('signature-row')).toBeTruthy();
    expect(screen.queryByTestId('sign-open')).toBeNull();
  });

  it('posts { signature: { password, meaning } } with the ENGLISH meaning from a Chinese screen, then shows it', async () => {
    await i18n.changeLanguage('zh-CN');
    const signed: Signature = { ...SIGNED, meaning: 'Label verified against wristband' };
    const fetchMock = mockApi(collection(), () => jsonResponse(201, collection([signed])));
    renderWithApp(<CollectionDetailPage />, SIGNER);

    fireEvent.click(await screen.findByTestId('sign-open'));
    const dialog = within(screen.getByRole('dialog'));
    expect(dialog.getByTestId('sign-printed-name').textContent).toBe('Nurse One');
    expect(dialog.getByTestId('sign-statement').textContent).toContain('等同于手写签名');
    const password = dialog.getByTestId('sign-password') as HTMLInputElement;
    expect(password.getAttribute('autocomplete')).toBe('current-password');
    expect((dialog.getByTestId('sign-submit') as HTMLButtonElement).disabled).toBe(true);

    fireEvent.change(dialog.getByTestId('sign-meaning'), { target: { value: 'labelVerified' } });
    expect(dialog.getByText(/Label verified against wristband/)).toBeTruthy();
    fireEvent.change(password, { target: { value: 'Hepatica-Demo-2026' } });
    fireEvent.click(dialog.getByTestId('sign-submit'));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(String(post?.[0])).toBe('/api/v1/collections/c1/signatures');
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({
      signature: { password: 'Hepatica-Demo-2026', meaning: 'Label verified against wristband' },
    });
    await waitFor(() => expect(screen.getByTestId('signature-row').textContent).toContain('已核对标签与腕带一致'));
  });

  it('keeps the dialog open and shows the problem when the password is wrong (401)', async () => {
    mockApi(collection(), () =>
      jsonResponse(
        401,
        {
          type: 'urn:hepatica:problem:wrong-password',
          title: 'Password not accepted',
          status: 401,
          detail: 'The password you entered to sign is not correct; nothing was signed.',
        },
        'application/problem+json',
      ),
    );
    renderWithApp(<CollectionDetailPage />, SIGNER);
    fireEvent.click(await screen.findByTestId('sign-open'));
    fireEvent.change(screen.getByTestId('sign-meaning'), { target: { value: 'collectedAndLabelled' } });
    fireEvent.change(screen.getByTestId('sign-password'), { target: { value: 'wrong' } });
    fireEvent.click(screen.getByTestId('sign-submit'));

    const alert = await screen.findByTestId('sign-error');
    expect(alert.textContent).toContain('Password not accepted');
    expect(alert.textContent).toContain('nothing was signed');
    expect(screen.getByRole('dialog')).toBeTruthy();
    expect((screen.getByTestId('sign-password') as HTMLInputElement).value).toBe('');
    expect(screen.getByTestId('signatures-list').getAttribute('data-count')).toBe('0');
  });
});
