/** Shapes of the deviations API (docs/manufacturing-api.md, module `quality`). */

export const DEVIATION_SEVERITIES = ['minor', 'major', 'critical'] as const;
export type DeviationSeverity = (typeof DEVIATION_SEVERITIES)[number];

/** open → classified (by QA) → investigation → closed (by QA), or cancelled by QA as opened in error; see modules/quality. */
export const DEVIATION_STATUSES = ['open', 'classified', 'investigation', 'closed', 'cancelled'] as const;
export type DeviationStatus = (typeof DEVIATION_STATUSES)[number];

export const DEVIATION_SOURCES = [
  'em_excursion',
  'batch_value',
  'batch_abort',
  'equipment',
  'manual',
  'shipment_temperature',
] as const;
export type DeviationSource = (typeof DEVIATION_SOURCES)[number];

export interface Deviation {
  id: string;
  /** DEV-2026-0001 */
  number: string;
  title: string;
  description: string;
  severity: DeviationSeverity;
  status: DeviationStatus;
  source: DeviationSource;
  roomId: string | null;
  roomCode?: string | null;
  batchId: string | null;
  /** Every batch the deviation may have affected (an EM excursion lists all batches in the room then). */
  batchIds?: string[];
  openedAt: string;
  openedBy: string;
}
