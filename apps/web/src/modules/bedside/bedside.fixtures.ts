/** Test records of the shipment screens: a shipment detail as the API returns it, with what a test changes. */
import type { ShipmentDetail } from './bedside.types';

/** A released CAR-T product received at the ward, no logger file, nothing verified or infused yet. */
export function shipmentDetail(overrides: Partial<ShipmentDetail> = {}): ShipmentDetail {
  return {
    id: 's1',
    number: 'SHP-2026-0001',
    batchId: 'b1',
    batchNumber: 'B-2026-0001',
    product: 'GPC3 CAR-T',
    orderId: 'o1',
    coi: 'CHA999926000001',
    subjectCode: 'A9999-000001',
    din: 'A999926000001',
    status: 'received',
    courier: 'World Courier',
    shipperId: 'DS-07',
    fromLocation: 'GMP',
    toLocation: 'Ward 5',
    departedAt: '2026-05-01T00:00:00Z',
    expiresAt: '2027-05-01T00:00:00Z',
    range: { minC: null, maxC: -150, basis: 'LN2 vapour' },
    receivedAt: '2026-05-01T05:00:00Z',
    receivedBy: 'nurse',
    arrivalTemperatureC: -185,
    storedAt: null,
    storageLocation: null,
    excursion: false,
    createdBy: 'operator',
    createdAt: '2026-05-01T00:00:00Z',
    logger: null,
    deviations: [],
    custody: [],
    custodyExceptions: [],
    verifications: [],
    infusion: null,
    batchStatus: 'released',
    ...overrides,
  };
}
