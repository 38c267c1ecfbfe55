/** Shapes of the informed consent API (docs/clinical/consent-api.md). */
import type { Signature } from '../../../api/types';

export const CONSENT_LANGUAGES = ['zh-CN', 'en'] as const;
export type ConsentLanguage = (typeof CONSENT_LANGUAGES)[number];

export interface OptionalPart {
  code: string;
  label: string;
}

export interface ConsentDocument {
  id: string;
  studyId: string;
  protocolVersionId: string;
  protocolVersion: number;
  language: ConsentLanguage;
  versionLabel: string;
  title: string;
  status: 'draft' | 'approved' | 'superseded';
  approvedOn: string | null;
  effectiveFrom: string | null;
  optionalParts: OptionalPart[];
  approvedBy: string | null;
  approvedAt: string | null;
  supersededAt: string | null;
  supersededById: string | null;
  signatures: Signature[];
  createdAt: string;
}

export interface ConsentRecord {
  id: string;
  subjectId: string;
  document: { id: string; versionLabel: string; language: ConsentLanguage; title: string; protocolVersionId: string };
  consentedAt: string;
  consentedBy: 'subject' | 'lar';
  lar: { name: string; relationship: string } | null;
  subjectCanRead: boolean;
  witness: { name: string } | null;
  investigator: { id: string; name: string };
  optionalParts: Record<string, boolean>;
  recordedBy: string;
  signatures: Signature[];
  createdAt: string;
}

export type WithdrawalScope = 'complete' | 'treatment' | 'optional_parts';

export interface Withdrawal {
  id: string;
  subjectId: string;
  consentRecordId: string;
  scope: WithdrawalScope;
  parts: string[];
  safetyFollowUp: boolean;
  withdrawnAt: string;
  reason: string;
  recordedBy: string;
  signatures: Signature[];
  createdAt: string;
}

export type ConsentStatusCode = 'valid' | 'none' | 'reconsent_required' | 'withdrawn' | 'withdrawn_from_treatment';

export interface ConsentContinues {
  treatment: boolean;
  visits: boolean;
  safetyFollowUp: boolean;
  collectedDataKept: boolean;
  optionalParts: Record<string, boolean>;
}

export interface ConsentStatus {
  subjectId: string;
  subjectNumber: string | null;
  screeningNumber: string;
  status: ConsentStatusCode;
  current: ConsentRecord | null;
  reconsent: { reason: string; documentId: string; versionLabel: string; language: string; raisedAt: string } | null;
  continues: ConsentContinues;
  records: ConsentRecord[];
  withdrawals: Withdrawal[];
  history: { at: string; kind: 'consented' | 'withdrawn' | 'reconsent_required' | 'reconsent_resolved'; id: string; summary: string }[];
}

export interface RecordConsentBody {
  documentId: string;
  consentedAt: string;
  consentedBy: 'subject' | 'lar';
  lar?: { name: string; relationship: string };
  subjectCanRead?: boolean;
  witness?: { name: string };
  investigatorId: string;
  optionalParts?: Record<string, boolean>;
}

export interface WithdrawBody {
  scope: WithdrawalScope;
  parts?: string[];
  withdrawnAt: string;
  reason: string;
  safetyFollowUp?: boolean;
}
