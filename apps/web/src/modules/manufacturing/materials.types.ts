/** Shapes of the materials, lots and genealogy API (docs/manufacturing-api.md, module `materials`). */
import type { Signature, SignatureInput } from '../../api/types';

export const MATERIAL_KINDS = ['reagent', 'consumable', 'vector', 'starting_material'] as const;
export type MaterialKind = (typeof MATERIAL_KINDS)[number];

export interface Material {
  id: string;
  code: string;
  name: string;
  kind: MaterialKind;
  storageCondition: string;
  supplier: string;
  unit: string;
  retiredAt?: string | null;
  createdAt?: string;
  /** `GET /materials/{id}` includes the material's lots. */
  lots?: Lot[];
}

export interface NewMaterial {
  code: string;
  name: string;
  kind: MaterialKind;
  storageCondition?: string;
  supplier?: string;
  unit?: string;
}

export const LOT_STATUSES = ['quarantine', 'released', 'rejected'] as const;
export type LotStatus = (typeof LOT_STATUSES)[number];

/** Why a lot cannot be consumed (`lot.not_usable` reason). */
export type LotUnusableReason = 'quarantine' | 'rejected' | 'expired' | 'empty';

export interface Lot {
  id: string;
  materialId: string;
  materialCode: string;
  materialName: string;
  kind: MaterialKind;
  lotNumber: string;
  expiresAt: string;
  quantityReceived: number;
  quantityOnHand: number;
  unit: string;
  status: LotStatus;
  /** Released, not expired and something left. */
  usable: boolean;
  receivedAt: string;
  producedByBatchId: string | null;
  signatures: Signature[];
}

export interface NewLot {
  lotNumber: string;
  expiresAt: string;
  quantity: number;
}

export type DispositionDecision = 'release' | 'reject';

export interface Disposition {
  decision: DispositionDecision;
  reason?: string;
  signature: SignatureInput;
}

export type TraceDirection = 'forward' | 'backward';
export type TraceKind = 'lot' | 'batch' | 'order' | 'collection';

export interface TraceNode {
  kind: TraceKind;
  id: string;
  label: string;
  depth: number;
}

export interface Trace {
  root: { kind: TraceKind; id: string; label: string };
  direction: TraceDirection;
  nodes: TraceNode[];
  edges: { from: string; to: string }[];
}

/** Why a lot cannot be used now, or null when it can (the server decides; this only explains early). */
export function lotUnusableReason(lot: Lot, now: Date = new Date()): LotUnusableReason | null {
  if (lot.status === 'quarantine') return 'quarantine';
  if (lot.status === 'rejected') return 'rejected';
  if (new Date(lot.expiresAt).getTime() <= now.getTime()) return 'expired';
  if (lot.quantityOnHand <= 0) return 'empty';
  return null;
}
