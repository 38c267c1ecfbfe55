/**
 * CAPA: corrective and preventive actions. A CAPA comes from a source (a deviation, an OOS result, an
 * audit finding, a complaint ...), holds actions each owned by one person with a due date, and closes
 * only after QA has signed an effectiveness check showing the actions worked.
 */
import { date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { deviations } from './quality.tables';

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export const capas = pgTable(
  'capas',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** CAPA-2026-0001 */
    number: text('number').notNull().unique(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    /** deviation | oos | audit | complaint | change_control | trend | other */
    source: text('source').notNull(),
    /** The deviation it answers (source deviation). */
    deviationId: uuid('deviation_id').references(() => deviations.id),
    /** What it answers when that is not a deviation: an OOS number, an audit finding, a complaint. */
    sourceReference: text('source_reference'),
    /** Username of the person accountable for the CAPA as a whole. */
    owner: text('owner').notNull(),
    /** open | effectiveness_check | closed */
    status: text('status').notNull(),
    effectivenessDueDate: date('effectiveness_due_date', { mode: 'string' }).notNull(),
    effectivenessCriteria: text('effectiveness_criteria').notNull(),
    openedAt: at('opened_at').notNull(),
    openedBy: text('opened_by').notNull(),
    closedAt: at('closed_at'),
  },
  (t) => [index('capas_status_idx').on(t.status), index('capas_deviation_idx').on(t.deviationId)],
);

export const capaActions = pgTable(
  'capa_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    capaId: uuid('capa_id')
      .notNull()
      .references(() => capas.id),
    /** 1, 2, 3 ... in the order the actions were added. */
    position: integer('position').notNull(),
    /** corrective | preventive */
    kind: text('kind').notNull(),
    description: text('description').notNull(),
    /** Username of the person who must do it and sign its completion. */
    owner: text('owner').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    /** open | completed */
    status: text('status').notNull(),
    completionNote: text('completion_note'),
    completedBy: text('completed_by'),
    completedAt: at('completed_at'),
  },
  (t) => [index('capa_actions_capa_idx').on(t.capaId), index('capa_actions_owner_idx').on(t.owner)],
);

/**
 * Effectiveness checks, each signed by QA. An effective result closes the CAPA; a check that finds
 * the actions did not work leaves it open for further actions and a later check.
 */
export const capaEffectivenessChecks = pgTable(
  'capa_effectiveness_checks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    capaId: uuid('capa_id')
      .notNull()
      .references(() => capas.id),
    /** effective | not_effective */
    result: text('result').notNull(),
    /** What was looked at and found, against the CAPA's criteria. */
    evidence: text('evidence').notNull(),
    checkedBy: text('checked_by').notNull(),
    checkedAt: at('checked_at').notNull(),
  },
  (t) => [index('capa_checks_capa_idx').on(t.capaId)],
);
