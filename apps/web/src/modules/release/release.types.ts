/** Shapes of the review and release API (server: modules/release/release.schema.ts). */
import type { Signature } from '../../api/types';

export const RELEASE_DECISIONS = ['release', 'conditional_release', 'reject'] as const;
export type ReleaseDecision = (typeof RELEASE_DECISIONS)[number];

export interface Person {
  id: string;
  username: string;
  name: string;
}

export interface Blocker {
  code: string;
  params: Record<string, string | number>;
  message: string;
}

export interface DecisionCheck {
  allowed: boolean;
  blockers: Blocker[];
}

export interface Review {
  id: string;
  batchId: string;
  reviewer: Person;
  comment: string | null;
  reviewedAt: string;
  signatures: Signature[];
}

export interface ExceptionalRelease {
  physicianRequest: { requestedBy: string; requestedAt: string; text: string };
  justification: string;
}

export interface ReleaseRecord {
  id: string;
  batchId: string;
  decision: ReleaseDecision;
  certifier: Person;
  pendingTests: string[];
  outOfSpecification: string[];
  treatingPhysician: Person | null;
  exceptional: ExceptionalRelease | null;
  comment: string | null;
  productExpiresAt: string | null;
  certifiedAt: string;
  signatures: Signature[];
}

export type NotificationStatus = 'open' | 'acknowledged';

export interface ReleaseNotification {
  id: string;
  batchId: string;
  batchNumber: string;
  product: string;
  din: string | null;
  subjectCode: string | null;
  coi: string | null;
  testCode: string;
  resultId: string;
  message: string;
  status: NotificationStatus;
  physician: Person;
  createdAt: string;
  acknowledgedAt: string | null;
  acknowledgement: string | null;
  signatures: Signature[];
}

export interface CoaVersion {
  version: number;
  reason: string;
  issuedBy: string;
  issuedAt: string;
  outdated: boolean;
}

export type TestState = 'missing' | 'awaiting_review' | 'conforming' | 'non_conforming';

export interface ReleaseCheck {
  batchId: string;
  batchNumber: string;
  status: string;
  product: string;
  productType: string;
  din: string | null;
  subjectCode: string | null;
  coi: string | null;
  qc: {
    specification: { id: string; product: string; version: number; shelfLifeDays: number | null } | null;
    tests: { code: string; name: string; lateResultAllowed: boolean; state: TestState; resultId: string | null }[];
    complete: boolean;
    outOfSpecification: string[];
    pendingLate: string[];
  };
  openDeviations: { id: string; number: string; title: string; severity: string; status: string }[];
  /** End of manufacture + the specification's shelf life; what a release would certify. */
  expiry: { expiresAt: string | null; expired: boolean };
  review: Review | null;
  chainOfIdentity: {
    applies: boolean;
    verified: boolean;
    din: string | null;
    reason: string | null;
    receivedAt: string | null;
    exceptions: number;
  };
  decisions: Record<ReleaseDecision, DecisionCheck>;
  releases: ReleaseRecord[];
  notifications: ReleaseNotification[];
  coaVersions: CoaVersion[];
}

export interface TrailEvent {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  reason: string | null;
  changes: { field: string; before: unknown; after: unknown }[];
}

export interface ReviewRecord {
  trail: TrailEvent[];
  signatures: {
    entityType: string;
    entityId: string;
    signer: string;
    printedName: string;
    meaning: string;
    at: string;
  }[];
  review: Review | null;
}

export interface CertifyBody {
  decision: ReleaseDecision;
  signature: { password: string; meaning: string };
  treatingPhysicianId?: string;
  exceptional?: ExceptionalRelease;
  comment?: string;
}
