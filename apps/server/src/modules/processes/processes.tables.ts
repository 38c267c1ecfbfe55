/** Master batch records: versioned process definitions, frozen once effective. */
import { integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export const processes = pgTable(
  'processes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    /** The product the process makes, e.g. "GPC3 CAR-T (autologous)", "AAV8-ATP7B vector". */
    product: text('product').notNull(),
    /** autologous | allogeneic | vector: autologous batches are bound to one patient's order. */
    productType: text('product_type').notNull(),
    /** draft | effective | superseded | retired */
    status: text('status').notNull(),
    /** The ordered step definitions (validated by processes.schema.ts); frozen with the version. */
    steps: jsonb('steps').notNull(),
    effectiveAt: at('effective_at'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [unique('processes_code_version').on(t.code, t.version)],
);
