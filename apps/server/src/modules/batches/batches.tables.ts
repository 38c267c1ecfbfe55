/** Executed batch records: one row per batch and per step, each completion signed. */
import { index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { processes } from '../processes/processes.tables';

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export const batches = pgTable(
  'batches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** B-2026-0001 */
    batchNumber: text('batch_number').notNull().unique(),
    processId: uuid('process_id')
      .notNull()
      .references(() => processes.id),
    /** The patient's order for autologous products; null for allogeneic and vector batches. */
    orderId: uuid('order_id'),
    /**
     * The product's ISBT 128 DIN. An autologous product keeps the DIN of the patient's donation; other
     * batches get a DIN of their own from the site's FIN. Null only on batches started before v0.2.
     */
    din: text('din'),
    roomId: uuid('room_id').notNull(),
    /** in_progress | completed | aborted */
    status: text('status').notNull(),
    startedAt: at('started_at').notNull(),
    /** When the batch ended: its last step completed, or QA aborted it. EM looks back on [startedAt, completedAt]. */
    completedAt: at('completed_at'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('batches_order_idx').on(t.orderId)],
);

export const batchSteps = pgTable(
  'batch_steps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => batches.id),
    /** The step's number as printed in the record, from 1; the API's step index is this minus 1. */
    index: integer('index').notNull(),
    /** pending | completed */
    status: text('status').notNull(),
    values: jsonb('values'),
    /** Keys of values outside their [min, max]: each opened a deviation. */
    outOfRange: jsonb('out_of_range'),
    materialLots: jsonb('material_lots'),
    equipmentIds: jsonb('equipment_ids'),
    performedBy: text('performed_by'),
    performedAt: at('performed_at'),
    witnessedBy: text('witnessed_by'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [unique('batch_steps_batch_index').on(t.batchId, t.index)],
);
