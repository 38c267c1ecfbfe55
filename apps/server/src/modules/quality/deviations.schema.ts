/** Request and response shapes of deviations: the list, the detail with batches, CAPA and signatures. */
import { z } from 'zod';
import { signatureView } from '../../platform/schemas';

export const DEVIATION_SEVERITIES = ['minor', 'major', 'critical'] as const;
export type DeviationSeverity = (typeof DEVIATION_SEVERITIES)[number];
export const DEVIATION_STATUSES = ['open', 'classified', 'investigation', 'closed', 'cancelled'] as const;
export type DeviationStatus = (typeof DEVIATION_STATUSES)[number];
/** Still to be worked: counts as open for release, the overview and due dates. */
export const DEVIATION_OPEN_STATUSES = ['open', 'classified', 'investigation'] as const satisfies readonly DeviationStatus[];
/** Finished: closed by QA after investigation, or cancelled by QA as opened in error. Never overdue, never blocking. */
export const DEVIATION_DONE_STATUSES = ['closed', 'cancelled'] as const satisfies readonly DeviationStatus[];
/** The 6M (Ishikawa) families of causes, plus other. */
export const ROOT_CAUSE_CATEGORIES = ['human', 'equipment', 'material', 'method', 'environment', 'measurement', 'other'] as const;
export type RootCauseCategory = (typeof ROOT_CAUSE_CATEGORIES)[number];
/** none: no effect on the batch; acceptable: an effect within what the product tolerates; not_acceptable: the batch is affected. */
export const BATCH_IMPACTS = ['none', 'acceptable', 'not_acceptable'] as const;
export type BatchImpact = (typeof BATCH_IMPACTS)[number];
export const DEVIATION_SOURCES = ['em_excursion', 'batch_value', 'batch_abort', 'equipment', 'manual', 'shipment_temperature'] as const;
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
  /** Local date (site time zone) by which it must be closed; null only on rows from older databases. */
  dueDate: z.string().nullable(),
  /** Not closed or cancelled, and past its due date in the site's time zone. */
  overdue: z.boolean(),
  classifiedAt: z.string().nullable(),
  classifiedBy: z.string().nullable(),
  owner: z.string().nullable(),
  capaRequired: z.boolean().nullable(),
  investigation: z.string().nullable(),
  rootCause: z.string().nullable(),
  rootCauseCategory: z.enum(ROOT_CAUSE_CATEGORIES).nullable(),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  conclusion: z.string().nullable(),
  /** Set when QA cancelled a deviation reported in error: who, when and why (the record is kept). */
  cancelledAt: z.string().nullable(),
  cancelledBy: z.string().nullable(),
  cancelReason: z.string().nullable(),
});

export const affectedBatchView = z.object({
  id: z.string(),
  batchNumber: z.string(),
  status: z.string(),
  roomId: z.string(),
  startedAt: z.string(),
  completedAt: z.string().nullable(),
  impact: z.enum(BATCH_IMPACTS).nullable(),
  impactRationale: z.string().nullable(),
  assessedBy: z.string().nullable(),
  assessedAt: z.string().nullable(),
});

export const linkedCapaView = z.object({ id: z.string(), number: z.string(), title: z.string(), status: z.string() });

export const deviationDetailView = deviationView.extend({
  batches: z.array(affectedBatchView),
  capas: z.array(linkedCapaView),
  signatures: z.array(signatureView),
});

export const deviationQuery = z.object({
  status: z.enum(DEVIATION_STATUSES, `Status must be one of: ${DEVIATION_STATUSES.join(', ')}`).optional(),
  source: z.enum(DEVIATION_SOURCES, `Source must be one of: ${DEVIATION_SOURCES.join(', ')}`).optional(),
  batchId: z.uuid('Not a valid id').optional(),
  roomId: z.uuid('Not a valid id').optional(),
  severity: z.enum(DEVIATION_SEVERITIES, `Severity must be one of: ${DEVIATION_SEVERITIES.join(', ')}`).optional(),
  overdue: z.enum(['true', 'false'], 'Use true or false').transform((v) => v === 'true').optional(),
  owner: z.string().trim().min(1).max(64, 'Must be at most 64 characters').optional(),
});
export type DeviationQuery = z.infer<typeof deviationQuery>;
