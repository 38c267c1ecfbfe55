/** Sites of the center: each has an ISBT 128 facility identification number and a time zone. */
import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const sites = pgTable('sites', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  fin: text('fin').notNull().unique(),
  timeZone: text('time_zone').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

/**
 * Monotonic counters for identifiers (DIN sequences, COI sequences, subject codes). One row per
 * kind and scope; an atomic upsert hands out the next value, so parallel requests never share one.
 */
export const identifierCounters = pgTable('identifier_counters', {
  key: text('key').primaryKey(),
  last: integer('last').notNull(),
});
