/** Shipment, site and bedside queries and mutations; every change refreshes the shipment and the order's timeline. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Items } from '../../api/types';
import { enc, http } from '../../api/http';
import type { Infusion, ShipmentDetail, ShipmentStatus, ShipmentSummary, Verification } from './bedside.types';

const KEY = 'shipments';

export function useShipments(filter: { status?: ShipmentStatus | ''; orderId?: string } = {}) {
  return useQuery({
    queryKey: [KEY, { status: filter.status || null, orderId: filter.orderId ?? null }],
    queryFn: () =>
      http.get<Items<ShipmentSummary>>('/shipments', { status: filter.status || undefined, orderId: filter.orderId }),
    placeholderData: (prev) => prev,
  });
}

export function useShipment(id: string) {
  return useQuery({ queryKey: [KEY, id], queryFn: () => http.get<ShipmentDetail>(`/shipments/${enc(id)}`) });
}

/** A POST on the shipments API; success refreshes shipments and order timelines. */
function useShipmentMutation<B, R>(path: (body: B) => string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => http.post<R>(path(body), body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: [KEY] });
      await queryClient.invalidateQueries({ queryKey: ['orders'] });
    },
  });
}

export interface NewShipment {
  batchId: string;
  scannedDin: string;
  courier: string;
  shipperId: string;
  fromLocation: string;
  toLocation: string;
  departedAt: string;
}

export const useCreateShipment = () => useShipmentMutation<NewShipment, ShipmentDetail>(() => '/shipments');

export const useUploadLogger = (id: string) =>
  useShipmentMutation<{ loggerId: string; csv: string }, ShipmentDetail>(() => `/shipments/${enc(id)}/logger`);

export const useReceiveShipment = (id: string) =>
  useShipmentMutation<
    { scannedDin: string; receivedAt: string; temperatureC: number; location?: string },
    ShipmentDetail
  >(() => `/shipments/${enc(id)}/receipt`);

export const useStoreShipment = (id: string) =>
  useShipmentMutation<
    { scannedDin: string; storedAt: string; location: string; temperatureC?: number },
    ShipmentDetail
  >(() => `/shipments/${enc(id)}/storage`);

export interface VerificationInput {
  wristbandScan: string;
  productScan: string;
  coiScan?: string;
  signature: { password: string };
  secondPerson: { username: string; password: string };
}

export const useVerifyAtBedside = (id: string) =>
  useShipmentMutation<VerificationInput, Verification>(() => `/shipments/${enc(id)}/verifications`);

export interface InfusionInput {
  verificationId: string;
  startedAt: string;
  endedAt: string;
  dose: { carPositiveCells: number; weightKg: number; volumeMl?: number };
  location?: string;
  notes?: string;
  signature: { password: string };
}

export const useRecordInfusion = (id: string) =>
  useShipmentMutation<InfusionInput, Infusion>(() => `/shipments/${enc(id)}/infusion`);
