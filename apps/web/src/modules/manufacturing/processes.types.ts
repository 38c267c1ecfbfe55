/** Shapes of the master batch record API (docs/manufacturing-api.md, module `processes`). */
import type { Signature } from '../../api/types';

export const PRODUCT_TYPES = ['autologous', 'allogeneic', 'vector'] as const;
export type ProductType = (typeof PRODUCT_TYPES)[number];

export const PROCESS_STATUSES = ['draft', 'effective', 'superseded', 'retired'] as const;
export type ProcessStatus = (typeof PROCESS_STATUSES)[number];

export const FIELD_TYPES = ['number', 'text', 'boolean'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** A data field of a step: what the operator records, with its unit and range. */
export interface FieldDef {
  key: string;
  label: string;
  type: FieldType;
  unit?: string | null;
  min?: number | null;
  max?: number | null;
  required?: boolean;
}

export interface SampleDef {
  name: string;
  test: string;
}

export interface StepDef {
  title: string;
  instructions?: string | null;
  /** Course code the performer must be qualified for (training gate). */
  requiredQualification?: string | null;
  /** A second person witnesses and signs the step. */
  witness?: boolean;
  fields: FieldDef[];
  /** Material codes: each needs a scanned, usable lot. */
  materials?: string[];
  /** Equipment types: each needs one scanned, usable unit. */
  equipmentTypes?: string[];
  samples?: SampleDef[];
  /** Material code of the lot the step produces (e.g. a vector lot). */
  producesLot?: string | null;
}

export interface Process {
  id: string;
  code: string;
  version: number;
  name: string;
  product: string;
  productType: ProductType;
  status: ProcessStatus;
  steps: StepDef[];
  createdBy: string;
  createdAt?: string;
  effectiveAt: string | null;
  signatures: Signature[];
}

export interface NewProcess {
  code: string;
  name: string;
  product: string;
  productType: ProductType;
  steps: StepDef[];
}

export type ProcessChange = Omit<NewProcess, 'code'>;
