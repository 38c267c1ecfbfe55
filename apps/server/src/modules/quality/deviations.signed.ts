/**
 * What each deviation signature vouches for. QA's classification signs the severity, the need for a
 * CAPA and the investigation owner; QA's closure signs the finished investigation: root cause, the
 * impact on every batch, the CAPAs and the conclusion. A later change to either shows the signature
 * as no longer valid. A deviation opened in error is cancelled by QA: that signature vouches for the
 * reason it was cancelled.
 */
import type { Executor } from '../../db/client';
import { signaturesOfParts } from './quality.common';
import type { deviations } from './quality.tables';

// The row type is derived here from the table, not imported from deviations.service, which imports this file.
type Deviation = typeof deviations.$inferSelect;

export const CLASSIFICATION_ENTITY = 'deviation_classification';
export const CLOSURE_ENTITY = 'deviation';
export const CANCELLATION_ENTITY = 'deviation_cancellation';

export function classifiedContent(d: Deviation) {
  return { number: d.number, severity: d.severity, capaRequired: d.capaRequired, owner: d.owner };
}

export function closedContent(
  d: Deviation,
  batches: readonly { id: string; impact: string | null; impactRationale: string | null }[],
  capas: readonly { number: string }[],
) {
  return {
    number: d.number,
    title: d.title,
    severity: d.severity,
    investigation: d.investigation,
    rootCause: d.rootCause,
    rootCauseCategory: d.rootCauseCategory,
    conclusion: d.conclusion,
    batches: [...batches].sort((a, b) => a.id.localeCompare(b.id)).map((b) => ({ id: b.id, impact: b.impact, rationale: b.impactRationale })),
    capas: capas.map((c) => c.number).sort(),
  };
}

export function cancelledContent(d: Deviation) {
  return { number: d.number, title: d.title, source: d.source, reason: d.cancelReason };
}

export function deviationSignatures(
  db: Executor,
  d: Deviation,
  batches: Parameters<typeof closedContent>[1],
  capas: Parameters<typeof closedContent>[2],
) {
  return signaturesOfParts(db, [
    [CLASSIFICATION_ENTITY, d.id, classifiedContent(d)],
    [CLOSURE_ENTITY, d.id, closedContent(d, batches, capas)],
    [CANCELLATION_ENTITY, d.id, cancelledContent(d)],
  ]);
}
