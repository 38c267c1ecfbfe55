/** Materials, lots, QA disposition and genealogy traces: queries, mutations and the lot lookup for scans. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Items } from '../../../api/types';
import { MFG, enc, http } from '../common/http';
import type {
  Disposition,
  Lot,
  LotStatus,
  Material,
  MaterialKind,
  NewLot,
  NewMaterial,
  Trace,
  TraceDirection,
} from '../materials.types';

export function useMaterials(kind?: MaterialKind | '') {
  return useQuery({
    queryKey: [MFG, 'materials', { kind: kind || null }],
    queryFn: async () => {
      const data = await http.get<Items<Material>>('/materials', { kind: kind || undefined });
      // The filter is applied here too, in case the server lists every kind.
      return kind ? { items: data.items.filter((m) => m.kind === kind) } : data;
    },
    placeholderData: (prev) => prev,
  });
}

export function useMaterial(id: string) {
  return useQuery({ queryKey: [MFG, 'materials', id], queryFn: () => http.get<Material>(`/materials/${enc(id)}`) });
}

export function useCreateMaterial() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewMaterial) => http.post<Material>('/materials', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [MFG, 'materials'] }),
  });
}

export interface LotFilter {
  materialId?: string;
  status?: LotStatus | '';
  usable?: boolean;
}

export function useLots(filter: LotFilter, enabled = true) {
  return useQuery({
    queryKey: [MFG, 'lots', filter],
    queryFn: async () => {
      const data = await http.get<Items<Lot>>('/lots', {
        materialId: filter.materialId,
        status: filter.status || undefined,
        usable: filter.usable === undefined ? undefined : String(filter.usable),
      });
      const items = data.items.filter(
        (l) =>
          (!filter.materialId || l.materialId === filter.materialId) &&
          (!filter.status || l.status === filter.status) &&
          (filter.usable === undefined || l.usable === filter.usable),
      );
      return { items };
    },
    enabled,
    placeholderData: (prev) => prev,
  });
}

export function useLot(id: string) {
  return useQuery({ queryKey: [MFG, 'lots', id], queryFn: () => http.get<Lot>(`/lots/${enc(id)}`) });
}

export function useReceiveLot(materialId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewLot) => http.post<Lot>(`/materials/${enc(materialId)}/lots`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [MFG] }),
  });
}

export function useDisposition(lotId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Disposition) => http.post<Lot>(`/lots/${enc(lotId)}/disposition`, body),
    onSuccess: async (lot) => {
      queryClient.setQueryData([MFG, 'lots', lotId], lot);
      await queryClient.invalidateQueries({ queryKey: [MFG] });
    },
  });
}

export function useTrace(lotId: string, direction: TraceDirection, enabled = true) {
  return useQuery({
    queryKey: [MFG, 'trace', lotId, direction],
    queryFn: () => http.get<Trace>(`/lots/${enc(lotId)}/trace`, { direction }),
    enabled,
  });
}

const same = (a: string, b: string) => a.trim().toUpperCase() === b.trim().toUpperCase();

/**
 * The lots whose number is the scanned text. Asks the server to search; whether or not it filters, the
 * answer is matched here on the lot number, so a server that lists every lot works as well.
 */
export async function findLotsByNumber(scanned: string): Promise<Lot[]> {
  const text = scanned.trim();
  if (!text) return [];
  const data = await http.get<Items<Lot>>('/lots', { search: text });
  return data.items.filter((l) => same(l.lotNumber, text));
}
