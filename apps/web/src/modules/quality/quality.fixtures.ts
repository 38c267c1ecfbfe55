/** Test records of the quality screens: a deviation detail as the API returns it, with what a test changes. */
import type { DeviationDetail } from './quality.types';

/** A manual minor deviation just opened, nothing classified, investigated, closed or cancelled yet. */
export function deviationDetail(overrides: Partial<DeviationDetail> = {}): DeviationDetail {
  return {
    id: 'd1',
    number: 'DEV-2026-0042',
    title: 'Gowning step skipped',
    description: 'Second glove change missed.',
    severity: 'minor',
    status: 'open',
    source: 'manual',
    roomId: null,
    roomCode: null,
    batchId: null,
    batchIds: [],
    openedAt: '2026-10-16T01:00:00Z',
    openedBy: 'operator',
    dueDate: '2026-11-15',
    overdue: false,
    classifiedAt: null,
    classifiedBy: null,
    owner: null,
    capaRequired: null,
    investigation: null,
    rootCause: null,
    rootCauseCategory: null,
    closedAt: null,
    closedBy: null,
    conclusion: null,
    cancelledAt: null,
    cancelledBy: null,
    cancelReason: null,
    batches: [],
    capas: [],
    signatures: [],
    ...overrides,
  };
}
