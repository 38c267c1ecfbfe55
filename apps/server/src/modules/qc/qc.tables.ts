/**
 * Quality control: specifications (versioned per product, frozen once effective), samples drawn from
 * batches, results (never overwritten: a retest is a new row linked to the original) and OOS
 * investigations of non-conforming results.
 */
import { boolean, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { batches } from '../batches/batches.tables';

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export const specifications = pgTable(
  'specifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The product name of the master batch record (`processes.product`) the specification applies to. */
    product: text('product').notNull(),
    version: integer('version').notNull(),
    /** draft | effective | superseded */
    status: text('status').notNull(),
    /** The tests with their acceptance criteria (validated by qc.schema.ts); frozen with the version. */
    tests: jsonb('tests').notNull(),
    /** Shelf life of the finished product in days from the end of manufacture (stability data); sets the release expiry. */
    shelfLifeDays: integer('shelf_life_days'),
    effectiveAt: at('effective_at'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [unique('specifications_product_version').on(t.product, t.version)],
);

export const qcSamples = pgTable(
  'qc_samples',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** B-2026-0001-S01: the batch number and the sample's place in the batch. */
    sampleNumber: text('sample_number').notNull().unique(),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => batches.id),
    /** What was sampled, e.g. "Final product" or "Pre-activation". */
    name: text('name').notNull(),
    /** Test codes of the specification the sample is for. */
    testCodes: jsonb('test_codes').notNull(),
    /** The in-process step (from 1) the sample was drawn at; null for the final product. */
    stepIndex: integer('step_index'),
    takenBy: text('taken_by').notNull(),
    takenAt: at('taken_at').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('qc_samples_batch_idx').on(t.batchId)],
);

export const qcResults = pgTable(
  'qc_results',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => batches.id),
    specificationId: uuid('specification_id')
      .notNull()
      .references(() => specifications.id),
    testCode: text('test_code').notNull(),
    sampleId: uuid('sample_id').references(() => qcSamples.id),
    /** The value as entered: a number, "pass" / "fail", or text. */
    value: jsonb('value').notNull(),
    conforms: boolean('conforms').notNull(),
    reportOnly: boolean('report_only').notNull(),
    /** awaiting_review | reviewed | invalidated */
    status: text('status').notNull(),
    /** The invalidated result this one retests. */
    retestOf: uuid('retest_of'),
    enteredById: uuid('entered_by_id').notNull(),
    enteredBy: text('entered_by').notNull(),
    enteredAt: at('entered_at').notNull(),
    reviewedById: uuid('reviewed_by_id'),
    reviewedBy: text('reviewed_by'),
    reviewedAt: at('reviewed_at'),
    invalidatedAt: at('invalidated_at'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('qc_results_batch_idx').on(t.batchId, t.testCode)],
);

export const oosInvestigations = pgTable(
  'oos_investigations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** OOS-2026-0001 */
    number: text('number').notNull().unique(),
    resultId: uuid('result_id')
      .notNull()
      .references(() => qcResults.id),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => batches.id),
    testCode: text('test_code').notNull(),
    /** phase_1 | phase_2 | closed */
    status: text('status').notNull(),
    /** assignable_lab_error | confirmed */
    phase1Conclusion: text('phase1_conclusion'),
    phase1Findings: text('phase1_findings'),
    phase1By: text('phase1_by'),
    phase1At: at('phase1_at'),
    phase2RootCause: text('phase2_root_cause'),
    phase2Conclusion: text('phase2_conclusion'),
    phase2By: text('phase2_by'),
    phase2At: at('phase2_at'),
    /** The result's OOS stands (confirmed) or was invalidated (laboratory error). */
    outcome: text('outcome'),
    openedAt: at('opened_at').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('oos_investigations_status_idx').on(t.status), index('oos_investigations_batch_idx').on(t.batchId)],
);

/** Entity types of these records in the audit trail and on signatures. */
export const QC_ENTITIES = { specification: 'specification', sample: 'qc_sample', result: 'qc_result', oos: 'oos_investigation' } as const;
