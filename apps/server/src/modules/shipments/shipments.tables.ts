/**
 * Shipments of a released product from the GMP facility to the clinical site, their data-logger
 * series, the two-person bedside verifications and the infusions. Every hand-over is also a custody
 * event on the product's DIN (custody_events), so the chain of custody stays one chain.
 */
import { doublePrecision, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { batches } from '../batches/batches.tables';
import { orders } from '../orders/orders.tables';

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

export const shipments = pgTable(
  'shipments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** SHP-2026-0001 */
    number: text('number').notNull().unique(),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => batches.id),
    orderId: uuid('order_id')
      .notNull()
      .references(() => orders.id),
    din: text('din').notNull(),
    /** in_transit | received | stored | infused */
    status: text('status').notNull(),
    courier: text('courier').notNull(),
    /** The dry shipper's asset number. */
    shipperId: text('shipper_id').notNull(),
    fromLocation: text('from_location').notNull(),
    toLocation: text('to_location').notNull(),
    departedAt: at('departed_at').notNull(),
    /** The product's expiry as labelled; nothing is infused after it. */
    expiresAt: at('expires_at').notNull(),
    /** The storage range of the product, copied at creation so later rule changes do not rewrite history. */
    rangeMinC: doublePrecision('range_min_c'),
    rangeMaxC: doublePrecision('range_max_c').notNull(),
    rangeBasis: text('range_basis').notNull(),
    receivedAt: at('received_at'),
    receivedBy: text('received_by'),
    arrivalTemperatureC: doublePrecision('arrival_temperature_c'),
    storedAt: at('stored_at'),
    storageLocation: text('storage_location'),
    createdBy: text('created_by').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('shipments_order_idx').on(t.orderId), index('shipments_batch_idx').on(t.batchId)],
);

/** One upload of a data logger's series; the excursion summary is computed when it is stored. */
export const shipmentLoggerUploads = pgTable('shipment_logger_uploads', {
  id: uuid('id').primaryKey().defaultRandom(),
  shipmentId: uuid('shipment_id')
    .notNull()
    .unique()
    .references(() => shipments.id),
  loggerId: text('logger_id').notNull(),
  /** [{ at, temperatureC }] in time order. */
  readings: jsonb('readings').notNull(),
  /** ExcursionSummary of @hepatica/core. */
  summary: jsonb('summary').notNull(),
  deviationId: uuid('deviation_id'),
  uploadedBy: text('uploaded_by').notNull(),
  uploadedAt: at('uploaded_at').notNull(),
});

/** Two people at the bedside scanned the wristband and the product label and found them matching. */
export const bedsideVerifications = pgTable(
  'bedside_verifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    shipmentId: uuid('shipment_id')
      .notNull()
      .references(() => shipments.id),
    subjectCode: text('subject_code').notNull(),
    din: text('din').notNull(),
    coi: text('coi').notNull(),
    verifiedBy: text('verified_by').notNull(),
    secondVerifier: text('second_verifier').notNull(),
    verifiedAt: at('verified_at').notNull(),
  },
  (t) => [index('bedside_verifications_shipment_idx').on(t.shipmentId)],
);

export const infusions = pgTable('infusions', {
  id: uuid('id').primaryKey().defaultRandom(),
  shipmentId: uuid('shipment_id')
    .notNull()
    .unique()
    .references(() => shipments.id),
  verificationId: uuid('verification_id')
    .notNull()
    .references(() => bedsideVerifications.id),
  orderId: uuid('order_id').notNull(),
  din: text('din').notNull(),
  startedAt: at('started_at').notNull(),
  endedAt: at('ended_at').notNull(),
  /** Total viable CAR-positive T cells administered. */
  carPositiveCells: doublePrecision('car_positive_cells').notNull(),
  weightKg: doublePrecision('weight_kg').notNull(),
  cellsPerKg: doublePrecision('cells_per_kg').notNull(),
  volumeMl: doublePrecision('volume_ml'),
  location: text('location'),
  notes: text('notes'),
  recordedBy: text('recorded_by').notNull(),
  createdAt: at('created_at').notNull().defaultNow(),
});
