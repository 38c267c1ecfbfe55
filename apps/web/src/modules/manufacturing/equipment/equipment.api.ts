/** Equipment register, calibrations and maintenance: queries, mutations and the lookup for scans. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Items } from '../../../api/types';
import { MFG, enc, http } from '../common/http';
import type { Equipment, EquipmentStatus, MaintenanceAction, NewCalibration, NewEquipment } from '../equipment.types';

export function useEquipmentList(filter: { type?: string; status?: EquipmentStatus | '' } = {}) {
  return useQuery({
    queryKey: [MFG, 'equipment', { type: filter.type || null, status: filter.status || null }],
    queryFn: async () => {
      const data = await http.get<Items<Equipment>>('/equipment', {
        type: filter.type || undefined,
        status: filter.status || undefined,
      });
      const items = data.items.filter(
        (e) => (!filter.type || e.type === filter.type) && (!filter.status || e.status === filter.status),
      );
      return { items };
    },
    placeholderData: (prev) => prev,
  });
}

export function useEquipment(id: string) {
  return useQuery({ queryKey: [MFG, 'equipment', id], queryFn: () => http.get<Equipment>(`/equipment/${enc(id)}`) });
}

function useEquipmentMutation<B>(send: (body: B) => Promise<Equipment>, id?: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async (unit) => {
      if (id) queryClient.setQueryData([MFG, 'equipment', id], unit);
      await queryClient.invalidateQueries({ queryKey: [MFG, 'equipment'] });
    },
  });
}

export function useRegisterEquipment() {
  return useEquipmentMutation((body: NewEquipment) => http.post<Equipment>('/equipment', body));
}

export function useRecordCalibration(id: string) {
  return useEquipmentMutation(
    (body: NewCalibration) => http.post<Equipment>(`/equipment/${enc(id)}/calibrations`, body),
    id,
  );
}

export function useMaintenance(id: string) {
  return useEquipmentMutation(
    (body: MaintenanceAction) => http.post<Equipment>(`/equipment/${enc(id)}/maintenance`, body),
    id,
  );
}

/** The unit whose code is the scanned text (matched here, whether or not the server filters by `search`). */
export async function findEquipmentByCode(scanned: string): Promise<Equipment | null> {
  const text = scanned.trim().toUpperCase();
  if (!text) return null;
  const data = await http.get<Items<Equipment>>('/equipment', { search: scanned.trim() });
  return data.items.find((e) => e.code.trim().toUpperCase() === text) ?? null;
}
