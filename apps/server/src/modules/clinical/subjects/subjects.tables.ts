/**
 * Study subjects: one row per screening of a patient for a study. The row is the screening log's
 * line (screening, screen_failed) and, once enrolled, the subject (enrolled, withdrawn, completed)
 * with its study subject number. Consent, visits, labs, adverse events and response hang off it.
 * Also here: the screening data a subject's eligibility is evaluated from, protocol deviations (eligibility
 * waivers) and the stored randomization allocation lists.
 */
import { index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { patients } from '../../patients/patients.tables';
import { studies } from '../../studies/studies.tables';
import { eligibilityCriteria, protocolVersions } from '../protocols/protocols.tables';

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export const studySubjects = pgTable(
  'study_subjects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    studyId: uuid('study_id')
      .notNull()
      .references(() => studies.id),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    /** The protocol version in effect when the patient was screened. */
    protocolVersionId: uuid('protocol_version_id')
      .notNull()
      .references(() => protocolVersions.id),
    /** Per study, e.g. HEP-CART-01-S003. */
    screeningNumber: text('screening_number').notNull().unique(),
    /** Given at enrollment, e.g. HEP-CART-01-003. */
    subjectNumber: text('subject_number').unique(),
    /** screening | screen_failed | enrolled | withdrawn | completed */
    status: text('status').notNull(),
    screenedAt: at('screened_at').notNull(),
    enrolledAt: at('enrolled_at'),
    createdAt: at('created_at').notNull().defaultNow(),
    screenFailureReason: text('screen_failure_reason'),
    screenFailedAt: at('screen_failed_at'),
    /** The arm assigned at enrollment (the only arm, or by randomization). */
    armCode: text('arm_code'),
  },
  (t) => [index('study_subjects_study_idx').on(t.studyId, t.status), index('study_subjects_patient_idx').on(t.patientId)],
);

/** What was entered at screening (`data`) and what was derived from it (`derived`: age, sex, scores, stage). */
export const screeningData = pgTable('screening_data', {
  id: uuid('id').primaryKey().defaultRandom(),
  subjectId: uuid('subject_id')
    .notNull()
    .unique()
    .references(() => studySubjects.id),
  data: jsonb('data').notNull().$type<Record<string, unknown>>(),
  derived: jsonb('derived').notNull().$type<Record<string, unknown>>(),
  createdAt: at('created_at').notNull().defaultNow(),
  updatedAt: at('updated_at').notNull().defaultNow(),
});

/** Protocol deviations of a subject; `eligibility_waiver` is signed by the investigator (signatures table). */
export const protocolDeviations = pgTable(
  'protocol_deviations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subjectId: uuid('subject_id')
      .notNull()
      .references(() => studySubjects.id),
    /** eligibility_waiver */
    kind: text('kind').notNull(),
    criterionId: uuid('criterion_id').references(() => eligibilityCriteria.id),
    reason: text('reason').notNull(),
    recordedBy: uuid('recorded_by'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('protocol_deviations_subject_idx').on(t.subjectId)],
);

/**
 * The allocation list of each stratum of a protocol version, generated one block at a time from the version's
 * secret seed when a subject needs the next slot. `subjectId` is set when the slot is assigned. No route reads
 * unassigned slots (concealment).
 */
export const randomizationSlots = pgTable(
  'randomization_slots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    protocolVersionId: uuid('protocol_version_id')
      .notNull()
      .references(() => protocolVersions.id),
    stratum: text('stratum').notNull(),
    sequence: integer('sequence').notNull(),
    blockNumber: integer('block_number').notNull(),
    position: integer('position').notNull(),
    armCode: text('arm_code').notNull(),
    subjectId: uuid('subject_id').references(() => studySubjects.id),
    assignedAt: at('assigned_at'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [unique('randomization_slots_stratum_seq_uq').on(t.protocolVersionId, t.stratum, t.sequence)],
);
