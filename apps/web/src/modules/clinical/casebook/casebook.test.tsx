// @vitest-environment happy-dom
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import i18n from '../../../i18n';
import { jsonResponse } from '../../../test/render';
import { mockApi, renderAt } from '../../manufacturing/test/fixtures';
import { registerClinicalTranslations } from '../i18n';
import type { Casebook } from './casebook.types';
import { SubjectCasebookPage, ageAt } from './SubjectCasebookPage';

registerClinicalTranslations(i18n);

function casebook(identity: { name?: string; mrn?: string }): Casebook {
  return {
    generatedAt: '2026-11-25T02:00:00.000Z',
    subject: {
      id: 's1',
      subjectCode: 'A9999-000001',
      subjectNumber: 'HCC-001',
      screeningNumber: 'HCC-S001',
      status: 'enrolled',
      screenedAt: '2026-10-01T02:00:00.000Z',
      enrolledAt: '2026-10-05T02:00:00.000Z',
      sex: 'male',
      birthDate: '1968-11-26',
      ...identity,
    },
    study: { id: 'st1', code: 'HCC', title: 'GPC3 CAR-T in HCC', indication: 'hcc' },
    protocol: { id: 'p1', version: 2, title: 'Protocol', status: 'effective' },
    consent: { status: 'valid' },
    visits: null,
    labs: null,
    labGrades: null,
    adverseEvents: [],
    saeClocks: [],
    crsIcans: { infusion: null, timeZone: 'Asia/Shanghai', days: [] },
    response: { baseline: null, timepoints: [], nadir: null, bestOverallResponse: null },
    product: { orders: [] },
    sections: { visits: 'not_available', labs: 'ready' },
  };
}

const CONSENT = {
  subjectId: 's1',
  subjectNumber: 'HCC-001',
  screeningNumber: 'HCC-S001',
  status: 'valid',
  current: null,
  reconsent: null,
  continues: { treatment: true, visits: true, safetyFollowUp: true, collectedDataKept: true, optionalParts: {} },
  records: [],
  withdrawals: [],
  history: [],
};

describe('subject casebook', () => {
  it('shows the pseudonymous code, and the name and MRN only when the server returned them', async () => {
    mockApi({
      'GET /clinical/subjects/s1/casebook': () => jsonResponse(200, casebook({})),
      'GET /clinical/subjects/s1': () => jsonResponse(200, { id: 's1', armCode: 'A' }),
      'GET /clinical/subjects/s1/consent': () => jsonResponse(200, CONSENT),
    });
    renderAt(<SubjectCasebookPage />, '/clinical/subjects/:id', '/clinical/subjects/s1', ['clinical:read']);
    expect((await screen.findByTestId('casebook-subject-code')).textContent).toBe('A9999-000001');
    expect(screen.getByTestId('casebook-subject-number').textContent).toBe('HCC-001');
    expect(screen.getByTestId('casebook-consent-status').textContent).toBe('Consent valid');
    expect(screen.queryByTestId('casebook-name')).toBeNull();
    expect(screen.queryByTestId('casebook-mrn')).toBeNull();
    expect((await screen.findByTestId('casebook-arm')).textContent).toBe('A');
    // A section whose server module is not built says so.
    fireEvent.click(screen.getByTestId('casebook-tab-visits'));
    await screen.findByTestId('section-visits-not-available');
  });

  it('shows the name and MRN to a reader the server gave them to', async () => {
    mockApi({
      'GET /clinical/subjects/s1/casebook': () => jsonResponse(200, casebook({ name: 'Wang Wei', mrn: 'MRN-0042' })),
      'GET /clinical/subjects/s1': () => jsonResponse(200, { id: 's1', armCode: null }),
      'GET /clinical/subjects/s1/consent': () => jsonResponse(200, CONSENT),
    });
    renderAt(<SubjectCasebookPage />, '/clinical/subjects/:id', '/clinical/subjects/s1', ['clinical:read', 'identity:read']);
    expect((await screen.findByTestId('casebook-name')).textContent).toBe('Wang Wei');
    expect(screen.getByTestId('casebook-mrn').textContent).toBe('MRN-0042');
  });

  it('counts the age in whole years (FIB-4)', () => {
    expect(ageAt('1968-11-26', '2026-11-25T02:00:00Z')).toBe(57);
    expect(ageAt('1968-11-25', '2026-11-25T02:00:00Z')).toBe(58);
  });
});
