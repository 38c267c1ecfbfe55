/** Custody events (hand-overs with scan-to-verify) and the exceptions logged for refused scans. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isProblem } from '../../api/client';
import type { CustodyEvent, CustodyException, CustodyType, Items } from '../../api/types';

export interface NewCustodyEvent {
  din: string;
  scannedDin: string;
  type: CustodyType;
  occurredAt: string;
  location?: string;
  fromParty?: string;
  toParty?: string;
  temperatureC?: number;
}

export function useCustodyEvents(din: string) {
  return useQuery({
    queryKey: ['custody-events', din],
    queryFn: () => api.get<Items<CustodyEvent>>('/custody-events', { din }),
    enabled: din.length > 0,
  });
}

export function useCustodyExceptions() {
  return useQuery({
    queryKey: ['custody-exceptions'],
    queryFn: () => api.get<Items<CustodyException>>('/custody-exceptions'),
  });
}

export function useRecordCustody() {
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all(
      ['custody-events', 'custody-exceptions', 'orders', 'collections'].map((key) =>
        queryClient.invalidateQueries({ queryKey: [key] }),
      ),
    );
  return useMutation({
    mutationFn: (body: NewCustodyEvent) => api.post<CustodyEvent>('/custody-events', body),
    onSuccess: refresh,
    onError: async (err) => {
      if (isProblem(err, 409)) await refresh();
    },
  });
}
