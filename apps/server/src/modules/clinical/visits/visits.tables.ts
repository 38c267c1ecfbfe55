/**
 * Visit schedules (issue 11 items 4 and 10): a protocol version's visit definitions relative to an anchor
 * (consent, enrollment, infusion), its long-term follow-up setting, and each subject's recorded visits. Only done
 * and missed visits are stored; upcoming, in-window and overdue are computed from the anchors. Replacing a draft's
 * schedule retires the old definitions (never deleted).
 */
import { boolean, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { protocolVersions } from '../protocols/protocols.tables';
import { studySubjects } from '../subjects/subjects.tables';

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export interface StoredRepeat {
  every: number;
  unit: 'day' | 'week' | 'month' | 'year';
  count?: number | null;
}

export const visitDefinitions = pgTable(
  'visit_definitions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    protocolVersionId: uuid('protocol_version_id')
      .notNull()
      .references(() => protocolVersions.id),
    code: text('code').notNull(),
    nameEn: text('name_en').notNull(),
    nameZh: text('name_zh').notNull(),
    /** screening | treatment | follow_up | ltfu */
    phase: text('phase').notNull(),
    /** consent | enrollment | infusion */
    anchor: text('anchor').notNull(),
    dayOffset: integer('day_offset').notNull(),
    windowBefore: integer('window_before').notNull(),
    windowAfter: integer('window_after').notNull(),
    assessments: jsonb('assessments').notNull().$type<string[]>(),
    repeat: jsonb('repeat').$type<StoredRepeat | null>(),
    position: integer('position').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
    retiredAt: at('retired_at'),
  },
  (t) => [index('visit_definitions_version_idx').on(t.protocolVersionId, t.retiredAt)],
);

/** The long-term follow-up of a protocol version (FDA 2020 LTFU guidance: up to 15 years, AAV up to 5). */
export const visitScheduleSettings = pgTable('visit_schedule_settings', {
  id: uuid('id').primaryKey().defaultRandom(),
  protocolVersionId: uuid('protocol_version_id')
    .notNull()
    .unique()
    .references(() => protocolVersions.id),
  ltfuYears: integer('ltfu_years'),
  /** integrating_vector | genetically_modified_cells | aav | other */
  ltfuBasis: text('ltfu_basis'),
  createdAt: at('created_at').notNull().defaultNow(),
  updatedAt: at('updated_at').notNull().defaultNow(),
});

/** A subject's visit as recorded: done (when it took place) or missed (why). One per subject and visit code. */
export const subjectVisits = pgTable(
  'subject_visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subjectId: uuid('subject_id')
      .notNull()
      .references(() => studySubjects.id),
    code: text('code').notNull(),
    definitionId: uuid('definition_id')
      .notNull()
      .references(() => visitDefinitions.id),
    /** done | missed */
    status: text('status').notNull(),
    occurredAt: at('occurred_at'),
    outOfWindow: boolean('out_of_window').notNull().default(false),
    notes: text('notes'),
    missedReason: text('missed_reason'),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: at('recorded_at').notNull().defaultNow(),
  },
  (t) => [unique('subject_visits_subject_code_uq').on(t.subjectId, t.code)],
);
