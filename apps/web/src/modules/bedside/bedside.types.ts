/** Shapes of the shipments API (server: modules/shipments/shipments.schema.ts). */
import type { CustodyException, Signature } from '../../api/types';
import type { Deviation } from '../manufacturing/deviations.types';

export const SHIPMENT_STATUSES = ['in_transit', 'received', 'stored', 'infused'] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

export interface Reading {
  at: string;
  temperatureC: number;
}

export interface Excursion {
  startAt: string;
  endAt: string;
  durationMinutes: number;
  extremeC: number;
  readings: number;
}

export interface ExcursionSummary {
  readings: number;
  firstReadingAt: string | null;
  lastReadingAt: string | null;
  minC: number | null;
  maxC: number | null;
  excursions: Excursion[];
  firstOutAt: string | null;
  lastOutAt: string | null;
  durationMinutes: number;
  extremeC: number | null;
}

export interface TemperatureRange {
  minC: number | null;
  maxC: number;
  basis: string;
}

export interface ShipmentSummary {
  id: string;
  number: string;
  batchId: string;
  batchNumber: string;
  product: string;
  orderId: string;
  coi: string;
  subjectCode: string;
  din: string;
  status: ShipmentStatus;
  courier: string;
  shipperId: string;
  fromLocation: string;
  toLocation: string;
  departedAt: string;
  expiresAt: string;
  range: TemperatureRange;
  receivedAt: string | null;
  receivedBy: string | null;
  arrivalTemperatureC: number | null;
  storedAt: string | null;
  storageLocation: string | null;
  excursion: boolean;
  createdBy: string;
  createdAt: string;
}

export interface Verification {
  id: string;
  subjectCode: string;
  din: string;
  coi: string;
  verifiedBy: string;
  secondVerifier: string;
  verifiedAt: string;
  signatures: Signature[];
}

export interface Infusion {
  id: string;
  shipmentId: string;
  verificationId: string;
  din: string;
  startedAt: string;
  endedAt: string;
  dose: { carPositiveCells: number; weightKg: number; cellsPerKg: number; volumeMl: number | null };
  location: string | null;
  notes: string | null;
  recordedBy: string;
  signatures: Signature[];
}

export interface ShipmentCustodyEvent {
  id: string;
  type: string;
  occurredAt: string;
  location: string | null;
  fromParty: string | null;
  toParty: string | null;
  temperatureC: number | null;
  recordedBy: string;
}

export interface ShipmentDetail extends ShipmentSummary {
  logger: {
    loggerId: string;
    uploadedBy: string;
    uploadedAt: string;
    readings: Reading[];
    summary: ExcursionSummary;
  } | null;
  deviations: Deviation[];
  custody: ShipmentCustodyEvent[];
  custodyExceptions: CustodyException[];
  verifications: Verification[];
  infusion: Infusion | null;
  batchStatus: string;
}

export const VEIN_TO_VEIN_LEGS = [
  'to_manufacturing',
  'manufacturing',
  'qc_release',
  'awaiting_shipment',
  'transport',
  'at_site',
] as const;

export interface VeinToVein {
  legs: {
    key: (typeof VEIN_TO_VEIN_LEGS)[number];
    from: string;
    to: string;
    startAt: string | null;
    endAt: string | null;
    durationMinutes: number | null;
  }[];
  totalMinutes: number | null;
}
