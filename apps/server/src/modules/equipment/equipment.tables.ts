/** Equipment register with calibration and maintenance history; status is derived from the records. */
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export const equipment = pgTable('equipment', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  /** Type named by process steps: biosafety_cabinet, incubator, centrifuge, cell_processor, … */
  type: text('type').notNull(),
  location: text('location').notNull(),
  calibrationDueAt: at('calibration_due_at').notNull(),
  maintenanceDueAt: at('maintenance_due_at'),
  /** Set while a maintenance is open (started, not finished). */
  maintenanceSince: at('maintenance_since'),
  /** Set while a batch holds the unit (from the step that scans it until the batch ends). */
  inUseByBatchId: uuid('in_use_by_batch_id'),
  retiredAt: at('retired_at'),
  createdAt: at('created_at').notNull().defaultNow(),
});

export const equipmentEvents = pgTable(
  'equipment_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    equipmentId: uuid('equipment_id')
      .notNull()
      .references(() => equipment.id),
    /** calibration | maintenance_start | maintenance_end */
    kind: text('kind').notNull(),
    performedAt: at('performed_at').notNull(),
    /** pass | fail (calibration and maintenance_end) */
    result: text('result'),
    nextDueAt: at('next_due_at'),
    notes: text('notes'),
    performedBy: text('performed_by').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('equipment_events_equipment_idx').on(t.equipmentId)],
);
