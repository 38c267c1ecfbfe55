// @vitest-environment happy-dom
/**
 * Consent on screen: a representative's consent needs the representative and a witness before it can be
 * signed, every optional part is answered, and the signed consent is sent with the site time as UTC; the study
 * page shows an expired ethics approval red, saying it blocks screening and enrollment.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import i18n from '../../../i18n';
import { jsonResponse, renderRoute } from '../../../test/render';
import { mockApi, sent } from '../../manufacturing/test/fixtures';
import { STUDY, protocol, stubFonts, subject } from '../clinical.fixtures';
import { registerClinicalTranslations } from '../i18n';
import { StudyPage } from '../setup/StudyPage';
import { ConsentPanel } from './ConsentPanel';
import type { ConsentDocument } from './consent.types';

beforeAll(() => {
  stubFonts();
  registerClinicalTranslations(i18n);
});

const COORDINATOR = { id: 'u2', username: 'coord', displayName: 'Coordinator Two', roles: ['coordinator'] };
const DOC: ConsentDocument = {
  id: 'd1',
  studyId: STUDY.id,
  protocolVersionId: 'pv1',
  protocolVersion: 1,
  language: 'zh-CN',
  versionLabel: 'V1.0',
  title: '知情同意书',
  status: 'approved',
  approvedOn: '2026-01-10',
  effectiveFrom: '2026-01-10',
  optionalParts: [{ code: 'future_use_of_samples', label: 'Future use of samples' }],
  approvedBy: 'u3',
  approvedAt: '2026-01-10T02:00:00Z',
  supersededAt: null,
  supersededById: null,
  signatures: [],
  createdAt: '2026-01-05T00:00:00Z',
};
const NONE = {
  subjectId: 'sub1',
  subjectNumber: null,
  screeningNumber: 'HEP-CART-01-S001',
  status: 'none',
  current: null,
  reconsent: null,
  continues: { treatment: false, visits: false, safetyFollowUp: false, collectedDataKept: true, optionalParts: {} },
  records: [],
  withdrawals: [],
  history: [],
};

describe('consent panel', () => {
  it('records a representative consent with witness, optional parts and signature', async () => {
    const fetchMock = mockApi({
      'GET /clinical/subjects/sub1/consent': () => jsonResponse(200, NONE),
      'GET /clinical/subjects/sub1': () => jsonResponse(200, subject()),
      'GET /clinical/studies/st1/consent-documents': () => jsonResponse(200, { items: [DOC] }),
      'POST /clinical/subjects/sub1/consents': () => jsonResponse(201, {}),
    });
    renderRoute(<ConsentPanel subjectId="sub1" />, '/x', '/x', COORDINATOR, ['clinical:read', 'consent:write']);
    expect((await screen.findByTestId('consent-status')).textContent).toBe('No consent');
    await waitFor(() => expect((screen.getByTestId('consent-record') as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByTestId('consent-record'));
    const form = await screen.findByTestId('consent-form');
    await within(form).findByText(/V1.0/, { selector: 'option' });
    fireEvent.change(within(form).getByTestId('consent-at'), { target: { value: '2026-03-01T10:30' } });
    fireEvent.click(within(form).getByLabelText('A legally acceptable representative'));
    fireEvent.change(within(form).getByTestId('consent-lar-name'), { target: { value: 'Wang Fang' } });
    fireEvent.change(within(form).getByTestId('consent-lar-relationship'), { target: { value: 'spouse' } });
    fireEvent.click(within(form).getByLabelText('Agreed'));
    const submit = within(form).getByTestId('consent-submit') as HTMLButtonElement;
    // A representative signs: the witness is still missing.
    expect(submit.disabled).toBe(true);
    fireEvent.change(within(form).getByTestId('consent-witness'), { target: { value: 'Zhao Min' } });
    expect(submit.disabled).toBe(false);
    fireEvent.click(submit);
    fireEvent.change(await screen.findByTestId('sign-meaning'), { target: { value: 'consentRecorded' } });
    fireEvent.change(screen.getByTestId('sign-password'), { target: { value: 'secret-pass' } });
    fireEvent.click(screen.getByTestId('sign-submit'));
    await waitFor(() => expect(sent(fetchMock, 'POST', '/clinical/subjects/sub1/consents')).toHaveLength(1));
    expect(sent(fetchMock, 'POST', '/clinical/subjects/sub1/consents')[0]?.body).toEqual({
      documentId: 'd1',
      consentedAt: '2026-03-01T02:30:00.000Z',
      consentedBy: 'lar',
      lar: { name: 'Wang Fang', relationship: 'spouse' },
      subjectCanRead: true,
      witness: { name: 'Zhao Min' },
      investigatorId: 'u2',
      optionalParts: { future_use_of_samples: true },
      signature: { password: 'secret-pass', meaning: 'Consent recorded' },
    });
  });

  it('offers no recording to a reader without consent:write', async () => {
    mockApi({
      'GET /clinical/subjects/sub1/consent': () => jsonResponse(200, NONE),
      'GET /clinical/subjects/sub1': () => jsonResponse(200, subject()),
    });
    renderRoute(<ConsentPanel subjectId="sub1" />, '/x', '/x', COORDINATOR, ['clinical:read']);
    await screen.findByTestId('consent-status');
    expect(screen.queryByTestId('consent-record')).toBeNull();
  });
});

describe('study page', () => {
  it('shows the expired ethics approval red and that it blocks screening and enrollment', async () => {
    const expired = {
      id: 'e1',
      studyId: STUDY.id,
      committee: 'Hospital EC',
      approvalNumber: 'EC-2025-014',
      approvedOn: '2025-01-01',
      expiresOn: '2026-01-01',
      protocolVersionId: 'pv1',
      protocolVersion: 1,
      status: 'active',
      expired: true,
      createdAt: '2025-01-01T00:00:00Z',
    };
    mockApi({
      'GET /studies/st1': () => jsonResponse(200, STUDY),
      'GET /clinical/studies/st1/protocols': () => jsonResponse(200, { items: [protocol({ status: 'effective' })] }),
      'GET /clinical/studies/st1/ethics-approvals': () => jsonResponse(200, { items: [expired] }),
    });
    renderRoute(<StudyPage />, '/clinical/studies/:id', '/clinical/studies/st1', COORDINATOR, ['clinical:read', 'protocols:write']);
    const banner = await screen.findByTestId('ethics-blocked');
    expect(banner.textContent).toContain('EC-2025-014');
    expect(banner.textContent).toContain('2026-01-01');
    // The effective version is read-only: no save, no approve.
    expect(screen.getByText('Only a draft can be changed; this version is read-only.')).toBeTruthy();
    expect(screen.queryByTestId('version-general-save')).toBeNull();
    fireEvent.click(screen.getByTestId('tab-ethics'));
    const row = await screen.findByTestId('ethics-row');
    expect(row.getAttribute('data-expired')).toBe('true');
    expect(within(row).getByTestId('ethics-blocks').textContent).toBe('Blocks screening and enrollment');
  });
});
