/** Chain of custody: every hand-over of a bag, and every refused scan. */
import { doublePrecision, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { collections } from '../collections/collections.tables';

export const custodyEvents = pgTable(
  'custody_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    collectionId: uuid('collection_id')
      .notNull()
      .references(() => collections.id),
    din: text('din').notNull(),
    type: text('type').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, precision: 3 }).notNull(),
    location: text('location'),
    fromParty: text('from_party'),
    toParty: text('to_party'),
    temperatureC: doublePrecision('temperature_c'),
    recordedBy: text('recorded_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index('custody_events_din_idx').on(t.din)],
);

export const custodyExceptions = pgTable(
  'custody_exceptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    din: text('din').notNull(),
    scannedDin: text('scanned_din').notNull(),
    type: text('type').notNull(),
    detail: text('detail').notNull(),
    /** The refusal's problem code and params, so the screens can word it in the reader's language (null on older rows). */
    code: text('code'),
    params: jsonb('params'),
    recordedBy: text('recorded_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index('custody_exceptions_din_idx').on(t.din)],
);
