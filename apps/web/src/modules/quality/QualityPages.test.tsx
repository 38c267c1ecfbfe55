import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '../../test/render';
import { mockApi, renderAt } from '../manufacturing/test/fixtures';
import { CapaDetailPage } from './CapaDetailPage';
import { DeviationDetailPage } from './DeviationDetailPage';
import { deviationDetail } from './quality.fixtures';
import type { CapaDetail } from './quality.types';

const DEVIATION = deviationDetail({
  title: 'Incubator INC-03 CO₂ alarm',
  description: 'CO₂ at 3.1 % for 47 minutes.',
  severity: 'major',
  status: 'investigation',
  batchId: 'b1',
  batchIds: ['b1'],
  overdue: true,
  classifiedAt: '2026-10-16T03:00:00Z',
  classifiedBy: 'qa',
  owner: 'operator',
  capaRequired: true,
  investigation: 'Gas log reviewed.',
  batches: [
    {
      id: 'b1',
      batchNumber: 'B-2026-0007',
      status: 'completed',
      roomId: 'r1',
      startedAt: '2026-10-10T00:00:00Z',
      completedAt: null,
      impact: null,
      impactRationale: null,
      assessedBy: null,
      assessedAt: null,
    },
  ],
});

const ACTION = {
  position: 1,
  kind: 'corrective' as const,
  description: 'Revise SOP',
  dueDate: '2026-12-01',
  status: 'open' as const,
  overdue: false,
  completionNote: null,
  completedBy: null,
  completedAt: null,
  signatures: [],
};
const CAPA: CapaDetail = {
  id: 'c1',
  number: 'CAPA-2026-0003',
  title: 'Single-person shift rule',
  description: 'Prevent weighing without verification.',
  source: 'audit',
  deviationId: null,
  deviationNumber: null,
  sourceReference: 'SA-2026-03',
  owner: 'qa',
  status: 'open',
  openedAt: '2026-10-01T00:00:00Z',
  openedBy: 'qa',
  closedAt: null,
  effectivenessDueDate: '2027-01-31',
  effectivenessCriteria: 'No repeat in 20 lots',
  actionsTotal: 2,
  actionsOpen: 2,
  actionsOverdue: 0,
  effectivenessOverdue: false,
  overdue: false,
  actions: [
    { ...ACTION, id: 'a1', owner: 'operator' },
    { ...ACTION, id: 'a2', position: 2, owner: 'qc' },
  ],
  checks: [],
};

describe('quality pages', () => {
  // Mantine's autosizing textarea listens for web fonts loading; happy-dom has no document.fonts.
  beforeAll(() => {
    if (!('fonts' in document))
      Object.defineProperty(document, 'fonts', {
        value: { addEventListener() {}, removeEventListener() {} },
        configurable: true,
      });
  });
  afterEach(() => vi.restoreAllMocks());

  it('shows what closure still needs and the overdue due date; an operator investigates but neither classifies nor closes', async () => {
    mockApi({ 'GET /deviations/d1': () => jsonResponse(200, DEVIATION) });
    renderAt(<DeviationDetailPage />, '/quality/deviations/:id', '/quality/deviations/d1', [
      'deviations:read',
      'quality:read',
      'quality:write',
      'batches:read',
    ]);
    await waitFor(() => expect(screen.getByTestId('deviation-detail')).toBeTruthy());
    const items = screen
      .getAllByTestId('closure-item')
      .map((li) => [li.textContent?.replace(/^[✓!]/, ''), li.getAttribute('data-done')]);
    expect(items).toEqual([
      ['Classified by QA', 'true'],
      ['Investigation described', 'true'],
      ['Root cause and its category', 'false'],
      ['Impact on batch B-2026-0007 assessed', 'false'],
      ['A CAPA linked (QA required one)', 'false'],
    ]);
    expect(screen.getByTestId('due-date').getAttribute('data-overdue')).toBe('true');
    expect(screen.getByTestId('investigation-panel')).toBeTruthy();
    expect(screen.getByTestId('impact-assess')).toBeTruthy();
    expect(screen.queryByTestId('classify-panel')).toBeNull();
    expect(screen.queryByTestId('close-panel')).toBeNull();
  });

  it('gives QA classification and closure', async () => {
    mockApi({ 'GET /deviations/d1': () => jsonResponse(200, DEVIATION) });
    renderAt(<DeviationDetailPage />, '/quality/deviations/:id', '/quality/deviations/d1', [
      'deviations:read',
      'quality:read',
      'quality:write',
      'quality:approve',
    ]);
    await waitFor(() => expect(screen.getByTestId('close-panel')).toBeTruthy());
    expect(screen.getByTestId('classify-panel')).toBeTruthy();
    expect(screen.getByTestId('close-panel').textContent).toContain('still missing');
  });

  it('offers to complete an action only to its owner', async () => {
    mockApi({ 'GET /capas/c1': () => jsonResponse(200, CAPA) });
    renderAt(<CapaDetailPage />, '/quality/capas/:id', '/quality/capas/c1', ['quality:read', 'quality:write']);
    await waitFor(() => expect(screen.getByTestId('capa-actions')).toBeTruthy());
    const rows = screen.getAllByTestId('capa-action-row');
    expect(rows).toHaveLength(2);
    // The test session is "operator": action 1 is theirs, action 2 belongs to qc.
    expect(rows[0]!.querySelector('[data-testid="action-complete"]')).not.toBeNull();
    expect(rows[1]!.querySelector('[data-testid="action-complete"]')).toBeNull();
    expect(screen.queryByTestId('effectiveness-panel')).toBeNull();
  });
});
