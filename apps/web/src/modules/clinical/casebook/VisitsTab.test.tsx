// @vitest-environment happy-dom
/**
 * A subject's visits: names and assessments in the UI language, the out-of-window flag, and completing or
 * missing a visit posting to the subject's visit by its code (POST /clinical/subjects/{id}/visits/{code}/…).
 */
import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import i18n from '../../../i18n';
import { jsonResponse, renderRoute } from '../../../test/render';
import { mockApi, sent } from '../../manufacturing/test/fixtures';
import { stubFonts } from '../clinical.fixtures';
import { registerClinicalTranslations } from '../i18n';
import type { SubjectVisits, Visit } from './visits.types';
import { VisitsTab } from './VisitsTab';

beforeAll(() => {
  stubFonts();
  registerClinicalTranslations(i18n);
});
afterEach(() => vi.restoreAllMocks());

const NURSE = { id: 'u3', username: 'nurse', displayName: 'Nurse Three', roles: ['nurse'] };
const visit = (over: Partial<Visit>): Visit => ({
  code: 'M3', definitionId: 'd1', definitionCode: 'M3', occurrence: null, name: { en: 'Month 3', zh: '第3个月' }, phase: 'follow_up',
  anchor: 'infusion', dayOffset: 90, targetDate: '2026-12-01', windowStart: '2026-11-24', windowEnd: '2026-12-08',
  assessments: ['liver_panel', 'afp'], status: 'in_window', occurredAt: null, outOfWindow: false, notes: null, missedReason: null,
  recordedBy: null, recordedAt: null, ...over,
});
const VISITS: SubjectVisits = {
  subjectId: 's1', timeZone: 'Asia/Shanghai', today: '2026-12-07', anchors: { consent: '2026-08-01', enrollment: '2026-08-10', infusion: '2026-09-02' }, ltfu: null,
  items: [visit({ code: 'CRS.1', definitionCode: 'CRS', occurrence: 1, name: { en: 'CRS check 1', zh: 'CRS 评估 1' }, status: 'done', occurredAt: '2026-09-10T02:00:00Z', outOfWindow: true }), visit({})],
  awaiting: [],
};

describe('visits tab', () => {
  it('shows translated names, the out-of-window flag, and records a missed visit by its code', async () => {
    const fetchMock = mockApi({
      'GET /clinical/subjects/s1/visits': () => jsonResponse(200, VISITS),
      'POST /clinical/subjects/s1/visits/M3/missed': () => jsonResponse(201, visit({ status: 'missed', missedReason: 'In ICU' })),
    });
    renderRoute(<VisitsTab subjectId="s1" />, '/x', '/x', NURSE, ['clinical:read', 'clinical:write']);
    const rows = await screen.findAllByTestId('visit-row');
    expect(within(rows[0]!).getByTestId('visit-out-of-window')).toBeTruthy();
    expect(within(rows[1]!).getByText('M3 · Month 3')).toBeTruthy();
    expect(within(rows[1]!).getByText('Liver panel, AFP')).toBeTruthy();
    fireEvent.click(within(rows[1]!).getByTestId('visit-miss'));
    fireEvent.change(await screen.findByTestId('visit-miss-reason'), { target: { value: 'In ICU' } });
    fireEvent.click(screen.getByTestId('visit-action-submit'));
    await vi.waitFor(() => expect(sent(fetchMock, 'POST', '/clinical/subjects/s1/visits/M3/missed')[0]?.body).toEqual({ reason: 'In ICU' }));
  });

  it('names the visit in Chinese', async () => {
    mockApi({ 'GET /clinical/subjects/s1/visits': () => jsonResponse(200, VISITS) });
    await i18n.changeLanguage('zh-CN');
    try {
      renderRoute(<VisitsTab subjectId="s1" />, '/x', '/x', NURSE, ['clinical:read']);
      expect(await screen.findByText('M3 · 第3个月')).toBeTruthy();
      expect(screen.getAllByText(/肝功能/)).toHaveLength(2);
    } finally {
      await i18n.changeLanguage('en');
    }
  });
});
