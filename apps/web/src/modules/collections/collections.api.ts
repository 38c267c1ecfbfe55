/** Collection (DIN-labelled starting material) queries and the record-collection mutation. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl } from '../../api/client';
import type { Collection, CollectionType, Items } from '../../api/types';

export interface NewCollection {
  type: CollectionType;
  collectedAt: string;
  volumeMl?: number;
}

export function useCollections(orderId?: string) {
  return useQuery({
    queryKey: ['collections', { orderId: orderId ?? null }],
    queryFn: () => api.get<Items<Collection>>('/collections', { orderId }),
  });
}

export function useCollection(id: string) {
  return useQuery({
    queryKey: ['collections', id],
    queryFn: () => api.get<Collection>(`/collections/${encodeURIComponent(id)}`),
  });
}

export function useRecordCollection(orderId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewCollection) =>
      api.post<Collection>(`/orders/${encodeURIComponent(orderId)}/collections`, body),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['collections'] }),
        queryClient.invalidateQueries({ queryKey: ['orders'] }),
      ]);
    },
  });
}

/** URL of the printable label PDF of a collection. */
export function labelUrl(collectionId: string): string {
  return apiUrl(`/collections/${encodeURIComponent(collectionId)}/label.pdf`);
}
