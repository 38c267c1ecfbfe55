/** Treatment orders: one therapy for one patient in one study, identified by its chain-of-identity id. */
import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { patients } from '../patients/patients.tables';
import { studies } from '../studies/studies.tables';

export const orders = pgTable('orders', {
  id: uuid('id').primaryKey().defaultRandom(),
  patientId: uuid('patient_id')
    .notNull()
    .references(() => patients.id),
  studyId: uuid('study_id')
    .notNull()
    .references(() => studies.id),
  coi: text('coi').notNull().unique(),
  coiCheckCharacter: text('coi_check_character').notNull(),
  status: text('status').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});
