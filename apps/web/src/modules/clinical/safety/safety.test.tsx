// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import i18n from '../../../i18n';
import { jsonResponse } from '../../../test/render';
import { mockApi, renderAt, sent } from '../../manufacturing/test/fixtures';
import { registerClinicalTranslations } from '../i18n';
import { iceProgress, EMPTY_ICE } from './ice';
import { IcansAssessmentForm } from './IcansAssessmentForm';
import { CrsAssessmentForm } from './CrsAssessmentForm';
import { SaeClocksPage } from './SaeClocksPage';
import type { SaeClock } from './safety.types';

registerClinicalTranslations(i18n);

const H = 3_600_000;
function clock(over: Partial<SaeClock>): SaeClock {
  return {
    id: 'c1',
    kind: 'sponsor_initial',
    recipient: 'Sponsor safety desk',
    adverseEventId: 'ae1',
    aeNumber: 'AE-001',
    subjectId: 's1',
    subjectCode: 'A9999-000001',
    subjectNumber: 'HCC-001',
    term: 'cytokine_release_syndrome',
    grade: 3,
    startsAt: '2026-11-25T01:00:00.000Z',
    dueAt: '2026-11-26T01:00:00.000Z',
    status: 'running',
    msLeft: 5 * H + 12 * 60_000,
    overdueMs: 0,
    late: false,
    metAt: null,
    cancelledAt: null,
    cancelReason: null,
    basis: 'China GCP 2020 Art. 26',
    rulesVersion: 'cn-gcp-2020+ich-e2a/1',
    reports: [],
    ...over,
  };
}

const fill = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });
const tap = (testId: string) => fireEvent.click(screen.getByTestId(testId));

describe('SAE clock board', () => {
  afterEach(() => void i18n.changeLanguage('en'));

  it('lists overdue clocks first with the time in words and the due time in the site zone, and hides met ones', async () => {
    mockApi({
      'GET /clinical/sae-clocks': () =>
        jsonResponse(200, {
          now: '2026-11-25T20:00:00.000Z',
          items: [
            clock({ id: 'run', status: 'running' }),
            clock({ id: 'late', kind: 'expedited_regulatory', status: 'overdue', msLeft: 0, overdueMs: 26 * H, dueAt: '2026-11-24T12:00:00.000Z' }),
            clock({ id: 'met', status: 'met', metAt: '2026-11-25T03:00:00.000Z' }),
          ],
        }),
      'GET /clinical/ctcae/terms': () =>
        jsonResponse(200, { version: '5.0', items: [{ term: 'cytokine_release_syndrome', label: { en: 'Cytokine release syndrome', 'zh-CN': '细胞因子释放综合征' }, grades: {}, labGraded: false, meddraCode: '', soc: '' }] }),
    });
    renderAt(<SaeClocksPage />, '/clinical/sae-clocks', '/clinical/sae-clocks', ['clinical:read']);
    const rows = await screen.findAllByTestId('sae-clock-row');
    expect(rows.map((r) => r.dataset.clockId)).toEqual(['late', 'run']);
    expect(within(rows[0]!).getByTestId('sae-clock-time').textContent).toBe('Overdue by 1 d 2 h');
    expect(within(rows[1]!).getByTestId('sae-clock-time').textContent).toBe('5 h 12 min left');
    // 2026-11-24T12:00Z is 20:00 in Shanghai.
    expect(rows[0]!.textContent).toContain('2026-11-24 20:00 (Asia/Shanghai)');
    await waitFor(() => expect(rows[1]!.textContent).toContain('Cytokine release syndrome'));
    // Without clinical:investigate nobody is offered the report.
    expect(screen.queryByTestId('sae-report-open')).toBeNull();
  });

  it('records a report signed by the investigator, sending the site time as UTC', async () => {
    let body: unknown;
    const api = mockApi({
      'GET /clinical/sae-clocks': () => jsonResponse(200, { now: '2026-11-25T02:00:00.000Z', items: [clock({})] }),
      'GET /clinical/ctcae/terms': () => jsonResponse(200, { version: '5.0', items: [] }),
      'POST /clinical/sae-clocks/c1/reports': (_u, b) => {
        body = b;
        return jsonResponse(201, clock({ status: 'met', metAt: '2026-11-25T02:30:00.000Z' }));
      },
    });
    renderAt(<SaeClocksPage />, '/clinical/sae-clocks', '/clinical/sae-clocks', ['clinical:read', 'clinical:investigate']);
    fireEvent.click(await screen.findByTestId('sae-report-open'));
    fill('sae-report-at', '2026-11-25T10:30');
    fill('sae-report-reference', 'SP-2026-17');
    tap('sae-report-submit');
    await screen.findByTestId('sign-form');
    fill('sign-password', 'secret');
    tap('sign-submit');
    await waitFor(() => expect(sent(api, 'POST', '/clinical/sae-clocks/c1/reports')).toHaveLength(1));
    expect(body).toEqual({
      reportedAt: '2026-11-25T02:30:00.000Z',
      recipient: 'Sponsor safety desk',
      reference: 'SP-2026-17',
      signature: { password: 'secret', meaning: 'Reported the serious adverse event' },
    });
  });

  it('reads in Chinese', async () => {
    await i18n.changeLanguage('zh-CN');
    mockApi({
      'GET /clinical/sae-clocks': () => jsonResponse(200, { now: '', items: [clock({ status: 'overdue', msLeft: 0, overdueMs: 90 * 60_000 })] }),
      'GET /clinical/ctcae/terms': () => jsonResponse(200, { version: '5.0', items: [] }),
    });
    renderAt(<SaeClocksPage />, '/clinical/sae-clocks', '/clinical/sae-clocks', ['clinical:read']);
    const row = await screen.findByTestId('sae-clock-row');
    expect(row.textContent).toContain('已超时');
    expect(screen.getByText('严重不良事件报告时限')).toBeTruthy();
  });
});

describe('ICE screen and ICANS form', () => {
  it('counts the ICE items as they are answered', () => {
    expect(iceProgress(EMPTY_ICE)).toEqual({ total: 0, answered: 0, complete: false });
    expect(
      iceProgress({ ...EMPTY_ICE, orientationYear: true, orientationMonth: false, namedObjects: 2, countsBackBy10: true }),
    ).toEqual({ total: 4, answered: 4, complete: false });
  });

  it('shows the running total item by item, asks the calculator for the grade and sends every item', async () => {
    let calc: unknown;
    let body: unknown;
    const api = mockApi({
      'POST /clinical/icans': (_u, b) => {
        calc = b;
        return jsonResponse(200, { grade: 1 });
      },
      'POST /clinical/subjects/s1/icans-assessments': (_u, b) => {
        body = b;
        return jsonResponse(201, { assessment: { id: 'i1', day: 3, iceScore: 8, grade: 1 } });
      },
    });
    renderAt(<IcansAssessmentForm subjectId="s1" />, '/x', '/x', ['clinical:read', 'clinical:write']);
    const total = () => screen.getByTestId('ice-total');
    expect(total().dataset.total).toBe('0');
    tap('icans-consciousness-awake');
    tap('ice-orientationYear-yes');
    tap('ice-orientationMonth-yes');
    tap('ice-orientationCity-no');
    tap('ice-orientationHospital-yes');
    expect(total().dataset.total).toBe('3');
    tap('ice-namedObjects-3');
    expect(total().dataset.total).toBe('6');
    tap('ice-followsCommands-yes');
    tap('ice-writesSentence-no');
    expect(screen.getByTestId<HTMLButtonElement>('icans-submit').disabled).toBe(true);
    tap('ice-countsBackBy10-yes');
    expect(total().dataset.total).toBe('8');
    expect(total().dataset.complete).toBe('true');
    const grade = await screen.findByTestId('icans-grade');
    expect(grade.dataset.grade).toBe('1');
    expect(calc).toMatchObject({ iceScore: 8, consciousness: 'awake', seizure: 'none', motorWeakness: false, cerebralEdema: 'none' });
    tap('icans-submit');
    await waitFor(() => expect(sent(api, 'POST', '/clinical/subjects/s1/icans-assessments')).toHaveLength(1));
    expect(body).toMatchObject({
      consciousness: 'awake',
      ice: {
        orientationYear: true,
        orientationMonth: true,
        orientationCity: false,
        orientationHospital: true,
        namedObjects: 3,
        followsCommands: true,
        writesSentence: false,
        countsBackBy10: true,
      },
    });
    expect((await screen.findByTestId('icans-saved')).textContent).toContain('ICE 8/10');
  });

  it('leaves the ICE out for a patient who cannot be woken (ICE 0)', async () => {
    let calc: { iceScore?: number } | undefined;
    mockApi({
      'POST /clinical/icans': (_u, b) => {
        calc = b as { iceScore: number };
        return jsonResponse(200, { grade: 4 });
      },
    });
    renderAt(<IcansAssessmentForm subjectId="s1" />, '/x', '/x', ['clinical:read', 'clinical:write']);
    tap('icans-consciousness-unarousable');
    expect(screen.queryByTestId('ice-form')).toBeNull();
    expect((await screen.findByTestId('icans-grade')).dataset.grade).toBe('4');
    expect(calc?.iceScore).toBe(0);
  });
});

describe('CRS form', () => {
  it('shows the computed grade before saving and says when it opened the CRS adverse event', async () => {
    const api = mockApi({
      'POST /clinical/crs': (_u, b) => jsonResponse(200, { grade: (b as { hypotension: string }).hypotension === 'fluids' ? 2 : 1 }),
      'POST /clinical/subjects/s1/crs-assessments': () =>
        jsonResponse(201, {
          assessment: { id: 'a1', day: 3, grade: 2 },
          adverseEvent: { id: 'ae1', number: 'AE-002', action: 'created' },
        }),
    });
    renderAt(<CrsAssessmentForm subjectId="s1" />, '/x', '/x', ['clinical:read', 'clinical:write']);
    expect(screen.getByTestId<HTMLButtonElement>('crs-submit').disabled).toBe(true);
    fill('crs-temperature', '38.6');
    tap('crs-hypotension-none');
    tap('crs-hypoxia-none');
    expect((await screen.findByTestId('crs-grade')).dataset.grade).toBe('1');
    tap('crs-hypotension-fluids');
    await waitFor(() => expect(screen.getByTestId('crs-grade').dataset.grade).toBe('2'));
    tap('crs-treatments-tocilizumab');
    tap('crs-submit');
    await waitFor(() => expect(sent(api, 'POST', '/clinical/subjects/s1/crs-assessments')).toHaveLength(1));
    expect(sent(api, 'POST', '/clinical/subjects/s1/crs-assessments')[0]?.body).toMatchObject({
      temperatureC: 38.6,
      hypotension: 'fluids',
      hypoxia: 'none',
      afterAntipyretics: false,
      treatments: [{ kind: 'tocilizumab' }],
    });
    expect((await screen.findByTestId('crs-saved')).textContent).toContain('AE-002');
  });
});
