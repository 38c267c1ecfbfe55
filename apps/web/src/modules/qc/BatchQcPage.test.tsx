import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '../../test/render';
import { mockApi, renderAt } from '../manufacturing/test/fixtures';
import { BatchQcPage } from './BatchQcPage';
import type { BatchQc, QcResult } from './qc.types';

const result = (over: Partial<QcResult>): QcResult => ({
  id: 'r1',
  batchId: 'b1',
  testCode: 'ENDO',
  testName: 'Endotoxin',
  sampleId: null,
  sampleNumber: null,
  value: 0.7,
  conforms: false,
  reportOnly: false,
  status: 'invalidated',
  retestOf: null,
  enteredBy: 'operator',
  enteredAt: '2026-11-25T02:00:00Z',
  reviewedBy: null,
  reviewedAt: null,
  oosInvestigationId: 'o1',
  signatures: [],
  ...over,
});

const QC: BatchQc = {
  batch: {
    id: 'b1',
    batchNumber: 'B-2026-0007',
    product: 'GPC3 CAR-T cells (autologous)',
    din: 'A999926000007',
    status: 'completed',
    completedAt: '2026-11-24T10:00:00Z',
  },
  status: {
    specification: { id: 's1', product: 'GPC3 CAR-T cells (autologous)', version: 1 },
    tests: [
      { code: 'ENDO', name: 'Endotoxin', lateResultAllowed: false, state: 'awaiting_review', resultId: 'r2' },
      { code: 'VIAB', name: 'Viability', lateResultAllowed: false, state: 'awaiting_review', resultId: 'r3' },
    ],
    complete: false,
    outOfSpecification: [],
    pendingLate: [],
  },
  specification: null,
  results: [
    result({}),
    result({
      id: 'r2',
      value: 0.1,
      conforms: true,
      status: 'awaiting_review',
      retestOf: 'r1',
      enteredBy: 'qc2',
      oosInvestigationId: null,
    }),
    result({
      id: 'r3',
      testCode: 'VIAB',
      testName: 'Viability',
      value: 91,
      conforms: true,
      status: 'awaiting_review',
      oosInvestigationId: null,
    }),
  ],
  samples: [],
  investigations: [],
};

describe('batch QC page', () => {
  afterEach(() => vi.restoreAllMocks());

  it('keeps the invalidated result beside its retest and offers review only of another analyst’s result', async () => {
    mockApi({ 'GET /batches/b1/qc': () => jsonResponse(200, QC) });
    renderAt(<BatchQcPage />, '/qc/batches/:id', '/qc/batches/b1', ['qc:read', 'qc:review']);
    await waitFor(() => expect(screen.getByTestId('qc-results-table')).toBeTruthy());
    expect(screen.getByTestId('qc-result-r1').textContent).toContain('Invalidated');
    expect(screen.getByTestId('qc-result-r2').textContent).toContain('retest');
    expect(screen.getByTestId('qc-review-r2')).toBeTruthy();
    expect(screen.queryByTestId('qc-review-r3')).toBeNull();
    expect(screen.getByTestId('qc-result-r3').textContent).toContain('Another analyst reviews');
    expect(screen.getByTestId('qc-batch-din').textContent).toBe('A999926000007');
    expect(screen.queryByTestId('qc-entry')).toBeNull();
  });
});
