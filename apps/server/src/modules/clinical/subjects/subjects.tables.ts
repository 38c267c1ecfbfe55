/**
 * Study subjects: one row per screening of a patient for a study. The row is the screening log's
 * line (screening, screen_failed) and, once enrolled, the subject (enrolled, withdrawn, completed)
 * with its study subject number. Consent, visits, labs, adverse events and response hang off it.
 */
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { patients } from '../../patients/patients.tables';
import { studies } from '../../studies/studies.tables';
import { protocolVersions } from '../protocols/protocols.tables';

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
  },
  (t) => [index('study_subjects_study_idx').on(t.studyId, t.status), index('study_subjects_patient_idx').on(t.patientId)],
);
