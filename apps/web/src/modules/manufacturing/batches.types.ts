/** Shapes of the executed batch record API (docs/manufacturing-api.md, module `batches`). */
import type { Signature, SignatureInput } from '../../api/types';
import type { Deviation } from './deviations.types';
import type { FieldDef, SampleDef } from './processes.types';

export const BATCH_STATUSES = [
  'in_progress',
  'completed',
  'aborted',
  'released',
  'conditionally_released',
  'rejected',
] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

export type FieldValue = number | string | boolean;

export interface StepLot {
  lotId: string;
  lotNumber: string;
  materialCode: string;
  quantity: number | null;
}

export interface BatchStep {
  /** Position from 0: the index in the step's URL. */
  index: number;
  /** Position from 1, as people count steps. */
  number: number;
  title: string;
  instructions: string | null;
  status: 'pending' | 'completed';
  fields: FieldDef[];
  values: Record<string, FieldValue> | null;
  /** Keys of values outside their range: each opened a deviation. */
  outOfRange: string[] | null;
  materialLots: StepLot[];
  equipment: { id: string; code: string }[];
  performedBy: string | null;
  performedAt: string | null;
  witnessedBy: string | null;
  signatures: Signature[];
  requiredQualification: string | null;
  witness: boolean;
  /** What the step asks to be scanned; the process version's step definition is the fallback. */
  materials?: string[];
  equipmentTypes?: string[];
  samples?: SampleDef[];
  producesLot?: string | null;
}

export interface BatchSummary {
  id: string;
  batchNumber: string;
  processId: string;
  processCode: string;
  processVersion: number;
  processName?: string;
  product: string;
  productType?: 'autologous' | 'allogeneic' | 'vector';
  orderId: string | null;
  coi: string | null;
  subjectCode: string | null;
  /** The patient's bag received into the batch (autologous). */
  din?: string | null;
  roomId: string;
  roomCode: string;
  status: BatchStatus;
  startedAt: string;
  completedAt: string | null;
  /** The product expiry the QP certified; null until released. */
  productExpiresAt: string | null;
  startedBy?: string;
  /** The list answer counts the steps. */
  stepCount?: number;
  completedSteps?: number;
}

export interface OutputLot {
  id: string;
  lotNumber: string;
  materialCode: string;
  status: string;
  quantity: number;
  unit: string;
}

export interface Batch extends BatchSummary {
  /** The step to do next (null when all are done). */
  nextStep?: number | null;
  steps: BatchStep[];
  /** Lots this batch made (e.g. a vector lot, in quarantine until QA releases it). */
  outputLots?: OutputLot[];
  deviations: Deviation[];
}

export interface NewBatch {
  processId: string;
  roomId: string;
  orderId?: string;
  /** Autologous: exactly what was scanned from the patient's bag; the server re-reads it. */
  scannedDin?: string;
}

export interface StepCompletion {
  values: Record<string, FieldValue>;
  materialLots?: { lotId: string; quantity: number }[];
  equipment?: string[];
  signature: SignatureInput;
  witness?: { username: string; password: string };
}
