/** Order (chain of identity) queries and mutations, including the order's timeline. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Items, Order, TimelineItem } from '../../api/types';
import type { VeinToVein } from '../bedside/bedside.types';

export function useOrders(patientId?: string) {
  return useQuery({
    queryKey: ['orders', { patientId: patientId ?? null }],
    queryFn: () => api.get<Items<Order>>('/orders', { patientId }),
  });
}

export function useOrder(id: string) {
  return useQuery({ queryKey: ['orders', id], queryFn: () => api.get<Order>(`/orders/${encodeURIComponent(id)}`) });
}

export function useTimeline(orderId: string) {
  return useQuery({
    queryKey: ['orders', orderId, 'timeline'],
    queryFn: () => api.get<Items<TimelineItem> & { veinToVein?: VeinToVein }>(`/orders/${encodeURIComponent(orderId)}/timeline`),
  });
}

export function useCreateOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { patientId: string; studyId: string }) => api.post<Order>('/orders', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['orders'] }),
  });
}
