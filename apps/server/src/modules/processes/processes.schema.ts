/**
 * Request and response shapes of master batch records. The step schema is also the stored form:
 * `parseSteps()` reads the steps column back into `ProcessStep[]` with every default filled in, so
 * batch execution never has to guess what an omitted `witness` or `required` meant.
 * Shapes and types are checked here (400); the rules between fields and the references to courses
 * and materials are checked by processes.steps.ts (422 naming the path).
 */
import { z } from 'zod';
import { signatureInput, signatureView, text } from '../../platform/schemas';

export const PRODUCT_TYPES = ['autologous', 'allogeneic', 'vector'] as const;
export type ProductType = (typeof PRODUCT_TYPES)[number];

export const PROCESS_STATUSES = ['draft', 'effective', 'superseded', 'retired'] as const;
export type ProcessStatus = (typeof PROCESS_STATUSES)[number];

export const FIELD_TYPES = ['number', 'text', 'boolean'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** At most this many steps in one process (the contract's 1–60). */
export const MAX_STEPS = 60;

export const processCode = z
  .string()
  .trim()
  .regex(/^[A-Z][A-Z0-9-]{1,31}$/, 'A process code is 2–32 upper-case letters, digits or dashes, starting with a letter (e.g. CART-GPC3)');

const reference = (what: string) =>
  z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, `A ${what} code is 1–40 letters, digits, dots, dashes or underscores`);

const equipmentType = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{1,39}$/, 'An equipment type is 2–40 lower-case letters, digits or underscores (e.g. biosafety_cabinet)');

export const stepField = z.object({
  /** Checked against `^[a-z][a-zA-Z0-9_]*$` and for uniqueness in processes.steps.ts. */
  key: z.string().trim().min(1, 'Must not be empty').max(40, 'Must be at most 40 characters'),
  label: text(1, 200),
  type: z.enum(FIELD_TYPES, `Type must be one of: ${FIELD_TYPES.join(', ')}`),
  unit: text(1, 32).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  required: z.boolean().default(true),
});
export type StepField = z.output<typeof stepField>;

export const stepSample = z.object({ name: text(1, 120), test: text(1, 120) });

export const processStep = z.object({
  title: text(1, 200),
  instructions: text(1, 4000).optional(),
  /** A training course code the performer must hold (training gate). */
  requiredQualification: reference('course').optional(),
  /** A second person witnesses and signs the step. */
  witness: z.boolean().default(false),
  fields: z.array(stepField).max(40, 'At most 40 fields per step').default([]),
  /** Material codes: each needs a scanned, usable lot of that material. */
  materials: z.array(reference('material')).max(30, 'At most 30 materials per step').default([]),
  /** Equipment types: each needs one usable unit of that type. */
  equipmentTypes: z.array(equipmentType).max(20, 'At most 20 equipment types per step').default([]),
  /** In-process samples taken at the step. */
  samples: z.array(stepSample).max(20, 'At most 20 samples per step').default([]),
  /** Material code of the lot the batch produces when this step completes. */
  producesLot: reference('material').optional(),
});

/** One step of a master batch record, as stored and as batches read it (defaults filled in). */
export type ProcessStep = z.output<typeof processStep>;
/** A step as a client may send it (optional parts left out). */
export type ProcessStepInput = z.input<typeof processStep>;

/** The array bound only keeps absurd payloads out; the contract's 1–60 is a 422 rule (processes.steps.ts). */
const steps = z.array(processStep).max(500, 'Too many steps');

const stepsColumn = z.array(processStep);

/** Reads a stored steps column back into typed steps with defaults (throws if the stored JSON is not steps). */
export function parseSteps(json: unknown): ProcessStep[] {
  return stepsColumn.parse(json);
}

export const createProcessBody = z.object({
  code: processCode,
  name: text(1, 200),
  product: text(1, 200),
  productType: z.enum(PRODUCT_TYPES, `Product type must be one of: ${PRODUCT_TYPES.join(', ')}`).default('autologous'),
  steps,
});
export type NewProcess = z.output<typeof createProcessBody>;

export const updateProcessBody = z.object({
  name: text(1, 200).optional(),
  product: text(1, 200).optional(),
  productType: z.enum(PRODUCT_TYPES, `Product type must be one of: ${PRODUCT_TYPES.join(', ')}`).optional(),
  steps: steps.optional(),
  /** Kept in the audit trail with the change; drafts do not require one. */
  reason: text(1, 500).optional(),
});
export type ProcessPatch = z.output<typeof updateProcessBody>;

export const approveProcessBody = z.object({ signature: signatureInput });

export const processQuery = z.object({
  code: processCode.optional(),
  status: z.enum(PROCESS_STATUSES, `Status must be one of: ${PROCESS_STATUSES.join(', ')}`).optional(),
});

export const processView = z.object({
  id: z.string(),
  code: z.string(),
  version: z.number(),
  name: z.string(),
  product: z.string(),
  productType: z.enum(PRODUCT_TYPES),
  status: z.enum(PROCESS_STATUSES),
  steps: z.array(processStep),
  /** Username of the person who created this version (from the audit trail). */
  createdBy: z.string(),
  createdAt: z.string(),
  effectiveAt: z.string().nullable(),
  signatures: z.array(signatureView),
});
export type ProcessView = z.output<typeof processView>;
