/** Master batch records: list, one version, create (or next version), edit a draft, approve with a signature. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Items, SignatureInput } from '../../../api/types';
import { MFG, enc, http } from '../common/http';
import type { NewProcess, Process, ProcessChange, ProcessStatus } from '../processes.types';

export function useProcesses(filter: { code?: string; status?: ProcessStatus | '' } = {}, enabled = true) {
  return useQuery({
    queryKey: [MFG, 'processes', { code: filter.code || null, status: filter.status || null }],
    queryFn: async () => {
      const data = await http.get<Items<Process>>('/processes', {
        code: filter.code || undefined,
        status: filter.status || undefined,
      });
      const items = data.items.filter(
        (p) => (!filter.code || p.code === filter.code) && (!filter.status || p.status === filter.status),
      );
      return { items };
    },
    enabled,
    placeholderData: (prev) => prev,
  });
}

export function useProcess(id: string | undefined) {
  return useQuery({
    queryKey: [MFG, 'processes', id],
    queryFn: () => http.get<Process>(`/processes/${enc(id ?? '')}`),
    enabled: !!id,
    staleTime: 60_000,
  });
}

export function useCreateProcess() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewProcess) => http.post<Process>('/processes', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [MFG, 'processes'] }),
  });
}

export function useUpdateProcess(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProcessChange) => http.patch<Process>(`/processes/${enc(id)}`, body),
    onSuccess: async (p) => {
      queryClient.setQueryData([MFG, 'processes', id], p);
      await queryClient.invalidateQueries({ queryKey: [MFG, 'processes'] });
    },
  });
}

export function useApproveProcess(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (signature: SignatureInput) => http.post<Process>(`/processes/${enc(id)}/approve`, { signature }),
    onSuccess: async (p) => {
      queryClient.setQueryData([MFG, 'processes', id], p);
      await queryClient.invalidateQueries({ queryKey: [MFG, 'processes'] });
    },
  });
}
