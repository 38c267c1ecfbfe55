/**
 * What a deviation still needs before QA may close it, as a checklist: the same rule the server applies
 * when it refuses a closure (modules/quality/deviations.closure.ts), so the page shows it beforehand.
 */
import type { DeviationDetail } from './quality.types';

export type ClosureItem =
  | { kind: 'classification' | 'investigation' | 'root_cause' | 'capa'; done: boolean }
  | { kind: 'impact'; batchNumber: string; done: boolean };

export function closureChecklist(
  d: Pick<
    DeviationDetail,
    'status' | 'investigation' | 'rootCause' | 'rootCauseCategory' | 'capaRequired' | 'batches' | 'capas'
  >,
): ClosureItem[] {
  const items: ClosureItem[] = [
    { kind: 'classification', done: d.status !== 'open' },
    { kind: 'investigation', done: !!d.investigation },
    { kind: 'root_cause', done: !!d.rootCause && !!d.rootCauseCategory },
    ...[...d.batches]
      .sort((a, b) => a.batchNumber.localeCompare(b.batchNumber))
      .map((b): ClosureItem => ({ kind: 'impact', batchNumber: b.batchNumber, done: b.impact !== null })),
  ];
  // A CAPA is an item only once QA has said one is needed.
  if (d.capaRequired) items.push({ kind: 'capa', done: d.capas.length > 0 });
  return items;
}

/** True when nothing on the checklist is missing. */
export const readyToClose = (items: readonly ClosureItem[]) => items.every((i) => i.done);
