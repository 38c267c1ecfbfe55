/** Deviations (read-only for now): the list, filtered by status or batch. */
import { useQuery } from '@tanstack/react-query';
import type { Items } from '../../../api/types';
import { MFG, http } from '../common/http';
import type { Deviation, DeviationStatus } from '../deviations.types';

export function useDeviations(filter: { status?: DeviationStatus | ''; batchId?: string } = {}, enabled = true) {
  return useQuery({
    queryKey: [MFG, 'deviations', { status: filter.status || null, batchId: filter.batchId ?? null }],
    queryFn: async () => {
      const data = await http.get<Items<Deviation>>('/deviations', {
        status: filter.status || undefined,
        batchId: filter.batchId,
      });
      return { items: data.items.filter((d) => !filter.status || d.status === filter.status) };
    },
    enabled,
    placeholderData: (prev) => prev,
  });
}
