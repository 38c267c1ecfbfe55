/**
 * Request and response shapes of specifications. The test schema is also the stored form:
 * `parseTests()` reads the tests column back with every default filled in (bounds inclusive, results
 * due before release), so conformity never has to guess what an omitted field meant.
 */
import { SPEC_TEST_KINDS } from '@hepatica/core';
import { z } from 'zod';
import { signatureInput, signatureView, text } from '../../platform/schemas';

export const SPECIFICATION_STATUSES = ['draft', 'effective', 'superseded'] as const;
export type SpecificationStatus = (typeof SPECIFICATION_STATUSES)[number];

const testCode = z
  .string()
  .trim()
  .regex(/^[A-Z][A-Z0-9-]{1,31}$/, 'A test code is 2–32 upper-case letters, digits or dashes, starting with a letter (e.g. VIAB)');

const courseCode = z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, 'A course code is 1–40 letters, digits, dots, dashes or underscores');

export const specTest = z.object({
  code: testCode,
  name: text(1, 200),
  kind: z.enum(SPEC_TEST_KINDS, `Kind must be one of: ${SPEC_TEST_KINDS.join(', ')}`),
  /** The analytical method, e.g. "Flow cytometry, 7-AAD exclusion (SOP-QC-241)". */
  method: text(1, 300).optional(),
  unit: text(1, 40).optional(),
  min: z.number('Must be a number').optional(),
  max: z.number('Must be a number').optional(),
  /** "≥ min" when true (the default), "> min" when false. */
  minInclusive: z.boolean().default(true),
  /** "≤ max" when true (the default), "< max" when false. */
  maxInclusive: z.boolean().default(true),
  /** Text tests: the results that conform; none means report only. */
  acceptable: z.array(text(1, 200)).max(20, 'At most 20 acceptable results').optional(),
  /** The result may arrive after release (e.g. 14-day sterility), under conditional release. */
  lateResultAllowed: z.boolean().default(false),
  /** Training course the analyst and the reviewer must hold a valid qualification for. */
  qualification: courseCode.optional(),
});
export type SpecTest = z.output<typeof specTest>;
export type SpecTestInput = z.input<typeof specTest>;

const testsColumn = z.array(specTest);

/** Reads a stored tests column back into typed tests with defaults. */
export function parseTests(json: unknown): SpecTest[] {
  return testsColumn.parse(json);
}

const tests = z.array(specTest).min(1, 'A specification has at least one test').max(60, 'At most 60 tests');

/** Days from the end of manufacture the product may be used, from stability data; the QP's release dates the product with it. */
const shelfLifeDays = z
  .number('Shelf life must be a number of days')
  .int('Shelf life is a whole number of days')
  .min(1, 'Shelf life is at least 1 day')
  .max(3650, 'Shelf life is at most 3650 days (10 years)');

export const createSpecificationBody = z.object({
  product: text(1, 200),
  /** Optional: the next version of the product. When given, it must be that next version. */
  version: z.number().int('Must be a whole number').min(1, 'Versions start at 1').optional(),
  tests,
  shelfLifeDays: shelfLifeDays.optional(),
});
export type NewSpecification = z.output<typeof createSpecificationBody>;

export const updateSpecificationBody = z.object({ tests, shelfLifeDays: shelfLifeDays.nullable().optional(), reason: text(1, 500).optional() });

export const approveSpecificationBody = z.object({ signature: signatureInput });

export const specificationQuery = z.object({
  product: text(1, 200).optional(),
  status: z.enum(SPECIFICATION_STATUSES, `Status must be one of: ${SPECIFICATION_STATUSES.join(', ')}`).optional(),
});

export const specTestView = specTest.extend({
  /** The acceptance criterion as printed, e.g. "≥ 70 %". */
  criterion: z.string(),
});

export const specificationView = z.object({
  id: z.string(),
  product: z.string(),
  version: z.number(),
  status: z.enum(SPECIFICATION_STATUSES),
  tests: z.array(specTestView),
  shelfLifeDays: z.number().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  effectiveAt: z.string().nullable(),
  signatures: z.array(signatureView),
});
export type SpecificationView = z.output<typeof specificationView>;
