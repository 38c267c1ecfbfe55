/** The specification editor asks for the shelf life the QP's release dates the product with, and sends it. */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Permission } from '../../api/types';
import i18n from '../../i18n';
import { jsonResponse } from '../../test/render';
import { mockApi, renderAt, sent } from '../manufacturing/test/fixtures';
import { SpecificationEditorPage } from './SpecificationEditorPage';

const QA: Permission[] = ['qc:read', 'specifications:write'];

function fillOneTest() {
  fireEvent.change(screen.getByTestId('spec-product'), { target: { value: 'GPC3 CAR-T cells' } });
  fireEvent.change(screen.getByTestId('spec-row-0-code'), { target: { value: 'VIAB' } });
  fireEvent.change(screen.getByTestId('spec-row-0-name'), { target: { value: 'Viability' } });
  fireEvent.change(screen.getByTestId('spec-row-0-unit'), { target: { value: '%' } });
  fireEvent.change(screen.getByTestId('spec-row-0-min'), { target: { value: '70' } });
}

describe('specification editor', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('en');
  });
  afterEach(() => vi.restoreAllMocks());

  it('refuses to save without a shelf life, then sends it in whole days', async () => {
    const fetchMock = mockApi({ 'POST /specifications': () => jsonResponse(201, { id: 's9' }) });
    renderAt(<SpecificationEditorPage />, '/qc/specifications/new', '/qc/specifications/new', QA);
    fillOneTest();
    fireEvent.submit(screen.getByTestId('spec-editor'));
    await waitFor(() => expect(screen.getByTestId('spec-editor').textContent).toContain('Enter the shelf life in whole days.'));
    expect(sent(fetchMock, 'POST', '/specifications')).toEqual([]);

    fireEvent.change(screen.getByTestId('spec-shelf-life'), { target: { value: '270' } });
    fireEvent.submit(screen.getByTestId('spec-editor'));
    await waitFor(() => expect(sent(fetchMock, 'POST', '/specifications')).toHaveLength(1));
    expect(sent(fetchMock, 'POST', '/specifications')[0]!.body).toMatchObject({ product: 'GPC3 CAR-T cells', shelfLifeDays: 270, tests: [{ code: 'VIAB', min: 70 }] });
  });
});
