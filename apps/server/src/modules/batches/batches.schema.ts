/** Request and response shapes of executed batch records (docs/manufacturing-api.md, "Executed batch records"). */
import { z } from 'zod';
import { signatureView, text } from '../../platform/schemas';
import { deviationView } from '../quality/deviations.schema';

/** After `completed`, the QP's certification (modules/release) sets one of the last three. */
export const BATCH_STATUSES = ['in_progress', 'completed', 'aborted', 'released', 'conditionally_released', 'rejected'] as const;
export const STEP_STATUSES = ['pending', 'completed'] as const;
/** A master batch record has at most 60 steps; step numbers start at 1, as people count them. */
export const MAX_STEPS = 60;

export const createBatchBody = z.object({
  processId: z.uuid('Not a valid process id'),
  /** The patient's order: required for autologous processes, refused for the others. */
  orderId: z.uuid('Not a valid order id').optional(),
  roomId: z.uuid('Not a valid room id'),
  /** Autologous: what the operator scanned from the patient's bag (DIN barcode, DataMatrix or typed DIN + check character). */
  scannedDin: z.string().trim().min(1, 'Scan the bag label').max(64).optional(),
});

const lotUse = z.union([
  z.uuid('Not a valid lot id'),
  z.object({
    lotId: z.uuid('Not a valid lot id'),
    quantity: z.number().positive('Quantity must be above 0').max(1e9, 'Quantity is too large'),
  }),
]);

export const completeStepBody = z.object({
  /** Typed per field by the step definition; checked by the service so each field gets its own 422. */
  values: z.record(z.string().max(64), z.unknown()).default({}),
  /** Scanned lots, each with the quantity used (a bare id means one unit). */
  materialLots: z.array(lotUse).max(50).optional(),
  /** Scanned equipment units. */
  equipment: z.array(z.uuid('Not a valid equipment id')).max(50).optional(),
  /** The performer's signature; its meaning is "Performed" unless given. */
  signature: z.object({
    password: z.string().min(1, 'Enter your password to sign').max(256),
    meaning: text(1, 200).optional(),
  }),
  /** Witness steps: the second person types their username and password at the same tablet. */
  witness: z
    .object({
      username: z.string().trim().min(1, 'Enter the witness username').max(64),
      password: z.string().min(1, 'The witness enters their password').max(256),
    })
    .optional(),
});

export const stepParams = z.object({
  id: z.uuid('Not a valid id'),
  index: z.coerce.number().int('The step index must be a whole number').min(0, 'Step indexes start at 0').max(MAX_STEPS - 1),
});

export const batchQuery = z.object({
  status: z.enum(BATCH_STATUSES).optional(),
  orderId: z.uuid('Not a valid order id').optional(),
});

const fieldView = z.object({
  key: z.string(),
  label: z.string(),
  type: z.enum(['number', 'text', 'boolean']),
  unit: z.string().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  required: z.boolean().optional(),
});


export const stepView = z.object({
  /** Position from 0, as in the step's URL. */
  index: z.number(),
  /** Position from 1, as people and the printed record count. */
  number: z.number(),
  title: z.string(),
  instructions: z.string().nullable(),
  status: z.enum(STEP_STATUSES),
  fields: z.array(fieldView),
  values: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])).nullable(),
  outOfRange: z.array(z.string()),
  /** What the step asks to be scanned: material codes and equipment types. */
  materials: z.array(z.string()),
  equipmentTypes: z.array(z.string()),
  samples: z.array(z.object({ name: z.string(), test: z.string() })),
  producesLot: z.string().nullable(),
  materialLots: z.array(z.object({ lotId: z.string(), lotNumber: z.string(), materialCode: z.string(), quantity: z.number() })),
  equipment: z.array(z.object({ id: z.string(), code: z.string() })),
  performedBy: z.string().nullable(),
  performedAt: z.string().nullable(),
  witnessedBy: z.string().nullable(),
  signatures: z.array(signatureView),
  requiredQualification: z.string().nullable(),
  witness: z.boolean(),
});

export const batchView = z.object({
  id: z.string(),
  batchNumber: z.string(),
  processId: z.string(),
  processCode: z.string(),
  processVersion: z.number(),
  processName: z.string(),
  product: z.string(),
  productType: z.enum(['autologous', 'allogeneic', 'vector']),
  orderId: z.string().nullable(),
  coi: z.string().nullable(),
  subjectCode: z.string().nullable(),
  /** The patient's bag received into the batch (autologous). */
  din: z.string().nullable(),
  dinCheckCharacter: z.string().nullable(),
  roomId: z.string(),
  roomCode: z.string(),
  status: z.enum(BATCH_STATUSES),
  startedAt: z.string(),
  completedAt: z.string().nullable(),
  /** The product's expiry as the QP certified it; null until released. */
  productExpiresAt: z.string().nullable(),
  startedBy: z.string(),
  /** The step to do next (null when all are done). */
  /** Index (from 0) of the step to do next; null when every step is done. */
  nextStep: z.number().nullable(),
  steps: z.array(stepView),
  /** Lots this batch made (a vector lot, in quarantine until QA releases it). */
  outputLots: z.array(z.object({ id: z.string(), lotNumber: z.string(), materialCode: z.string(), status: z.string(), quantity: z.number(), unit: z.string() })),
  deviations: z.array(deviationView),
});

export const batchSummary = batchView.omit({ steps: true, deviations: true, outputLots: true }).extend({
  stepCount: z.number(),
  completedSteps: z.number(),
});

/** The one meaning an abort is signed with: QA's decision to terminate the batch. */
export const ABORT_MEANING = 'Batch aborted';

export const abortBatchBody = z.object({
  /** Why QA terminates the batch: recorded in the audit trail, the signature and the deviation it opens. */
  reason: text(1, 500),
  signature: z.object({
    password: z.string().min(1, 'Enter your password to sign').max(256),
    meaning: z.literal(ABORT_MEANING, `An abort is signed with the meaning "${ABORT_MEANING}"`).default(ABORT_MEANING),
  }),
});
