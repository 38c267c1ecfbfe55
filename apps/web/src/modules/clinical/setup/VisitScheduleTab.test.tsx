// @vitest-environment happy-dom
/**
 * The visit schedule editor: a draft's visits edited (fields, repeat, long-term follow-up) and saved as the API
 * takes them; a change of an existing schedule carries the reason; a server field error lands on the input it
 * names; an effective version is read-only with translated names (both languages).
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import i18n from '../../../i18n';
import { jsonResponse, renderRoute } from '../../../test/render';
import { mockApi, sent } from '../../manufacturing/test/fixtures';
import type { ScheduleBody } from '../casebook/visits.api';
import type { VisitSchedule } from '../casebook/visits.types';
import { protocol, stubFonts } from '../clinical.fixtures';
import { registerClinicalTranslations } from '../i18n';
import { VisitScheduleTab } from './VisitScheduleTab';

beforeAll(() => {
  stubFonts();
  registerClinicalTranslations(i18n);
});
afterEach(() => vi.restoreAllMocks());

const COORDINATOR = { id: 'u2', username: 'coord', displayName: 'Coordinator Two', roles: ['coordinator'] };
const PATH = '/clinical/protocols/pv1/visit-schedule';
const LTFU = {
  id: 'd1', position: 0, code: 'LTFU', name: { en: 'Long-term follow-up', zh: '长期随访' }, phase: 'ltfu' as const, anchor: 'infusion' as const,
  dayOffset: 365, windowBefore: 30, windowAfter: 30, assessments: ['rcl_test', 'vcn_blood'], repeat: { every: 1, unit: 'year' as const },
};
const schedule = (over: Partial<VisitSchedule> = {}): VisitSchedule => ({
  protocolVersionId: 'pv1', protocolStatus: 'draft', editable: true, ltfu: null, visits: [], updatedAt: null, ...over,
});
const problem = (status: number, code: string, path: string, message: string) =>
  jsonResponse(status, { title: 'Unprocessable', status, code, detail: message, params: { code: 'M3' }, errors: [{ path, message }] }, 'application/problem+json');

describe('visit schedule tab', () => {
  it('adds a repeated visit with its fields and long-term follow-up, and saves the first schedule without a reason', async () => {
    const fetchMock = mockApi({
      [`GET ${PATH}`]: () => jsonResponse(200, schedule()),
      [`PUT ${PATH}`]: () => jsonResponse(200, schedule({ visits: [LTFU] })),
    });
    renderRoute(<VisitScheduleTab version={protocol()} />, '/x', '/x', COORDINATOR, ['clinical:read', 'protocols:write']);
    await screen.findByTestId('visit-schedule-editor');
    expect(screen.queryByTestId('schedule-reason')).toBeNull();
    fireEvent.click(screen.getByTestId('visit-add'));
    const row = screen.getByTestId('visit-definition-row');
    const set = (id: string, value: string) => fireEvent.change(within(row).getByTestId(id), { target: { value } });
    set('visit-code', 'CRS');
    set('visit-nameEn', 'CRS check');
    set('visit-nameZh', 'CRS 评估');
    set('visit-phase', 'treatment');
    set('visit-dayOffset', '1');
    fireEvent.click(within(row).getByTestId('visit-repeats'));
    set('visit-count', '14');
    fireEvent.change(screen.getByTestId('ltfu-years'), { target: { value: '15' } });
    fireEvent.change(screen.getByTestId('ltfu-basis'), { target: { value: 'genetically_modified_cells' } });
    fireEvent.click(screen.getByTestId('schedule-save'));
    await screen.findByTestId('schedule-saved');
    const body = sent(fetchMock, 'PUT', PATH)[0]?.body as ScheduleBody;
    expect(body).toEqual({
      ltfu: { years: 15, basis: 'genetically_modified_cells' },
      visits: [{ code: 'CRS', name: { en: 'CRS check', zh: 'CRS 评估' }, phase: 'treatment', anchor: 'infusion', dayOffset: 1, windowBefore: 0, windowAfter: 0, assessments: [], repeat: { every: 1, unit: 'day', count: 14 } }],
    });
  });

  it('asks the reason for a change of an existing schedule and shows the server field error on its input', async () => {
    const fetchMock = mockApi({
      [`GET ${PATH}`]: () => jsonResponse(200, schedule({ visits: [LTFU, { ...LTFU, id: 'd2', position: 1, code: 'M3', phase: 'follow_up', repeat: null }], ltfu: { years: 15, basis: null } })),
      [`PUT ${PATH}`]: () => problem(422, 'visit.duplicate_code', 'body.visits.1.code', 'Visit code M3 is used twice.'),
    });
    renderRoute(<VisitScheduleTab version={protocol()} />, '/x', '/x', COORDINATOR, ['clinical:read', 'protocols:write']);
    const rows = await screen.findAllByTestId('visit-definition-row');
    expect(rows).toHaveLength(2);
    expect((within(rows[0]!).getByTestId('visit-count') as HTMLInputElement).value).toBe('');
    expect((screen.getByTestId('schedule-save') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByTestId('schedule-reason'), { target: { value: 'Protocol amendment 2' } });
    fireEvent.click(screen.getByTestId('schedule-save'));
    await screen.findByTestId('schedule-error');
    const body = sent(fetchMock, 'PUT', PATH)[0]?.body as ScheduleBody;
    expect(body.reason).toBe('Protocol amendment 2');
    expect(body.visits.map((v) => [v.code, v.repeat])).toEqual([['LTFU', { every: 1, unit: 'year', count: null }], ['M3', null]]);
    const second = screen.getAllByTestId('visit-definition-row')[1] as HTMLElement;
    await waitFor(() => expect(within(second).getAllByText('Visit code M3 is used twice.').length).toBeGreaterThan(0));
    expect(within(screen.getAllByTestId('visit-definition-row')[0] as HTMLElement).queryByText('Visit code M3 is used twice.')).toBeNull();
  });

  it('shows an effective version read-only with translated names, in Chinese too', async () => {
    mockApi({ [`GET ${PATH}`]: () => jsonResponse(200, schedule({ protocolStatus: 'effective', editable: false, visits: [LTFU], ltfu: { years: 15, basis: 'integrating_vector' } })) });
    renderRoute(<VisitScheduleTab version={protocol({ status: 'effective' })} />, '/x', '/x', COORDINATOR, ['clinical:read', 'protocols:write']);
    await screen.findByTestId('visit-schedule-view');
    expect(screen.queryByTestId('visit-schedule-editor')).toBeNull();
    expect(screen.queryByTestId('schedule-save')).toBeNull();
    expect(screen.getByText(/Replication-competent lentivirus \(RCL\)/)).toBeTruthy();
    expect(screen.getByText('every 1 years to the end of follow-up')).toBeTruthy();
    await i18n.changeLanguage('zh-CN');
    try {
      await screen.findByText(/复制型慢病毒/);
      expect(screen.getByText(/LTFU · 长期随访/)).toBeTruthy();
      expect(screen.getByText(/整合型载体/)).toBeTruthy();
    } finally {
      await i18n.changeLanguage('en');
    }
  });
});
