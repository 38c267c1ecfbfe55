/**
 * Laboratory results (issue 11 item 5): a panel per subject and collection time, its results as entered and in SI,
 * with the reference range in force when stored. A correction supersedes a result (never deleted); an import is
 * recorded with the digest of its file and mapping.
 */
import { boolean, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { studySubjects } from '../subjects/subjects.tables';

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export interface StoredReference {
  low?: number;
  high?: number;
  unit: string;
  source: string;
}

export const labImports = pgTable('lab_imports', {
  id: uuid('id').primaryKey().defaultRandom(),
  digest: text('digest').notNull(),
  total: integer('total').notNull(),
  accepted: integer('accepted').notNull().default(0),
  refused: integer('refused').notNull().default(0),
  importedBy: text('imported_by').notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
});

export const labPanels = pgTable(
  'lab_panels',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subjectId: uuid('subject_id')
      .notNull()
      .references(() => studySubjects.id),
    visitCode: text('visit_code'),
    collectedAt: at('collected_at').notNull(),
    /** entry | import */
    source: text('source').notNull(),
    importId: uuid('import_id').references(() => labImports.id),
    ascites: text('ascites'),
    encephalopathy: text('encephalopathy'),
    dialysis: boolean('dialysis'),
    recordedBy: text('recorded_by').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('lab_panels_subject_collected_idx').on(t.subjectId, t.collectedAt)],
);

export const labResults = pgTable(
  'lab_results',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    panelId: uuid('panel_id')
      .notNull()
      .references(() => labPanels.id),
    subjectId: uuid('subject_id')
      .notNull()
      .references(() => studySubjects.id),
    analyte: text('analyte').notNull(),
    loinc: text('loinc').notNull(),
    value: doublePrecision('value').notNull(),
    unit: text('unit').notNull(),
    canonicalValue: doublePrecision('canonical_value').notNull(),
    canonicalUnit: text('canonical_unit').notNull(),
    reference: jsonb('reference').$type<StoredReference | null>(),
    /** low | high | normal | null (no range) */
    flag: text('flag'),
    collectedAt: at('collected_at').notNull(),
    /** final | superseded */
    status: text('status').notNull().default('final'),
    supersedesId: uuid('supersedes_id').references((): AnyPgColumn => labResults.id),
    supersededById: uuid('superseded_by_id'),
    correctionReason: text('correction_reason'),
    recordedBy: text('recorded_by').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('lab_results_subject_collected_idx').on(t.subjectId, t.collectedAt),
    index('lab_results_subject_analyte_collected_idx').on(t.subjectId, t.analyte, t.collectedAt),
  ],
);
