/** Request and response shapes of change control: the request, its impact assessment and its lifecycle. */
import { z } from 'zod';
import { reason, signatureInput, signatureView, text } from '../../platform/schemas';
import { endReason, isoDate, overdueFlag, signatureMeaningDefault, username } from './quality.schemas';

export const CHANGE_CATEGORIES = ['document', 'process', 'specification', 'equipment', 'facility', 'supplier', 'computer_system', 'other'] as const;
export const CHANGE_STATUSES = ['draft', 'assessed', 'approved', 'implemented', 'closed', 'withdrawn'] as const;
export type ChangeStatus = (typeof CHANGE_STATUSES)[number];
/** Before implementation: the change may still be edited (draft, assessed), approved, or withdrawn. */
export const CHANGE_BEFORE_IMPLEMENTATION = ['draft', 'assessed', 'approved'] as const satisfies readonly ChangeStatus[];
/** Finished: closed after its effectiveness was checked, or withdrawn before implementation. Never overdue. */
export const CHANGE_DONE_STATUSES = ['closed', 'withdrawn'] as const satisfies readonly ChangeStatus[];
/** none; notification: the authority is told (e.g. a Type IA/IB variation); prior_approval: it must approve first (Type II). */
export const REGULATORY_IMPACTS = ['none', 'notification', 'prior_approval'] as const;

const category = z.enum(CHANGE_CATEGORIES, `Category must be one of: ${CHANGE_CATEGORIES.join(', ')}`);
const affected = z.array(text(1, 200)).max(50, 'At most 50 entries').default([]);

export const changeImpact = z
  .object({
    documents: affected,
    processes: affected,
    specifications: affected,
    equipment: affected,
    validationRequired: z.boolean('Say whether validation is required (true or false)'),
    validationNotes: text(1, 2000).optional(),
    regulatoryImpact: z.enum(REGULATORY_IMPACTS, `Regulatory impact must be one of: ${REGULATORY_IMPACTS.join(', ')}`),
    regulatoryNotes: text(1, 2000).optional(),
    /** What could go wrong with the change and how that is controlled. */
    risk: text(1, 4000),
  })
  .superRefine((i, ctx) => {
    if (i.validationRequired && !i.validationNotes) ctx.addIssue({ code: 'custom', path: ['validationNotes'], message: 'Say what must be validated' });
    if (i.regulatoryImpact !== 'none' && !i.regulatoryNotes) ctx.addIssue({ code: 'custom', path: ['regulatoryNotes'], message: 'Say which authority and filing' });
  });
export type ChangeImpact = z.output<typeof changeImpact>;

export const createChangeBody = z.object({
  title: text(1, 200),
  description: text(1, 4000),
  /** Why the change is wanted. */
  justification: text(1, 4000),
  category,
  implementationDueDate: isoDate,
});
export type CreateChangeBody = z.output<typeof createChangeBody>;

export const updateChangeBody = z.object({
  title: text(1, 200).optional(),
  description: text(1, 4000).optional(),
  justification: text(1, 4000).optional(),
  category: category.optional(),
  implementationDueDate: isoDate.optional(),
  reason,
});
export type UpdateChangeBody = z.output<typeof updateChangeBody>;

export const assessChangeBody = z.object({ impact: changeImpact });
export const approveChangeBody = z.object({ signature: signatureInput });
export const implementChangeBody = z.object({ note: text(1, 4000), effectivenessDueDate: isoDate, signature: signatureInput });
export type ImplementChangeBody = z.output<typeof implementChangeBody>;
export const closeChangeBody = z.object({ effectiveness: text(1, 4000), signature: signatureInput });
export type CloseChangeBody = z.output<typeof closeChangeBody>;

/** The meaning a withdrawal is signed with unless the signer gives another. */
export const WITHDRAW_MEANING = 'Change withdrawn';
export const withdrawChangeBody = z.object({
  /** Why the change is no longer wanted; also the audit reason of the withdrawal. */
  reason: endReason,
  signature: signatureMeaningDefault(WITHDRAW_MEANING),
});
export type WithdrawChangeBody = z.output<typeof withdrawChangeBody>;

export const changeQuery = z.object({
  status: z.enum(CHANGE_STATUSES, `Status must be one of: ${CHANGE_STATUSES.join(', ')}`).optional(),
  category: category.optional(),
  /** The requester. */
  owner: username.optional(),
  overdue: overdueFlag.optional(),
});
export type ChangeQuery = z.output<typeof changeQuery>;

export const changeView = z.object({
  id: z.string(),
  number: z.string(),
  title: z.string(),
  description: z.string(),
  justification: z.string(),
  category: z.enum(CHANGE_CATEGORIES),
  status: z.enum(CHANGE_STATUSES),
  requestedBy: z.string(),
  requestedAt: z.string(),
  impact: changeImpact.nullable(),
  assessedBy: z.string().nullable(),
  assessedAt: z.string().nullable(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  implementationDueDate: z.string(),
  implementationNote: z.string().nullable(),
  implementedBy: z.string().nullable(),
  implementedAt: z.string().nullable(),
  effectivenessDueDate: z.string().nullable(),
  effectivenessNote: z.string().nullable(),
  closedBy: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** Set when the change was withdrawn before implementation: who, when and why (the record is kept). */
  withdrawnAt: z.string().nullable(),
  withdrawnBy: z.string().nullable(),
  withdrawReason: z.string().nullable(),
  /** The date the current stage is due: implementation until implemented, then the effectiveness review; none once closed or withdrawn. */
  dueDate: z.string().nullable(),
  overdue: z.boolean(),
});
export type ChangeView = z.infer<typeof changeView>;

export const changeDetailView = changeView.extend({ signatures: z.array(signatureView) });
