/**
 * Safety of a study subject: adverse events (with every version kept), the daily CRS and ICANS assessments
 * after infusion, and the SAE reporting clocks with the reports that meet them. Grades are computed by
 * @hepatica/core and stored with the input they came from; clock states are computed when read.
 */
import { boolean, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { studySubjects } from '../subjects/subjects.tables';

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export const adverseEvents = pgTable(
  'adverse_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subjectId: uuid('subject_id')
      .notNull()
      .references(() => studySubjects.id),
    /** AE-001, per subject. */
    number: text('number').notNull(),
    /** open | resolved | voided */
    status: text('status').notNull(),
    verbatimTerm: text('verbatim_term').notNull(),
    ctcaeTerm: text('ctcae_term').notNull(),
    ctcaeVersion: text('ctcae_version').notNull(),
    grade: integer('grade').notNull(),
    onsetAt: at('onset_at').notNull(),
    resolvedAt: at('resolved_at'),
    /** When site staff first learned of the event: day 0 of the SAE clocks. */
    awareAt: at('aware_at').notNull(),
    description: text('description'),
    actionTaken: text('action_taken').notNull(),
    outcome: text('outcome').notNull(),
    /** The product (DIN) the event is related to: one the subject received. */
    productDin: text('product_din'),
    /** The investigator's judgement; null until assessed. SeriousnessCriterion[] */
    seriousness: jsonb('seriousness').$type<string[]>(),
    /** { product, apheresis?, lymphodepletion?, infusion? } on the relatedness scale. */
    relatedness: jsonb('relatedness').$type<Record<string, string>>(),
    expectedness: text('expectedness'),
    rsiReference: text('rsi_reference'),
    assessedBy: text('assessed_by'),
    assessedAt: at('assessed_at'),
    /** manual | crs_assessment */
    source: text('source').notNull(),
    version: integer('version').notNull(),
    recordedBy: text('recorded_by').notNull(),
    voidReason: text('void_reason'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [unique('adverse_events_subject_number_uq').on(t.subjectId, t.number), index('adverse_events_subject_idx').on(t.subjectId, t.onsetAt)],
);

/** Each version of an adverse event as it stood, with why it changed (initial, follow-up, correction, assessment). */
export const adverseEventVersions = pgTable(
  'adverse_event_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    adverseEventId: uuid('adverse_event_id')
      .notNull()
      .references(() => adverseEvents.id),
    version: integer('version').notNull(),
    /** initial | follow_up | correction | assessment | void */
    kind: text('kind').notNull(),
    snapshot: jsonb('snapshot').notNull(),
    reason: text('reason'),
    changedBy: text('changed_by').notNull(),
    changedAt: at('changed_at').notNull(),
  },
  (t) => [unique('adverse_event_versions_uq').on(t.adverseEventId, t.version)],
);

export const crsAssessments = pgTable(
  'crs_assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subjectId: uuid('subject_id')
      .notNull()
      .references(() => studySubjects.id),
    infusionId: uuid('infusion_id').notNull(),
    assessedAt: at('assessed_at').notNull(),
    temperatureC: doublePrecision('temperature_c').notNull(),
    hypotension: text('hypotension').notNull(),
    hypoxia: text('hypoxia').notNull(),
    afterAntipyretics: boolean('after_antipyretics'),
    /** [{ kind, name?, dose?, unit? }] */
    treatments: jsonb('treatments').$type<{ kind: string; name?: string; dose?: number; unit?: string }[]>().notNull(),
    grade: integer('grade').notNull(),
    notes: text('notes'),
    adverseEventId: uuid('adverse_event_id'),
    recordedBy: text('recorded_by').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('crs_assessments_subject_idx').on(t.subjectId, t.assessedAt)],
);

export const icansAssessments = pgTable(
  'icans_assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subjectId: uuid('subject_id')
      .notNull()
      .references(() => studySubjects.id),
    infusionId: uuid('infusion_id').notNull(),
    assessedAt: at('assessed_at').notNull(),
    /** The ICE items as entered; null when the patient was unarousable. */
    ice: jsonb('ice').$type<Record<string, boolean | number>>(),
    iceScore: integer('ice_score').notNull(),
    consciousness: text('consciousness').notNull(),
    seizure: text('seizure'),
    motorWeakness: boolean('motor_weakness'),
    cerebralEdema: text('cerebral_edema'),
    treatments: jsonb('treatments').$type<{ kind: string; name?: string; dose?: number; unit?: string }[]>().notNull(),
    grade: integer('grade').notNull(),
    notes: text('notes'),
    recordedBy: text('recorded_by').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('icans_assessments_subject_idx').on(t.subjectId, t.assessedAt)],
);

/** One reporting duty of a serious AE. Its state (running, overdue, met) is computed when read. */
export const saeClocks = pgTable(
  'sae_clocks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    adverseEventId: uuid('adverse_event_id')
      .notNull()
      .references(() => adverseEvents.id),
    subjectId: uuid('subject_id').notNull(),
    /** sponsor_initial | expedited_regulatory | expedited_followup | ethics_notification */
    kind: text('kind').notNull(),
    recipient: text('recipient').notNull(),
    startsAt: at('starts_at').notNull(),
    dueAt: at('due_at').notNull(),
    basis: text('basis').notNull(),
    rulesVersion: text('rules_version').notNull(),
    /** The first report's time: the clock is met. */
    metAt: at('met_at'),
    cancelledAt: at('cancelled_at'),
    cancelReason: text('cancel_reason'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('sae_clocks_ae_idx').on(t.adverseEventId), index('sae_clocks_subject_idx').on(t.subjectId), index('sae_clocks_due_idx').on(t.dueAt)],
);

export const saeReports = pgTable(
  'sae_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clockId: uuid('clock_id')
      .notNull()
      .references(() => saeClocks.id),
    reportedAt: at('reported_at').notNull(),
    recipient: text('recipient').notNull(),
    reference: text('reference'),
    followUp: boolean('follow_up').notNull(),
    reportedBy: text('reported_by').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('sae_reports_clock_idx').on(t.clockId)],
);
