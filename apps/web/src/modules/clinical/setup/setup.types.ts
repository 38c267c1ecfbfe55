/** Shapes of the study set-up API (docs/clinical/protocols-api.md, calculators-api.md). */
import type { Arm, Criterion, Randomization } from '../clinical.types';

export const REGISTRATION_KINDS = ['nmpa_ind', 'nhc_iit_filing', 'chictr', 'clinicaltrials_gov'] as const;
export type RegistrationKind = (typeof REGISTRATION_KINDS)[number];

export interface Registration {
  id: string;
  studyId: string;
  kind: RegistrationKind;
  number: string;
  filedOn: string | null;
  status: 'active' | 'retired';
  createdAt: string;
}

export interface EthicsApproval {
  id: string;
  studyId: string;
  committee: string;
  approvalNumber: string;
  approvedOn: string;
  expiresOn: string;
  protocolVersionId: string;
  protocolVersion: number | null;
  status: 'active' | 'retired';
  expired: boolean;
  createdAt: string;
}

export interface LabAnalyte {
  analyte: string;
  label: Record<string, string>;
  loinc?: string | null;
  canonicalUnit: string;
  units: { unit: string; factor: number }[];
}

/** What a draft's editor sends (PATCH) or a new study's first version (POST). */
export interface ProtocolFields {
  title?: string;
  summary?: string;
  arms?: Arm[];
  criteria?: Criterion[];
  randomization?: Randomization | null;
}
