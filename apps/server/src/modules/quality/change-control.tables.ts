/**
 * Change control: a planned change to a GMP document, process, specification, equipment or facility,
 * assessed for its impact, approved by QA (never by the person who asked for it), implemented, and
 * closed once its effectiveness has been checked.
 */
import { date, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export const changeControls = pgTable(
  'change_controls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** CC-2026-0001 */
    number: text('number').notNull().unique(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    /** Why the change is wanted. */
    justification: text('justification').notNull(),
    /** document | process | specification | equipment | facility | supplier | computer_system | other */
    category: text('category').notNull(),
    /** draft | assessed | approved | implemented | closed | withdrawn */
    status: text('status').notNull(),
    requestedBy: text('requested_by').notNull(),
    requestedAt: at('requested_at').notNull(),
    /** The impact assessment (ChangeImpact in change-control.schema.ts); null while not yet assessed. */
    impact: jsonb('impact'),
    assessedBy: text('assessed_by'),
    assessedAt: at('assessed_at'),
    approvedBy: text('approved_by'),
    approvedAt: at('approved_at'),
    implementationDueDate: date('implementation_due_date', { mode: 'string' }).notNull(),
    implementationNote: text('implementation_note'),
    implementedBy: text('implemented_by'),
    implementedAt: at('implemented_at'),
    effectivenessDueDate: date('effectiveness_due_date', { mode: 'string' }),
    effectivenessNote: text('effectiveness_note'),
    closedBy: text('closed_by'),
    closedAt: at('closed_at'),
    /** A change no longer wanted is withdrawn with a reason before it is implemented, never deleted. */
    withdrawnAt: at('withdrawn_at'),
    withdrawnBy: text('withdrawn_by'),
    withdrawReason: text('withdraw_reason'),
  },
  (t) => [index('change_controls_status_idx').on(t.status)],
);
