/** The training dashboard of a year and its target. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { http } from '../common/http';
import type { Dashboard } from '../training.types';

export function useDashboard(year: number) {
  return useQuery({
    queryKey: ['training', 'dashboard', year],
    queryFn: () => http.get<Dashboard>('/training/dashboard', { year }),
    placeholderData: (prev) => prev,
  });
}

export function useSetTarget(year: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { target: number; reason: string }) =>
      http.put<{ year: number; target: number }>(`/training/targets/${year}`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['training', 'dashboard'] }),
  });
}
