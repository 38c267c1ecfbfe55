/** Patients: a pseudonymous subject code travels on labels; name and MRN stay here. */
import { date, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sites } from '../sites/sites.tables';

export const patients = pgTable('patients', {
  id: uuid('id').primaryKey().defaultRandom(),
  siteId: uuid('site_id')
    .notNull()
    .references(() => sites.id),
  subjectCode: text('subject_code').notNull().unique(),
  sex: text('sex').notNull(),
  birthDate: date('birth_date', { mode: 'string' }).notNull(),
  name: text('name'),
  mrn: text('mrn'),
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});
