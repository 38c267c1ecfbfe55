import { describe, expect, it } from 'vitest';
import { closureChecklist, readyToClose } from './closure';
import type { DeviationDetail } from './quality.types';

type Closable = Parameters<typeof closureChecklist>[0];
const base: Closable = {
  status: 'investigation',
  investigation: 'Door log reviewed',
  rootCause: 'SOP ambiguous',
  rootCauseCategory: 'method',
  capaRequired: false,
  batches: [],
  capas: [],
};
const batch = (batchNumber: string, impact: 'none' | null): DeviationDetail['batches'][number] => ({
  id: batchNumber,
  batchNumber,
  status: 'completed',
  roomId: 'r',
  startedAt: '',
  completedAt: null,
  impact,
  impactRationale: null,
  assessedBy: null,
  assessedAt: null,
});

describe('closureChecklist', () => {
  it('lists what the server requires, in the order the work is done', () => {
    const items = closureChecklist({
      ...base,
      status: 'open',
      investigation: null,
      rootCauseCategory: null,
      batches: [batch('B-2', null), batch('B-1', 'none')],
    });
    expect(items).toEqual([
      { kind: 'classification', done: false },
      { kind: 'investigation', done: false },
      { kind: 'root_cause', done: false },
      { kind: 'impact', batchNumber: 'B-1', done: true },
      { kind: 'impact', batchNumber: 'B-2', done: false },
    ]);
    expect(readyToClose(items)).toBe(false);
  });

  it('asks for a CAPA only when QA required one', () => {
    expect(closureChecklist(base).some((i) => i.kind === 'capa')).toBe(false);
    expect(readyToClose(closureChecklist(base))).toBe(true);
    const needsCapa = closureChecklist({ ...base, capaRequired: true });
    expect(needsCapa.at(-1)).toEqual({ kind: 'capa', done: false });
    expect(readyToClose(needsCapa)).toBe(false);
    expect(
      readyToClose(
        closureChecklist({
          ...base,
          capaRequired: true,
          capas: [{ id: 'c', number: 'CAPA-2026-0001', title: 't', status: 'open' }],
        }),
      ),
    ).toBe(true);
  });
});
