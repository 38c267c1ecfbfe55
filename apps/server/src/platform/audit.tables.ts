/** The append-only, hash-chained audit trail and electronic signatures (21 CFR Part 11, Annex 11). */
import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const auditEvents = pgTable(
  'audit_events',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    actorId: uuid('actor_id'),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    reason: text('reason'),
    requestId: text('request_id'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_events_entity_idx').on(t.entityType, t.entityId),
    index('audit_events_at_idx').on(t.at),
    // The batch review's trail looks events up by entity id alone and by the ids a row names in `after`
    // (`after @> '{"batchId": …}'`); without these it reads the whole trail for every review.
    index('audit_events_entity_id_idx').on(t.entityId),
    index('audit_events_after_links_idx').using('gin', sql`${t.after} jsonb_path_ops`),
  ],
);

export const signatures = pgTable(
  'signatures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').notNull(),
    printedName: text('printed_name').notNull(),
    meaning: text('meaning').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    recordHash: text('record_hash').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [index('signatures_entity_idx').on(t.entityType, t.entityId)],
);
