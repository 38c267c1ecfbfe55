/** Request and response shapes of shipments, data loggers, receipt and storage at the site, bedside verification and infusion. */
import { z } from 'zod';
import { instant, signatureView, text } from '../../platform/schemas';
import { custodyExceptionView } from '../custody/custody.schema';
import { deviationView } from '../quality/deviations.schema';

export const SHIPMENT_STATUSES = ['in_transit', 'received', 'stored', 'infused'] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

const scan = (what: string) =>
  z.string().trim().min(1, `Scan ${what}`).max(256, 'The scan is too long; scan one barcode at a time');
const temperature = z
  .number()
  .min(-273.15, 'Temperature must be at least −273.15 °C')
  .max(60, 'Temperature must be at most 60 °C');

export const createShipmentBody = z.object({
  batchId: z.uuid('Not a valid batch id'),
  /** What the operator scanned from the product label when packing the dry shipper. */
  scannedDin: scan('the DIN on the product label'),
  courier: text(1, 200),
  shipperId: text(1, 100),
  fromLocation: text(1, 200),
  toLocation: text(1, 200),
  departedAt: instant,
});

export const readingInput = z.object({ at: z.string().max(64), temperatureC: z.number() });

export const loggerUploadBody = z
  .object({
    loggerId: text(1, 100),
    readings: z.array(readingInput).max(50_000, 'At most 50 000 readings').optional(),
    /** The logger's CSV export, as an alternative to `readings`. */
    csv: z.string().max(5_000_000, 'The file is too large').optional(),
  })
  .refine((b) => (b.readings === undefined) !== (b.csv === undefined), {
    message: 'Send either readings or csv',
    path: ['readings'],
  });

export const receiptBody = z.object({
  scannedDin: scan('the DIN on the product label'),
  receivedAt: instant,
  /** The dry shipper's temperature on arrival. */
  temperatureC: temperature,
  location: text(1, 200).optional(),
});

export const storageBody = z.object({
  scannedDin: scan('the DIN on the product label'),
  storedAt: instant,
  location: text(1, 200),
  temperatureC: temperature.optional(),
});

const secondPerson = z.object({
  username: z.string().trim().min(1, 'The second person enters their username').max(64),
  password: z.string().min(1, 'The second person enters their password').max(256),
});

export const verificationBody = z.object({
  wristbandScan: scan("the patient's wristband"),
  /** The product label's DataMatrix (DIN and COI together), or its DIN barcode when `coiScan` is given. */
  productScan: scan('the product label'),
  /** The product label's chain-of-identity barcode (`&/…`), when the product scan did not carry it. */
  coiScan: scan('the chain-of-identity barcode').optional(),
  signature: z.object({ password: z.string().min(1, 'Enter your password to sign').max(256) }),
  secondPerson,
});

export const infusionBody = z
  .object({
    verificationId: z.uuid('Not a valid verification id'),
    startedAt: instant,
    endedAt: instant,
    dose: z.object({
      carPositiveCells: z.number().positive('The dose must be above 0').max(1e12, 'The dose is too large'),
      weightKg: z.number().min(1, 'Weight must be at least 1 kg').max(400, 'Weight must be at most 400 kg'),
      volumeMl: z.number().positive('Volume must be above 0').max(2000, 'Volume must be at most 2000 mL').optional(),
    }),
    location: text(1, 200).optional(),
    notes: text(1, 2000).optional(),
    signature: z.object({ password: z.string().min(1, 'Enter your password to sign').max(256) }),
  })
  .refine((b) => Date.parse(b.endedAt) >= Date.parse(b.startedAt), {
    message: 'The infusion must end after it starts',
    path: ['endedAt'],
  });

export const shipmentQuery = z.object({
  status: z.enum(SHIPMENT_STATUSES, `Status must be one of: ${SHIPMENT_STATUSES.join(', ')}`).optional(),
  orderId: z.uuid('Not a valid order id').optional(),
  batchId: z.uuid('Not a valid batch id').optional(),
});

const excursionView = z.object({
  startAt: z.string(),
  endAt: z.string(),
  durationMinutes: z.number(),
  extremeC: z.number(),
  readings: z.number(),
});

export const excursionSummaryView = z.object({
  readings: z.number(),
  firstReadingAt: z.string().nullable(),
  lastReadingAt: z.string().nullable(),
  minC: z.number().nullable(),
  maxC: z.number().nullable(),
  excursions: z.array(excursionView),
  firstOutAt: z.string().nullable(),
  lastOutAt: z.string().nullable(),
  durationMinutes: z.number(),
  extremeC: z.number().nullable(),
});

export const shipmentSummary = z.object({
  id: z.string(),
  number: z.string(),
  batchId: z.string(),
  batchNumber: z.string(),
  product: z.string(),
  orderId: z.string(),
  coi: z.string(),
  subjectCode: z.string(),
  din: z.string(),
  status: z.enum(SHIPMENT_STATUSES),
  courier: z.string(),
  shipperId: z.string(),
  fromLocation: z.string(),
  toLocation: z.string(),
  departedAt: z.string(),
  expiresAt: z.string(),
  range: z.object({ minC: z.number().nullable(), maxC: z.number(), basis: z.string() }),
  receivedAt: z.string().nullable(),
  receivedBy: z.string().nullable(),
  arrivalTemperatureC: z.number().nullable(),
  storedAt: z.string().nullable(),
  storageLocation: z.string().nullable(),
  /** True when the logger or the arrival temperature showed the product out of its range. */
  excursion: z.boolean(),
  createdBy: z.string(),
  createdAt: z.string(),
});

export const verificationView = z.object({
  id: z.string(),
  subjectCode: z.string(),
  din: z.string(),
  coi: z.string(),
  verifiedBy: z.string(),
  secondVerifier: z.string(),
  verifiedAt: z.string(),
  signatures: z.array(signatureView),
});

export const infusionView = z.object({
  id: z.string(),
  shipmentId: z.string(),
  verificationId: z.string(),
  din: z.string(),
  startedAt: z.string(),
  endedAt: z.string(),
  dose: z.object({
    carPositiveCells: z.number(),
    weightKg: z.number(),
    cellsPerKg: z.number(),
    volumeMl: z.number().nullable(),
  }),
  location: z.string().nullable(),
  notes: z.string().nullable(),
  recordedBy: z.string(),
  signatures: z.array(signatureView),
});

export const shipmentDetail = shipmentSummary.extend({
  logger: z
    .object({
      loggerId: z.string(),
      uploadedBy: z.string(),
      uploadedAt: z.string(),
      readings: z.array(z.object({ at: z.string(), temperatureC: z.number() })),
      summary: excursionSummaryView,
    })
    .nullable(),
  deviations: z.array(deviationView),
  custody: z.array(
    z.object({
      id: z.string(),
      type: z.string(),
      occurredAt: z.string(),
      location: z.string().nullable(),
      fromParty: z.string().nullable(),
      toParty: z.string().nullable(),
      temperatureC: z.number().nullable(),
      recordedBy: z.string(),
    }),
  ),
  custodyExceptions: z.array(custodyExceptionView),
  verifications: z.array(verificationView),
  infusion: infusionView.nullable(),
  /** Shippable now: the batch's status when the shipment is read. */
  batchStatus: z.string(),
});

export type ShipmentDetail = z.infer<typeof shipmentDetail>;
