/**
 * Deviations: departures from procedure or specification. Opened automatically by environmental
 * excursions and out-of-range batch values, or by people; investigation, CAPA and change control
 * are built on these records by the quality module.
 */
import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export const deviations = pgTable(
  'deviations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** DEV-2026-0001: a number people quote on the phone and in reports. */
    number: text('number').notNull().unique(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    /** minor | major | critical */
    severity: text('severity').notNull(),
    /** open | investigation | closed */
    status: text('status').notNull(),
    /** em_excursion | batch_value | equipment | manual */
    source: text('source').notNull(),
    roomId: uuid('room_id'),
    batchId: uuid('batch_id'),
    openedAt: at('opened_at').notNull(),
    openedBy: text('opened_by').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('deviations_status_idx').on(t.status)],
);

/** Batches a deviation may have affected (impact assessment starts from this list). */
export const deviationBatches = pgTable(
  'deviation_batches',
  {
    deviationId: uuid('deviation_id')
      .notNull()
      .references(() => deviations.id),
    batchId: uuid('batch_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.deviationId, t.batchId] })],
);
