// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import i18n from '../../../i18n';
import { jsonResponse } from '../../../test/render';
import { mockApi, renderAt, sent } from '../../manufacturing/test/fixtures';
import { siteWeek } from '../casebook/week';
import { registerClinicalTranslations } from '../i18n';
import { LabEntryForm } from './LabEntryForm';
import { LabImport } from './LabImport';
import type { LabAnalyte } from './labs.types';
import { flagOf, rangeText } from './reference';

registerClinicalTranslations(i18n);

// The published factors and adult ranges of @hepatica/core's LAB_ANALYTES (WS/T 404): bilirubin 17.1 µmol/L per mg/dL.
const BILIRUBIN: LabAnalyte = {
  analyte: 'bilirubin',
  label: { en: 'Total bilirubin', 'zh-CN': '总胆红素' },
  loinc: '14631-6',
  canonicalUnit: 'umol/L',
  units: [
    { unit: 'umol/L', factor: 1 },
    { unit: 'mg/dL', factor: 17.1 },
  ],
  reference: { low: 0, high: 26, unit: 'umol/L', source: 'WS/T 404.4' },
};
const ALBUMIN: LabAnalyte = {
  analyte: 'albumin',
  label: { en: 'Albumin', 'zh-CN': '白蛋白' },
  loinc: '1751-7',
  canonicalUnit: 'g/L',
  units: [
    { unit: 'g/L', factor: 1 },
    { unit: 'g/dL', factor: 10 },
  ],
  reference: { low: 40, high: 55, unit: 'g/L', source: 'WS/T 404.2' },
};
const INR: LabAnalyte = {
  analyte: 'inr',
  label: { en: 'INR', 'zh-CN': '国际标准化比值' },
  loinc: '6301-6',
  canonicalUnit: '',
  units: [{ unit: '', factor: 1 }],
  reference: { low: 0.8, high: 1.2, unit: '', source: 'typical' },
};

describe('reference ranges', () => {
  it.each([
    [1.6, 'mg/dL', 'high'], // 27.4 µmol/L
    [1.5, 'mg/dL', 'normal'], // 25.7 µmol/L
    [26, 'umol/L', 'normal'], // the limit itself is in range
    [26.1, 'umol/L', 'high'],
  ] as const)('bilirubin %s %s is %s', (value, unit, flag) => {
    expect(flagOf(BILIRUBIN, value, unit)).toBe(flag);
  });

  it('prints the range in the unit chosen', () => {
    expect(rangeText(ALBUMIN, 'g/dL')).toBe('4–5.5 g/dL');
    expect(rangeText(BILIRUBIN, 'umol/L')).toBe('0–26 umol/L');
    expect(flagOf(ALBUMIN, 3.2, 'g/dL')).toBe('low');
  });

  it('plans the week Monday to Sunday in the site zone', () => {
    // Sunday 2026-11-29 23:30 in Shanghai is 15:30 UTC: still the week of Monday 23 November.
    expect(siteWeek('Asia/Shanghai', new Date('2026-11-29T15:30:00Z'))).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    // Half an hour later it is Monday in Shanghai.
    expect(siteWeek('Asia/Shanghai', new Date('2026-11-29T16:30:00Z'))).toEqual({ from: '2026-11-30', to: '2026-12-06' });
    expect(siteWeek('Asia/Shanghai', new Date('2026-11-29T15:30:00Z'), 1).from).toBe('2026-11-30');
  });
});

const fill = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

describe('lab entry', () => {
  it('picks the unit per analyte, flags values against the range, shows the scores and sends the panel', async () => {
    const asked: unknown[] = [];
    const api = mockApi({
      'GET /clinical/lab-analytes': () => jsonResponse(200, { items: [BILIRUBIN, ALBUMIN, INR] }),
      'POST /clinical/scores': (_u, b) => {
        asked.push(b);
        const labs = (b as { labs: Record<string, unknown> }).labs;
        return jsonResponse(200, labs.albumin ? { albi: { score: -1.85, grade: 2 }, version: '2026.1' } : { version: '2026.1' });
      },
      'POST /clinical/subjects/s1/lab-panels': () => jsonResponse(201, { id: 'p1', collectedAt: '', results: [] }),
    });
    renderAt(<LabEntryForm subjectId="s1" sex="male" ageYears={58} />, '/x', '/x', ['clinical:read', 'clinical:write']);
    await waitFor(() => expect(screen.getByTestId('lab-analyte-0').querySelectorAll('option')).toHaveLength(4));
    fill('lab-analyte-0', 'bilirubin');
    // A new analyte starts in its SI unit; the conventional one is offered beside it.
    expect(screen.getByTestId<HTMLSelectElement>('lab-unit-0').value).toBe('umol/L');
    fill('lab-unit-0', 'mg/dL');
    fill('lab-value-0', '1.6');
    expect((await screen.findByTestId('lab-flag-0')).dataset.flag).toBe('high');
    expect(screen.getByTestId('score-albi').dataset.value).toBe('');

    fireEvent.click(screen.getByTestId('lab-add-row'));
    fill('lab-analyte-1', 'albumin');
    fill('lab-unit-1', 'g/dL');
    fill('lab-value-1', '3.2');
    expect(screen.getByTestId('lab-flag-1').dataset.flag).toBe('low');
    await waitFor(() => expect(screen.getByTestId('score-albi').dataset.value).toBe('−1.85 (grade 2)'));
    expect(asked.at(-1)).toEqual({
      sex: 'male',
      ageYears: 58,
      labs: { bilirubin: { value: 1.6, unit: 'mg/dL' }, albumin: { value: 3.2, unit: 'g/dL' } },
    });

    fill('lab-ascites', 'slight');
    fireEvent.click(screen.getByTestId('lab-submit'));
    await waitFor(() => expect(sent(api, 'POST', '/clinical/subjects/s1/lab-panels')).toHaveLength(1));
    expect(sent(api, 'POST', '/clinical/subjects/s1/lab-panels')[0]?.body).toMatchObject({
      ascites: 'slight',
      results: [
        { analyte: 'bilirubin', value: 1.6, unit: 'mg/dL' },
        { analyte: 'albumin', value: 3.2, unit: 'g/dL' },
      ],
    });
    await screen.findByTestId('lab-saved');
  });

  it('shows the field the server refused', async () => {
    mockApi({
      'GET /clinical/lab-analytes': () => jsonResponse(200, { items: [INR] }),
      'POST /clinical/scores': () => jsonResponse(200, {}),
      'POST /clinical/subjects/s1/lab-panels': () =>
        jsonResponse(
          422,
          {
            status: 422,
            title: 'Unprocessable',
            detail: 'An INR of 0 is impossible.',
            code: 'lab.impossible_value',
            errors: [{ path: 'body.results.0.value', message: 'INR must be above 0' }],
          },
          'application/problem+json',
        ),
    });
    renderAt(<LabEntryForm subjectId="s1" />, '/x', '/x', ['clinical:read', 'clinical:write']);
    await waitFor(() => expect(screen.getByTestId('lab-analyte-0').querySelectorAll('option')).toHaveLength(2));
    fill('lab-analyte-0', 'inr');
    fill('lab-value-0', '0');
    fireEvent.click(screen.getByTestId('lab-submit'));
    expect((await screen.findByTestId('problem-alert')).textContent).toContain('An INR of 0 is impossible.');
    expect(screen.getByText('INR must be above 0')).toBeTruthy();
  });
});

describe('lab CSV import', () => {
  it('previews, names every refused row, then commits', async () => {
    const api = mockApi({
      'POST /clinical/subjects/s1/lab-imports': (_u, b) =>
        (b as { commit: boolean }).commit
          ? jsonResponse(200, { accepted: 1, refused: 1, rows: [] })
          : jsonResponse(200, {
              accepted: 1,
              refused: 1,
              rows: [
                { line: 2, status: 'accepted', analyte: 'alt', value: 40, unit: 'U/L', problems: [] },
                { line: 3, status: 'refused', analyte: 'inr', value: 0, unit: '', problems: [{ path: 'value', message: 'An INR of 0 is impossible' }] },
              ],
            }),
    });
    renderAt(<LabImport subjectId="s1" />, '/x', '/x', ['clinical:read', 'clinical:write']);
    fill('lab-import-text', 'analyte,value,unit\nalt,40,U/L\ninr,0,\n');
    fireEvent.click(screen.getByTestId('lab-import-preview'));
    const rows = await screen.findAllByTestId('lab-import-row');
    expect(rows.map((r) => r.dataset.status)).toEqual(['accepted', 'refused']);
    expect(within(rows[1]!).getByText(/An INR of 0 is impossible/)).toBeTruthy();
    expect(sent(api, 'POST', '/clinical/subjects/s1/lab-imports')[0]?.body).toMatchObject({ commit: false });
    fireEvent.click(screen.getByTestId('lab-import-commit'));
    await screen.findByTestId('lab-import-done');
    expect(sent(api, 'POST', '/clinical/subjects/s1/lab-imports')[1]?.body).toMatchObject({ commit: true });
  });
});
