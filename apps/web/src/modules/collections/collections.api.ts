/** Collection (DIN-labelled starting material) queries and the record-collection and sign mutations. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl } from '../../api/client';
import type { Collection, CollectionType, Items, SignatureInput } from '../../api/types';

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

/** Signs a collection electronically; the answer is the collection with its signatures. */
export function useSignCollection(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (signature: SignatureInput) =>
      api.post<Collection>(`/collections/${encodeURIComponent(id)}/signatures`, { signature }),
    onSuccess: async (collection) => {
      queryClient.setQueryData(['collections', id], collection);
      await queryClient.invalidateQueries({ queryKey: ['collections'] });
    },
  });
}

/** URL of the printable label PDF of a collection. */
export function labelUrl(collectionId: string): string {
  return apiUrl(`/collections/${encodeURIComponent(collectionId)}/label.pdf`);
}
