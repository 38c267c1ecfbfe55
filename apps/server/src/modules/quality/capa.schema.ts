/** Request and response shapes of CAPA: the CAPA, its actions and its effectiveness checks. */
import { z } from 'zod';
import { reason, signatureInput, signatureView, text } from '../../platform/schemas';
import { isoDate, overdueFlag, username } from './quality.schemas';

export const CAPA_SOURCES = ['deviation', 'oos', 'audit', 'complaint', 'change_control', 'trend', 'other'] as const;
export type CapaSource = (typeof CAPA_SOURCES)[number];
/** open: actions in progress; effectiveness_check: every action done, awaiting QA's check; closed. */
export const CAPA_STATUSES = ['open', 'effectiveness_check', 'closed'] as const;
export type CapaStatus = (typeof CAPA_STATUSES)[number];
export const ACTION_KINDS = ['corrective', 'preventive'] as const;
export const ACTION_STATUSES = ['open', 'completed'] as const;
export const CHECK_RESULTS = ['effective', 'not_effective'] as const;
export type CheckResult = (typeof CHECK_RESULTS)[number];

export const actionInput = z.object({
  kind: z.enum(ACTION_KINDS, `Kind must be one of: ${ACTION_KINDS.join(', ')}`),
  description: text(1, 2000),
  /** Username of the person who will do it and sign its completion. */
  owner: username,
  dueDate: isoDate,
});
export type ActionInput = z.output<typeof actionInput>;

export const createCapaBody = z
  .object({
    title: text(1, 200),
    description: text(1, 4000),
    source: z.enum(CAPA_SOURCES, `Source must be one of: ${CAPA_SOURCES.join(', ')}`),
    /** Required when the source is a deviation. */
    deviationId: z.uuid('Not a valid id').optional(),
    /** The OOS, audit finding, complaint ... it answers (for sources other than a deviation). */
    sourceReference: text(1, 200).optional(),
    owner: username,
    actions: z.array(actionInput).min(1, 'Plan at least one action').max(30, 'At most 30 actions'),
    effectivenessCheck: z.object({ dueDate: isoDate, criteria: text(1, 2000) }),
  })
  .superRefine((b, ctx) => {
    if (b.source === 'deviation' && !b.deviationId) ctx.addIssue({ code: 'custom', path: ['deviationId'], message: 'Choose the deviation this CAPA answers' });
    if (b.source !== 'deviation' && b.deviationId) ctx.addIssue({ code: 'custom', path: ['deviationId'], message: 'Only a CAPA from a deviation names a deviation' });
  });
export type CreateCapaBody = z.output<typeof createCapaBody>;

export const updateCapaBody = z.object({
  title: text(1, 200).optional(),
  description: text(1, 4000).optional(),
  owner: username.optional(),
  effectivenessDueDate: isoDate.optional(),
  effectivenessCriteria: text(1, 2000).optional(),
  reason,
});
export type UpdateCapaBody = z.output<typeof updateCapaBody>;

export const updateActionBody = z.object({
  description: text(1, 2000).optional(),
  owner: username.optional(),
  dueDate: isoDate.optional(),
  reason,
});
export type UpdateActionBody = z.output<typeof updateActionBody>;

export const actionParams = z.object({ id: z.uuid('Not a valid id'), actionId: z.uuid('Not a valid id') });

export const completeActionBody = z.object({ note: text(1, 2000), signature: signatureInput });
export type CompleteActionBody = z.output<typeof completeActionBody>;

export const effectivenessBody = z.object({
  result: z.enum(CHECK_RESULTS, `Result must be one of: ${CHECK_RESULTS.join(', ')}`),
  evidence: text(1, 4000),
  /** When the actions did not work: the date of the next check. */
  nextDueDate: isoDate.optional(),
  signature: signatureInput,
});
export type EffectivenessBody = z.output<typeof effectivenessBody>;

export const capaQuery = z.object({
  status: z.enum(CAPA_STATUSES, `Status must be one of: ${CAPA_STATUSES.join(', ')}`).optional(),
  source: z.enum(CAPA_SOURCES, `Source must be one of: ${CAPA_SOURCES.join(', ')}`).optional(),
  /** The CAPA's owner or the owner of any of its actions. */
  owner: username.optional(),
  overdue: overdueFlag.optional(),
  deviationId: z.uuid('Not a valid id').optional(),
});
export type CapaQuery = z.output<typeof capaQuery>;

export const capaView = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  description: z.string(),
  source: z.enum(CAPA_SOURCES),
  deviationId: z.string().nullable(),
  deviationNumber: z.string().nullable(),
  sourceReference: z.string().nullable(),
  owner: z.string(),
  status: z.enum(CAPA_STATUSES),
  openedAt: z.string(),
  openedBy: z.string(),
  closedAt: z.string().nullable(),
  effectivenessDueDate: z.string(),
  effectivenessCriteria: z.string(),
  actionsTotal: z.number(),
  actionsOpen: z.number(),
  /** Open actions past their due date (site time zone). */
  actionsOverdue: z.number(),
  /** Not closed and the effectiveness check is past its due date. */
  effectivenessOverdue: z.boolean(),
  overdue: z.boolean(),
});

export const actionView = z.object({
  id: z.string(),
  position: z.number(),
  kind: z.enum(ACTION_KINDS),
  description: z.string(),
  owner: z.string(),
  dueDate: z.string(),
  status: z.enum(ACTION_STATUSES),
  overdue: z.boolean(),
  completionNote: z.string().nullable(),
  completedBy: z.string().nullable(),
  completedAt: z.string().nullable(),
  signatures: z.array(signatureView),
});

export const checkView = z.object({
  id: z.string(),
  result: z.enum(CHECK_RESULTS),
  evidence: z.string(),
  checkedBy: z.string(),
  checkedAt: z.string(),
  signatures: z.array(signatureView),
});

export const capaDetailView = capaView.extend({ actions: z.array(actionView), checks: z.array(checkView) });
export type CapaDetail = z.infer<typeof capaDetailView>;
