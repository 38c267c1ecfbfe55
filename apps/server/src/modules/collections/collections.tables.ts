/** Collections (apheresis bags etc.): each gets a unique ISBT 128 DIN. */
import { doublePrecision, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orders } from '../orders/orders.tables';

export const collections = pgTable('collections', {
  id: uuid('id').primaryKey().defaultRandom(),
  orderId: uuid('order_id')
    .notNull()
    .references(() => orders.id),
  din: text('din').notNull().unique(),
  flags: text('flags').notNull(),
  checkCharacter: text('check_character').notNull(),
  type: text('type').notNull(),
  collectedAt: timestamp('collected_at', { withTimezone: true, precision: 3 }).notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }).notNull(),
  volumeMl: doublePrecision('volume_ml'),
  status: text('status').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});
