/** Request and response shapes of deviations (the start of the quality system, issue 5). */
import { z } from 'zod';

export const DEVIATION_SEVERITIES = ['minor', 'major', 'critical'] as const;
export type DeviationSeverity = (typeof DEVIATION_SEVERITIES)[number];
export const DEVIATION_STATUSES = ['open', 'investigation', 'closed'] as const;
export type DeviationStatus = (typeof DEVIATION_STATUSES)[number];
export const DEVIATION_SOURCES = ['em_excursion', 'batch_value', 'equipment', 'manual'] as const;
export type DeviationSource = (typeof DEVIATION_SOURCES)[number];

export const deviationView = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  description: z.string(),
  severity: z.enum(DEVIATION_SEVERITIES),
  status: z.enum(DEVIATION_STATUSES),
  source: z.enum(DEVIATION_SOURCES),
  roomId: z.string().nullable(),
  roomCode: z.string().nullable(),
  batchId: z.string().nullable(),
  /** Every batch the deviation may have affected: the start of the impact assessment. */
  batchIds: z.array(z.string()),
  openedAt: z.string(),
  openedBy: z.string(),
});

export const affectedBatchView = z.object({
  id: z.string(),
  batchNumber: z.string(),
  status: z.string(),
  roomId: z.string(),
  startedAt: z.string(),
  completedAt: z.string().nullable(),
});

export const deviationDetailView = deviationView.extend({ batches: z.array(affectedBatchView) });

export const deviationQuery = z.object({
  status: z.enum(DEVIATION_STATUSES, `Status must be one of: ${DEVIATION_STATUSES.join(', ')}`).optional(),
  source: z.enum(DEVIATION_SOURCES, `Source must be one of: ${DEVIATION_SOURCES.join(', ')}`).optional(),
  batchId: z.uuid('Not a valid id').optional(),
  roomId: z.uuid('Not a valid id').optional(),
});
export type DeviationQuery = z.infer<typeof deviationQuery>;
