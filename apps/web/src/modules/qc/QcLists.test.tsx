import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import i18n from '../../i18n';
import { jsonResponse } from '../../test/render';
import { mockApi, renderAt } from '../manufacturing/test/fixtures';
import { OosListPage } from './OosPages';
import { QcWorklistPage } from './QcWorklistPage';
import { SpecificationsPage } from './SpecificationPages';
import type { OosInvestigation, WorklistItem } from './qc.types';

const WORK: WorklistItem = {
  batchId: 'b7',
  batchNumber: 'B-2026-0007',
  product: 'GPC3 CAR-T cells',
  din: 'A999926000007',
  batchStatus: 'completed',
  startedAt: '2026-11-20T01:00:00Z',
  completedAt: '2026-11-24T10:00:00Z',
  specificationVersion: 1,
  samples: 1,
  missing: 2,
  awaitingReview: 0,
  nonConforming: 0,
  pendingLate: 0,
  openInvestigations: 1,
  complete: false,
};

const OOS: OosInvestigation = {
  id: 'o1',
  number: 'OOS-2026-0001',
  batchId: 'b7',
  batchNumber: 'B-2026-0007',
  resultId: 'r1',
  testCode: 'ENDO',
  value: 0.7,
  status: 'phase_1',
  outcome: null,
  openedAt: '2026-11-25T02:00:00Z',
  phase1: null,
  phase2: null,
};

/** The cells of each body row, as text. */
const bodyRows = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .filter((row) => row.closest('tbody'))
    .map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    );

describe('QC list pages', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('en');
  });
  afterEach(() => vi.restoreAllMocks());

  it('shows the worklist under its headings, a row a batch with what it still waits for', async () => {
    mockApi({ 'GET /qc/worklist': () => jsonResponse(200, { items: [WORK] }) });
    renderAt(<QcWorklistPage />, '/qc', '/qc', ['qc:read']);
    const row = await screen.findByTestId('qc-worklist-B-2026-0007');
    const table = row.closest('table')!;
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual([
      'Batch',
      i18n.t('qc.batch.product'),
      'DIN',
      i18n.t('qc.worklist.completed'),
      i18n.t('qc.worklist.todo'),
    ]);
    expect(within(row).getByRole('link', { name: 'B-2026-0007' }).getAttribute('href')).toBe('/qc/batches/b7');
    expect(within(row).getByText(i18n.t('qc.worklist.missing', { count: 2 }))).toBeTruthy();
    expect(within(row).getByText(i18n.t('qc.worklist.openOos', { count: 1 }))).toBeTruthy();
    expect(within(row).queryByText(i18n.t('qc.worklist.awaitingReview', { count: 0 }))).toBeNull();
  });

  it('lists OOS investigations without a heading row, each linking to its investigation', async () => {
    mockApi({ 'GET /oos-investigations': () => jsonResponse(200, { items: [OOS] }) });
    renderAt(<OosListPage />, '/qc/oos', '/qc/oos', ['qc:read']);
    const link = await screen.findByRole('link', { name: 'OOS-2026-0001' });
    expect(link.getAttribute('href')).toBe('/qc/oos/o1');
    const table = link.closest('table')!;
    expect(within(table).queryAllByRole('columnheader')).toEqual([]);
    const [cells] = bodyRows(table);
    expect(cells?.slice(0, 4)).toEqual(['OOS-2026-0001', 'B-2026-0007', 'ENDO = 0.7', 'Phase I']);
  });

  it('says there is no specification yet instead of an empty table', async () => {
    mockApi({ 'GET /specifications': () => jsonResponse(200, { items: [] }) });
    renderAt(<SpecificationsPage />, '/qc/specifications', '/qc/specifications', ['qc:read']);
    expect((await screen.findByTestId('empty-state')).textContent).toContain('No specification yet.');
    expect(screen.queryByRole('table')).toBeNull();
  });
});
