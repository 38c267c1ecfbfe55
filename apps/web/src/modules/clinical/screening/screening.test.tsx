// @vitest-environment happy-dom
/**
 * Eligibility and enrollment on screen: each criterion's result (met, not met, unknown), the value that decided
 * it and whether it passes, the deciding criterion marked; the waiver offered only to an investigator and only
 * on a failing criterion; an enrollment refusal shown in the reader's language from its problem code; the
 * subject number and arm once enrolled.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Permission } from '../../../api/types';
import i18n from '../../../i18n';
import { jsonResponse, renderRoute, renderWithApp } from '../../../test/render';
import { mockApi, sent } from '../../manufacturing/test/fixtures';
import { ANALYTES, protocol, stubFonts, subject } from '../clinical.fixtures';
import { registerClinicalTranslations } from '../i18n';
import { EligibilityView, valueText } from './EligibilityView';
import type { Eligibility } from './screening.types';
import { SubjectScreeningPage } from './SubjectScreeningPage';

beforeAll(() => {
  stubFonts();
  registerClinicalTranslations(i18n);
});
afterEach(async () => {
  await i18n.changeLanguage('en');
});

const INELIGIBLE: Eligibility = {
  status: 'ineligible',
  decidedBy: { criterionId: 'c2', code: 'E1', kind: 'exclusion', outcome: 'met' },
  criteria: [
    { criterionId: 'c1', code: 'I1', kind: 'inclusion', text: 'Child-Pugh A', ruleType: 'child_pugh', result: 'met', value: 'A', waived: false, passes: true },
    {
      criterionId: 'c2',
      code: 'E1',
      kind: 'exclusion',
      text: 'Bilirubin above 3 mg/dL',
      ruleType: 'lab',
      result: 'met',
      value: { value: 3.4, unit: 'mg/dL' },
      waived: false,
      passes: false,
    },
    { criterionId: 'c3', code: 'I2', kind: 'inclusion', text: 'ECOG 0-1', ruleType: 'ecog', result: 'unknown', value: null, waived: false, passes: null },
  ],
};

const PHYSICIAN = { id: 'u3', username: 'drli', displayName: 'Dr Li', roles: ['physician'] };
const INVESTIGATOR: Permission[] = ['clinical:read', 'clinical:write', 'clinical:investigate', 'consent:write'];
const NURSE: Permission[] = ['clinical:read', 'clinical:write'];

function screeningApi(extra: Record<string, Parameters<typeof mockApi>[0][string]> = {}, sub = subject()) {
  return mockApi({
    'GET /clinical/subjects/sub1': () => jsonResponse(200, sub),
    'GET /clinical/subjects/sub1/eligibility': () => jsonResponse(200, INELIGIBLE),
    'GET /clinical/subjects/sub1/consent': () =>
      jsonResponse(200, {
        subjectId: 'sub1',
        subjectNumber: null,
        screeningNumber: sub.screeningNumber,
        status: 'valid',
        current: null,
        reconsent: null,
        continues: { treatment: true, visits: true, safetyFollowUp: true, collectedDataKept: true, optionalParts: {} },
        records: [],
        withdrawals: [],
        history: [],
      }),
    'GET /clinical/protocols/pv1': () => jsonResponse(200, protocol({ status: 'effective' })),
    'GET /clinical/lab-analytes': () => jsonResponse(200, { items: ANALYTES }),
    ...extra,
  });
}

describe('eligibility view', () => {
  it('shows each criterion met, not met or unknown, its value, whether it passes, and which decided', () => {
    const onWaive = vi.fn();
    renderWithApp(<EligibilityView eligibility={INELIGIBLE} onWaive={onWaive} />, ['clinical:read']);
    expect(screen.getByTestId('eligibility').getAttribute('data-status')).toBe('ineligible');
    expect(screen.getByTestId('eligibility-status').textContent).toContain('Not eligible');
    expect(screen.getByTestId('eligibility-status').textContent).toContain('Decided by Exclusion criterion E1');
    const rows = screen.getAllByTestId('eligibility-row');
    expect(rows.map((r) => r.getAttribute('data-result'))).toEqual(['met', 'met', 'unknown']);
    const e1 = rows[1] as HTMLElement;
    expect(e1.getAttribute('data-decided')).toBe('true');
    expect(within(e1).getByText('3.4 mg/dL')).toBeTruthy();
    expect(within(e1).getByText('Fails')).toBeTruthy();
    expect(within(rows[0] as HTMLElement).getByText('Passes', { selector: '.mantine-Badge-label' })).toBeTruthy();
    expect(within(rows[2] as HTMLElement).getByText('Not decided')).toBeTruthy();
    // A waiver only for the failing criterion.
    expect(screen.getAllByTestId('waive')).toHaveLength(1);
    fireEvent.click(within(e1).getByTestId('waive'));
    expect(onWaive).toHaveBeenCalledWith(expect.objectContaining({ code: 'E1' }));
  });

  it('offers no waiver without onWaive and reads in Chinese', async () => {
    await i18n.changeLanguage('zh-CN');
    renderWithApp(<EligibilityView eligibility={INELIGIBLE} />, ['clinical:read']);
    expect(screen.queryByTestId('waive')).toBeNull();
    expect(screen.getByTestId('eligibility-status').textContent).toContain('不合格');
    expect(screen.getByTestId('eligibility-status').textContent).toContain('E1');
    expect(screen.getAllByText('未知').length).toBeGreaterThan(0);
  });

  it('words decided values', () => {
    expect(valueText({ value: 1.6, unit: 'mg/dL' }, i18n.t)).toBe('1.6 mg/dL');
    expect(valueText(['tace', 'sorafenib'], i18n.t)).toBe('tace, sorafenib');
    expect(valueText(true, i18n.t)).toBe('Yes');
    expect(valueText(null, i18n.t)).toBe('—');
  });
});

describe('subject screening page', () => {
  it('shows an enrollment refusal in Chinese from its problem code and offers the waiver to the investigator', async () => {
    await i18n.changeLanguage('zh-CN');
    const fetchMock = screeningApi({
      'POST /clinical/subjects/sub1/enroll': () =>
        jsonResponse(
          409,
          {
            title: 'Conflict',
            status: 409,
            code: 'enrollment.ineligible',
            params: { criterionCode: 'E1', criterionId: 'c2' },
            detail: 'Criterion E1 is not satisfied.',
          },
          'application/problem+json',
        ),
    });
    renderRoute(<SubjectScreeningPage />, '/clinical/subjects/:id/screening', '/clinical/subjects/sub1/screening', PHYSICIAN, INVESTIGATOR);
    fireEvent.click(await screen.findByTestId('enroll'));
    const alert = await screen.findByTestId('enroll-error');
    expect(alert.textContent).toContain('受试者无法入组：标准 E1 未满足');
    expect(sent(fetchMock, 'POST', '/clinical/subjects/sub1/enroll')).toHaveLength(1);
    expect(await screen.findByTestId('waive')).toBeTruthy();
  });

  it('gives a nurse no waiver, and shows the subject number and arm once enrolled', async () => {
    screeningApi({}, subject({ status: 'enrolled', subjectNumber: 'HEP-CART-01-001', armCode: 'B', enrolledAt: '2026-03-02T02:00:00Z' }));
    renderRoute(<SubjectScreeningPage />, '/clinical/subjects/:id/screening', '/clinical/subjects/sub1/screening', PHYSICIAN, NURSE);
    expect((await screen.findByTestId('enrolled-subject-number')).textContent).toBe('HEP-CART-01-001');
    expect(screen.getByTestId('enrolled-arm').textContent).toBe('B');
    await screen.findByTestId('eligibility');
    expect(screen.queryByTestId('waive')).toBeNull();
    expect(screen.queryByTestId('enroll')).toBeNull();
  });

  it('sends the screening data with the labs in their units', async () => {
    const fetchMock = screeningApi({ 'PUT /clinical/subjects/sub1/screening-data': () => jsonResponse(200, {}) });
    renderRoute(<SubjectScreeningPage />, '/clinical/subjects/:id/screening', '/clinical/subjects/sub1/screening', PHYSICIAN, NURSE);
    const form = await screen.findByTestId('screening-data-form');
    fireEvent.change(within(form).getByTestId('data-ecog'), { target: { value: '1' } });
    fireEvent.change(within(form).getByTestId('data-lab-bilirubin'), { target: { value: '1.6' } });
    fireEvent.change(within(form).getByTestId('data-ascites'), { target: { value: 'slight' } });
    fireEvent.click(within(form).getByTestId('screening-data-save'));
    await waitFor(() => expect(sent(fetchMock, 'PUT', '/clinical/subjects/sub1/screening-data')).toHaveLength(1));
    const body = sent(fetchMock, 'PUT', '/clinical/subjects/sub1/screening-data')[0]?.body as Record<string, unknown>;
    expect(body).toMatchObject({ ecog: 1, ascites: 'slight', labs: { bilirubin: { value: 1.6, unit: 'mg/dL' } } });
    expect(body).not.toHaveProperty('reason');
  });
});
