/** Executed batch records: list, start, one batch, complete a step, abort, and the record PDF's address. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiUrl } from '../../../api/client';
import type { Items, SignatureInput } from '../../../api/types';
import { MFG, enc, http } from '../common/http';
import type { Batch, BatchStatus, BatchSummary, NewBatch, StepCompletion } from '../batches.types';

export function useBatches(filter: { status?: BatchStatus | ''; orderId?: string } = {}, enabled = true) {
  return useQuery({
    queryKey: [MFG, 'batches', { status: filter.status || null, orderId: filter.orderId ?? null }],
    queryFn: async () => {
      const data = await http.get<Items<BatchSummary>>('/batches', {
        status: filter.status || undefined,
        orderId: filter.orderId,
      });
      return { items: data.items.filter((b) => !filter.status || b.status === filter.status) };
    },
    enabled,
    placeholderData: (prev) => prev,
  });
}

export function useBatch(id: string) {
  return useQuery({ queryKey: [MFG, 'batches', id], queryFn: () => http.get<Batch>(`/batches/${enc(id)}`) });
}

export function useStartBatch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewBatch) => http.post<{ id: string; batchNumber: string }>('/batches', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [MFG] }),
  });
}

export function useCompleteStep(batchId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ index, body }: { index: number; body: StepCompletion }) =>
      http.post<Batch>(`/batches/${enc(batchId)}/steps/${index}/complete`, body),
    // Whatever the answer holds, the batch (steps, deviations, status) is read again.
    onSettled: () => queryClient.invalidateQueries({ queryKey: [MFG] }),
  });
}

/** QA aborts a batch in progress with a reason and a signature (batches:abort). */
export function useAbortBatch(batchId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { reason: string; signature: SignatureInput }) =>
      http.post<Batch>(`/batches/${enc(batchId)}/abort`, body),
    // The room, the equipment and the deviations change too: the whole area is read again.
    onSettled: () => queryClient.invalidateQueries({ queryKey: [MFG] }),
  });
}

export function recordPdfUrl(batchId: string): string {
  return apiUrl(`/batches/${enc(batchId)}/record.pdf`);
}
