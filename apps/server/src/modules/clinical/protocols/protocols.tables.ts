/**
 * Study protocols: each study carries numbered protocol versions. A version is drafted, then approved
 * with the investigator's signature, which makes it effective and frozen; an amendment is a new version.
 */
import { integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { studies } from '../../studies/studies.tables';

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export const protocolVersions = pgTable(
  'protocol_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    studyId: uuid('study_id')
      .notNull()
      .references(() => studies.id),
    version: integer('version').notNull(),
    /** draft | effective | superseded */
    status: text('status').notNull(),
    title: text('title').notNull(),
    approvedAt: at('approved_at'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [unique('protocol_versions_study_version_uq').on(t.studyId, t.version)],
);
