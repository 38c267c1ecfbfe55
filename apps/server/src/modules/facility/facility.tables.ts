/** Cleanrooms (EU GMP Annex 1 grades) and environmental monitoring against alert and action limits. */
import { doublePrecision, index, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export const rooms = pgTable('rooms', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  /** A | B | C | D */
  grade: text('grade').notNull(),
  /** clean | in_use | to_be_cleaned | quarantined */
  status: text('status').notNull(),
  currentBatchId: uuid('current_batch_id'),
  createdAt: at('created_at').notNull().defaultNow(),
});

/** Alert and action limits per grade, parameter and occupancy state (configurable; seeded from Annex 1). */
export const emLimits = pgTable(
  'em_limits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    grade: text('grade').notNull(),
    /** particles_0_5 | particles_5_0 | active_air | settle_plate | contact_plate | glove_print */
    parameter: text('parameter').notNull(),
    /** at_rest | in_operation (particles differ by state; microbial limits apply in operation) */
    occupancy: text('occupancy').notNull(),
    alertLimit: doublePrecision('alert_limit'),
    actionLimit: doublePrecision('action_limit').notNull(),
    unit: text('unit').notNull(),
    source: text('source').notNull(),
  },
  (t) => [unique('em_limits_grade_parameter_occupancy').on(t.grade, t.parameter, t.occupancy)],
);

export const emSamples = pgTable(
  'em_samples',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roomId: uuid('room_id')
      .notNull()
      .references(() => rooms.id),
    parameter: text('parameter').notNull(),
    occupancy: text('occupancy').notNull(),
    location: text('location'),
    value: doublePrecision('value').notNull(),
    sampledAt: at('sampled_at').notNull(),
    /** within | alert | action */
    result: text('result').notNull(),
    deviationId: uuid('deviation_id'),
    recordedBy: text('recorded_by').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('em_samples_room_time_idx').on(t.roomId, t.sampledAt)],
);
