/** Material master and lots: received into quarantine, released or rejected by QA, consumed by batches. */
import { doublePrecision, index, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export const materials = pgTable('materials', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  /** reagent | consumable | vector | starting_material */
  kind: text('kind').notNull(),
  /** e.g. "2–8 °C", "≤ −65 °C", "15–25 °C" */
  storageCondition: text('storage_condition').notNull(),
  supplier: text('supplier').notNull(),
  /** Unit of quantities: mL, vial, bag, unit, µg … */
  unit: text('unit').notNull(),
  retiredAt: at('retired_at'),
  createdAt: at('created_at').notNull().defaultNow(),
});

export const materialLots = pgTable(
  'material_lots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    materialId: uuid('material_id')
      .notNull()
      .references(() => materials.id),
    lotNumber: text('lot_number').notNull(),
    expiresAt: at('expires_at').notNull(),
    quantityReceived: doublePrecision('quantity_received').notNull(),
    quantityOnHand: doublePrecision('quantity_on_hand').notNull(),
    /** quarantine | released | rejected */
    status: text('status').notNull(),
    receivedAt: at('received_at').notNull(),
    /** Set when the lot was made here (a vector lot from a vector batch): genealogy goes through it. */
    producedByBatchId: uuid('produced_by_batch_id'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [unique('material_lots_material_lot').on(t.materialId, t.lotNumber)],
);

/**
 * Genealogy: one edge per consumption or production. from → to reads "went into":
 * lot → batch (consumed), collection → batch (starting material), batch → lot (produced),
 * batch → order (the patient's product). Traces walk these edges with a recursive query.
 */
export const genealogyEdges = pgTable(
  'genealogy_edges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** lot | collection | batch */
    fromKind: text('from_kind').notNull(),
    fromId: uuid('from_id').notNull(),
    /** batch | lot | order */
    toKind: text('to_kind').notNull(),
    toId: uuid('to_id').notNull(),
    quantity: doublePrecision('quantity'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('genealogy_edges_from_idx').on(t.fromId), index('genealogy_edges_to_idx').on(t.toId)],
);
