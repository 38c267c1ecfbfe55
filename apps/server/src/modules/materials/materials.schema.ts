/** Request and response shapes of the material master, lots, QA disposition and genealogy traces. */
import { z } from 'zod';
import { instant, reason, signatureInput, signatureView, text } from '../../platform/schemas';

export const MATERIAL_KINDS = ['reagent', 'consumable', 'vector', 'starting_material'] as const;
export type MaterialKind = (typeof MATERIAL_KINDS)[number];
export const LOT_STATUSES = ['quarantine', 'released', 'rejected'] as const;
export type LotStatus = (typeof LOT_STATUSES)[number];
export const GENEALOGY_KINDS = ['lot', 'batch', 'order', 'collection'] as const;
export type GenealogyKind = (typeof GENEALOGY_KINDS)[number];

export const materialCode = z
  .string()
  .trim()
  .regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/, 'A material code is 2–40 upper-case letters, digits or dashes (e.g. MAT-CS10)');

export const createMaterialBody = z.object({
  code: materialCode,
  name: text(1, 200),
  kind: z.enum(MATERIAL_KINDS, `Kind must be one of: ${MATERIAL_KINDS.join(', ')}`),
  storageCondition: text(1, 100).default('15–25 °C'),
  supplier: text(1, 200).default('—'),
  unit: text(1, 20).default('unit'),
});

export const createLotBody = z.object({
  lotNumber: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, 'A lot number is 1–40 letters, digits, dots, dashes or underscores'),
  expiresAt: instant,
  quantity: z.number().positive('Quantity must be above 0').max(1e9, 'Quantity must be at most 1,000,000,000'),
});

export const dispositionBody = z.object({
  decision: z.enum(['release', 'reject'], 'Decision must be release or reject'),
  reason: reason.optional(),
  signature: signatureInput,
});

const booleanQuery = z
  .enum(['true', 'false'], 'Use true or false')
  .transform((v) => v === 'true')
  .optional();

export const lotQuery = z.object({
  materialId: z.uuid('Not a valid id').optional(),
  status: z.enum(LOT_STATUSES, `Status must be one of: ${LOT_STATUSES.join(', ')}`).optional(),
  usable: booleanQuery,
});

export const traceQuery = z.object({
  direction: z.enum(['forward', 'backward'], 'Direction must be forward or backward').default('forward'),
});

export const materialView = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(MATERIAL_KINDS),
  storageCondition: z.string(),
  supplier: z.string(),
  unit: z.string(),
  createdAt: z.string(),
});

export const lotView = z.object({
  id: z.string(),
  materialId: z.string(),
  materialCode: z.string(),
  materialName: z.string(),
  kind: z.enum(MATERIAL_KINDS),
  lotNumber: z.string(),
  expiresAt: z.string(),
  quantityReceived: z.number(),
  quantityOnHand: z.number(),
  unit: z.string(),
  status: z.enum(LOT_STATUSES),
  usable: z.boolean(),
  receivedAt: z.string(),
  producedByBatchId: z.string().nullable(),
  signatures: z.array(signatureView),
});

export const materialDetailView = materialView.extend({ lots: z.array(lotView) });

const traceNode = z.object({ kind: z.enum(GENEALOGY_KINDS), id: z.string(), label: z.string() });

export const traceView = z.object({
  root: traceNode,
  direction: z.enum(['forward', 'backward']),
  nodes: z.array(traceNode.extend({ depth: z.number() })),
  edges: z.array(z.object({ from: z.string(), to: z.string() })),
});
