// @vitest-environment happy-dom
/**
 * The eligibility criteria editor: new criteria get the next code of their kind, a rule type shows its own
 * fields (the lab rule's analyte and unit pickers come from the lab analytes), the draft is saved with the
 * reason, and a field error of the server lands on the input it names.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { beforeAll, describe, expect, it } from 'vitest';
import i18n from '../../../i18n';
import { jsonResponse, renderRoute, renderWithApp } from '../../../test/render';
import { mockApi, sent } from '../../manufacturing/test/fixtures';
import { ANALYTES, protocol, stubFonts } from '../clinical.fixtures';
import type { Criterion } from '../clinical.types';
import { registerClinicalTranslations } from '../i18n';
import { CriteriaEditor, nextCode } from './CriteriaEditor';
import { CriteriaTab } from './ProtocolPanels';
import { ruleSummary } from './rules';

beforeAll(() => {
  stubFonts();
  registerClinicalTranslations(i18n);
});

let latest: Criterion[] = [];
function Harness({ initial = [] as Criterion[] }) {
  const [value, setValue] = useState<Criterion[]>(initial);
  latest = value;
  return <CriteriaEditor value={value} onChange={setValue} analytes={ANALYTES} />;
}

const COORDINATOR = { id: 'u2', username: 'coord', displayName: 'Coordinator Two', roles: ['coordinator'] };

describe('criteria editor', () => {
  it('numbers new criteria per kind and shows the fields of the chosen rule type', () => {
    renderWithApp(<Harness />, ['clinical:read', 'protocols:write']);
    fireEvent.click(screen.getByTestId('add-inclusion'));
    fireEvent.click(screen.getByTestId('add-inclusion'));
    fireEvent.click(screen.getByTestId('add-exclusion'));
    expect(latest.map((c) => c.code)).toEqual(['I1', 'I2', 'E1']);
    expect(latest.every((c) => c.rule.type === 'checklist')).toBe(true);

    const first = screen.getAllByTestId('criterion-row')[0] as HTMLElement;
    fireEvent.change(within(first).getByTestId('criterion-rule-type'), { target: { value: 'lab' } });
    expect(latest[0]?.rule).toEqual({ type: 'lab', analyte: 'bilirubin', comparator: '<=', value: 2, unit: 'mg/dL' });
    const unit = within(first).getByTestId('rule-lab-unit') as HTMLSelectElement;
    expect([...unit.options].map((o) => o.value)).toEqual(['umol/L', 'mg/dL']);

    // Another analyte takes its canonical unit; the unit picker offers only that analyte's units.
    fireEvent.change(within(first).getByTestId('rule-lab-analyte'), { target: { value: 'creatinine' } });
    expect(latest[0]?.rule).toMatchObject({ analyte: 'creatinine', unit: 'umol/L' });
    fireEvent.change(within(first).getByTestId('rule-lab-comparator'), { target: { value: '>=' } });
    expect(latest[0]?.rule).toMatchObject({ comparator: '>=' });

    const second = screen.getAllByTestId('criterion-row')[1] as HTMLElement;
    fireEvent.change(within(second).getByTestId('criterion-rule-type'), { target: { value: 'child_pugh' } });
    fireEvent.click(within(second).getByLabelText('Class B'));
    expect(latest[1]?.rule).toEqual({ type: 'child_pugh', classes: ['A', 'B'] });

    fireEvent.change(within(second).getByTestId('criterion-text'), { target: { value: 'Child-Pugh A or B' } });
    fireEvent.click(within(second).getByRole('button', { name: 'Remove criterion I2' }));
    expect(latest.map((c) => c.code)).toEqual(['I1', 'E1']);
    expect(nextCode(latest, 'inclusion')).toBe('I2');
  });

  it('says what a rule asks in both languages', async () => {
    const rule = { type: 'lab' as const, analyte: 'bilirubin', comparator: '<=' as const, value: 2, unit: 'mg/dL' };
    expect(ruleSummary(rule, i18n.t, 'en', ANALYTES)).toBe('Total bilirubin ≤ 2 mg/dL');
    expect(ruleSummary({ type: 'age', min: 18 }, i18n.t, 'en')).toBe('Age ≥ 18 years');
    await i18n.changeLanguage('zh-CN');
    try {
      expect(ruleSummary(rule, i18n.t, 'zh-CN', ANALYTES)).toContain('总胆红素');
      expect(ruleSummary({ type: 'bclc', stages: ['B', 'C'] }, i18n.t, 'zh-CN')).toMatch(/BCLC 分期 B/);
    } finally {
      await i18n.changeLanguage('en');
    }
  });

  it('saves the draft criteria with the reason and shows the server field error on its input', async () => {
    const fetchMock = mockApi({
      'GET /clinical/lab-analytes': () => jsonResponse(200, { items: ANALYTES }),
      'PATCH /clinical/protocols/pv1': () =>
        jsonResponse(
          422,
          {
            title: 'Unprocessable',
            status: 422,
            code: 'eligibility.unknown_unit',
            detail: 'Unknown unit',
            errors: [{ path: 'body.criteria.1.rule.unit', message: 'Not a unit of bilirubin' }],
          },
          'application/problem+json',
        ),
    });
    renderRoute(<CriteriaTab version={protocol()} />, '/x', '/x', COORDINATOR, ['clinical:read', 'protocols:write']);
    await screen.findByText('Total bilirubin', { selector: 'option' });
    fireEvent.change(screen.getByTestId('criteria-reason'), { target: { value: 'Align with protocol 1.1' } });
    fireEvent.click(screen.getByTestId('criteria-save'));
    await screen.findByTestId('criteria-error');
    const body = sent(fetchMock, 'PATCH', '/clinical/protocols/pv1')[0]?.body as { reason: string; criteria: Criterion[] };
    expect(body.reason).toBe('Align with protocol 1.1');
    expect(body.criteria.map((c) => c.code)).toEqual(['I1', 'E1']);
    expect(body.criteria[1]?.rule).toEqual({ type: 'lab', analyte: 'bilirubin', comparator: '>', value: 3, unit: 'mg/dL' });
    const row = screen.getAllByTestId('criterion-row')[1] as HTMLElement;
    await waitFor(() => expect(within(row).getByText('Not a unit of bilirubin')).toBeTruthy());
  });

  it('shows the effective version read-only', async () => {
    mockApi({ 'GET /clinical/lab-analytes': () => jsonResponse(200, { items: ANALYTES }) });
    renderRoute(<CriteriaTab version={protocol({ status: 'effective' })} />, '/x', '/x', COORDINATOR, [
      'clinical:read',
      'protocols:write',
    ]);
    expect(screen.queryByTestId('criteria-editor')).toBeNull();
    expect(screen.getByTestId('criteria-view')).toBeTruthy();
    await screen.findByText('Total bilirubin > 3 mg/dL');
    expect(screen.queryByTestId('criteria-save')).toBeNull();
  });
});
