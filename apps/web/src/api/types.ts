/** Shapes of the API v1 resources the web app reads (see shared/spec/api-v1.md). */
import type { CollectionType, CustodyType, OrderStatus } from '@hepatica/core';

export interface Items<T> {
  items: T[];
}

export { ROLES, type Role } from '@hepatica/core';
// Shared with the server's schemas (packages/core/src/chain/enums.ts).
export {
  COLLECTION_TYPES,
  CUSTODY_TYPES,
  ORDER_STATUSES,
  type CollectionType,
  type CustodyType,
  type OrderStatus,
} from '@hepatica/core';

export type Permission =
  | 'patients:read'
  | 'patients:write'
  | 'identity:read'
  | 'studies:read'
  | 'studies:write'
  | 'orders:read'
  | 'orders:write'
  | 'collections:read'
  | 'collections:write'
  | 'custody:read'
  | 'custody:write'
  | 'users:read'
  | 'users:write'
  | 'audit:read'
  | 'sites:read'
  | 'signatures:sign'
  | 'training:read'
  | 'training:write'
  | 'training:assess'
  | 'training:dashboard'
  | 'materials:read'
  | 'materials:write'
  | 'lots:disposition'
  | 'equipment:read'
  | 'equipment:write'
  | 'facility:read'
  | 'facility:write'
  | 'facility:limits'
  | 'processes:read'
  | 'processes:write'
  | 'processes:approve'
  | 'batches:read'
  | 'batches:execute'
  | 'batches:abort'
  | 'deviations:read'
  // Quality events: deviations lifecycle, CAPA, change control (issue 5).
  | 'quality:read'
  | 'quality:write'
  | 'quality:approve'
  // Quality control (issue 5).
  | 'qc:read'
  | 'qc:write'
  | 'qc:review'
  | 'specifications:write'
  | 'oos:conclude'
  // Review and release (issue 5).
  | 'batches:review'
  | 'batches:release'
  | 'release:read'
  | 'coa:read'
  | 'coa:amend'
  | 'notifications:read'
  | 'notifications:acknowledge'
  // Shipment to the bedside (issue 5).
  | 'shipments:read'
  | 'shipments:write'
  | 'infusions:write'
  | 'clinical:read'
  | 'clinical:write'
  | 'clinical:investigate'
  | 'protocols:write'
  | 'protocols:approve'
  | 'consent:write'
  | 'self';

export interface Site {
  id: string;
  name: string;
  fin: string;
  timeZone: string;
}

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
}

export interface Me {
  user: SessionUser;
  permissions: string[];
  site?: Site | null;
}

export interface Study {
  id: string;
  code: string;
  title: string;
  indication: 'hcc' | 'cirrhosis' | 'metabolic';
  phase: string;
}

export type Sex = 'female' | 'male';

export interface Patient {
  id: string;
  subjectCode: string;
  sex: Sex;
  birthDate: string;
  name?: string | null;
  mrn?: string | null;
  createdAt: string;
}

export interface Order {
  id: string;
  patientId: string;
  subjectCode: string;
  studyId: string;
  studyCode: string;
  coi: string;
  coiCheckCharacter: string;
  status: OrderStatus | string;
  createdAt: string;
}

/** An electronic signature on a record (21 CFR 11.50): who, when (UTC) and what it means. */
export interface Signature {
  /** Username of the signer. */
  signer: string;
  printedName: string;
  at: string;
  meaning: string;
  /** False when the record has changed since it was signed: the signature no longer covers it. */
  valid: boolean;
}

/** What a signer sends: the password again (11.200) and the meaning of the signature. */
export interface SignatureInput {
  password: string;
  meaning: string;
}

export interface Collection {
  id: string;
  orderId: string;
  din: string;
  flags: string;
  checkCharacter: string;
  type: CollectionType;
  collectedAt: string;
  expiresAt: string;
  volumeMl?: number | null;
  status: string;
  subjectCode: string;
  coi: string;
  createdAt: string;
  signatures: Signature[];
}

export interface CustodyEvent {
  id: string;
  din: string;
  type: CustodyType;
  occurredAt: string;
  location?: string | null;
  fromParty?: string | null;
  toParty?: string | null;
  temperatureC?: number | null;
  recordedBy: string;
  createdAt: string;
}

export interface CustodyException {
  id: string;
  din: string;
  scannedDin: string;
  type: string;
  recordedBy: string;
  createdAt: string;
  detail: string;
  /** The refusal's problem code and params; null on exceptions logged before they were kept. */
  code: string | null;
  params: Record<string, string> | null;
}

export interface TimelineItem {
  at: string;
  kind: string;
  summary: string;
  details?: Record<string, unknown> | null;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  active: boolean;
  lockedUntil?: string | null;
}

export interface AuditEvent {
  seq: number;
  at: string;
  actor: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  reason?: string | null;
  prevHash?: string;
  hash?: string;
}
