/** Clinical studies the center runs. */
import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sites } from '../sites/sites.tables';

export const studies = pgTable('studies', {
  id: uuid('id').primaryKey().defaultRandom(),
  siteId: uuid('site_id')
    .notNull()
    .references(() => sites.id),
  code: text('code').notNull().unique(),
  title: text('title').notNull(),
  indication: text('indication').notNull(),
  phase: text('phase').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});
