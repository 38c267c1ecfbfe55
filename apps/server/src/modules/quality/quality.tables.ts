/**
 * Deviations: departures from procedure or specification. Opened automatically by environmental
 * excursions, out-of-range batch values and the like, or by people; classified and investigated, with
 * the impact on each affected batch assessed, and closed by QA. CAPA and change control are in
 * capa.tables.ts and change-control.tables.ts.
 */
import { boolean, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

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
    /** open | classified | investigation | closed | cancelled */
    status: text('status').notNull(),
    /** em_excursion | batch_value | batch_abort | equipment | manual | shipment_temperature */
    source: text('source').notNull(),
    roomId: uuid('room_id'),
    batchId: uuid('batch_id'),
    openedAt: at('opened_at').notNull(),
    openedBy: text('opened_by').notNull(),
    /** Local calendar date (site time zone) by which it must be closed; null only on rows from older databases. */
    dueDate: date('due_date', { mode: 'string' }),
    classifiedAt: at('classified_at'),
    classifiedBy: text('classified_by'),
    /** Username of the person who leads the investigation (named by QA when classifying). */
    owner: text('owner'),
    /** Decided by QA when classifying; null until then. A required CAPA must be linked before closure. */
    capaRequired: boolean('capa_required'),
    investigation: text('investigation'),
    rootCause: text('root_cause'),
    /** human | equipment | material | method | environment | measurement | other */
    rootCauseCategory: text('root_cause_category'),
    closedAt: at('closed_at'),
    closedBy: text('closed_by'),
    conclusion: text('conclusion'),
    /** A deviation opened in error is cancelled by QA with a reason, never deleted. */
    cancelledAt: at('cancelled_at'),
    cancelledBy: text('cancelled_by'),
    cancelReason: text('cancel_reason'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('deviations_status_idx').on(t.status), index('deviations_due_date_idx').on(t.dueDate)],
);

/** Batches a deviation may have affected (impact assessment starts from this list). */
export const deviationBatches = pgTable(
  'deviation_batches',
  {
    deviationId: uuid('deviation_id')
      .notNull()
      .references(() => deviations.id),
    batchId: uuid('batch_id').notNull(),
    /** The assessed impact on this batch: none | acceptable | not_acceptable; null until assessed. */
    impact: text('impact'),
    impactRationale: text('impact_rationale'),
    assessedBy: text('assessed_by'),
    assessedAt: at('assessed_at'),
  },
  (t) => [primaryKey({ columns: [t.deviationId, t.batchId] })],
);

/** Days from opening to closure of a deviation, per severity, where the site changed the default. */
export const deviationDueRules = pgTable('deviation_due_rules', {
  id: uuid('id').primaryKey().defaultRandom(),
  severity: text('severity').notNull().unique(),
  closeDays: integer('close_days').notNull(),
});
