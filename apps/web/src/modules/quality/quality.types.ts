/** Shapes of the quality-event API: deviations with their lifecycle, CAPA, change control, the overview. */
import type { Signature } from '../../api/types';
import type { Deviation } from '../manufacturing/deviations.types';

export const ROOT_CAUSE_CATEGORIES = [
  'human',
  'equipment',
  'material',
  'method',
  'environment',
  'measurement',
  'other',
] as const;
export type RootCauseCategory = (typeof ROOT_CAUSE_CATEGORIES)[number];
export const BATCH_IMPACTS = ['none', 'acceptable', 'not_acceptable'] as const;
export type BatchImpact = (typeof BATCH_IMPACTS)[number];

/** A deviation as the quality list shows it: the manufacturing shape plus its lifecycle fields. */
export interface QualityDeviation extends Deviation {
  dueDate: string | null;
  overdue: boolean;
  classifiedAt: string | null;
  classifiedBy: string | null;
  owner: string | null;
  capaRequired: boolean | null;
  investigation: string | null;
  rootCause: string | null;
  rootCauseCategory: RootCauseCategory | null;
  closedAt: string | null;
  closedBy: string | null;
  conclusion: string | null;
  /** Set when QA cancelled it as opened in error: who, when (UTC) and why. */
  cancelledAt: string | null;
  cancelledBy: string | null;
  cancelReason: string | null;
}

export interface AffectedBatch {
  id: string;
  batchNumber: string;
  status: string;
  roomId: string;
  startedAt: string;
  completedAt: string | null;
  impact: BatchImpact | null;
  impactRationale: string | null;
  assessedBy: string | null;
  assessedAt: string | null;
}

export interface DeviationDetail extends QualityDeviation {
  batches: AffectedBatch[];
  capas: { id: string; number: string; title: string; status: CapaStatus }[];
  signatures: Signature[];
}

export const CAPA_SOURCES = ['deviation', 'oos', 'audit', 'complaint', 'change_control', 'trend', 'other'] as const;
export type CapaSource = (typeof CAPA_SOURCES)[number];
export const CAPA_STATUSES = ['open', 'effectiveness_check', 'closed'] as const;
export type CapaStatus = (typeof CAPA_STATUSES)[number];
export const ACTION_KINDS = ['corrective', 'preventive'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

export interface Capa {
  id: string;
  number: string;
  title: string;
  description: string;
  source: CapaSource;
  deviationId: string | null;
  deviationNumber: string | null;
  sourceReference: string | null;
  owner: string;
  status: CapaStatus;
  openedAt: string;
  openedBy: string;
  closedAt: string | null;
  effectivenessDueDate: string;
  effectivenessCriteria: string;
  actionsTotal: number;
  actionsOpen: number;
  actionsOverdue: number;
  effectivenessOverdue: boolean;
  overdue: boolean;
}

export interface CapaAction {
  id: string;
  position: number;
  kind: ActionKind;
  description: string;
  owner: string;
  dueDate: string;
  status: 'open' | 'completed';
  overdue: boolean;
  completionNote: string | null;
  completedBy: string | null;
  completedAt: string | null;
  signatures: Signature[];
}

export interface CapaDetail extends Capa {
  actions: CapaAction[];
  checks: {
    id: string;
    result: 'effective' | 'not_effective';
    evidence: string;
    checkedBy: string;
    checkedAt: string;
    signatures: Signature[];
  }[];
}

export interface NewAction {
  kind: ActionKind;
  description: string;
  owner: string;
  dueDate: string;
}

export const CHANGE_CATEGORIES = [
  'document',
  'process',
  'specification',
  'equipment',
  'facility',
  'supplier',
  'computer_system',
  'other',
] as const;
export type ChangeCategory = (typeof CHANGE_CATEGORIES)[number];
export const CHANGE_STATUSES = ['draft', 'assessed', 'approved', 'implemented', 'closed', 'withdrawn'] as const;
export type ChangeStatus = (typeof CHANGE_STATUSES)[number];
export const REGULATORY_IMPACTS = ['none', 'notification', 'prior_approval'] as const;
export type RegulatoryImpact = (typeof REGULATORY_IMPACTS)[number];

export interface ChangeImpact {
  documents: string[];
  processes: string[];
  specifications: string[];
  equipment: string[];
  validationRequired: boolean;
  validationNotes?: string;
  regulatoryImpact: RegulatoryImpact;
  regulatoryNotes?: string;
  risk: string;
}

export interface ChangeControl {
  id: string;
  number: string;
  title: string;
  description: string;
  justification: string;
  category: ChangeCategory;
  status: ChangeStatus;
  requestedBy: string;
  requestedAt: string;
  impact: ChangeImpact | null;
  assessedBy: string | null;
  assessedAt: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  implementationDueDate: string;
  implementationNote: string | null;
  implementedBy: string | null;
  implementedAt: string | null;
  effectivenessDueDate: string | null;
  effectivenessNote: string | null;
  closedBy: string | null;
  closedAt: string | null;
  /** Set when the change was withdrawn before implementation: who, when (UTC) and why. */
  withdrawnAt: string | null;
  withdrawnBy: string | null;
  withdrawReason: string | null;
  dueDate: string | null;
  overdue: boolean;
}

export interface ChangeControlDetail extends ChangeControl {
  signatures: Signature[];
}

export interface QualityOverview {
  today: string;
  open: { deviations: number; capas: number; changeControls: number };
  overdue: { deviations: QualityDeviation[]; capas: Capa[]; changeControls: ChangeControl[] };
}
