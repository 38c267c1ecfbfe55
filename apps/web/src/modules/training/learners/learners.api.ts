/** Learners (staff and external), their training record and trainee logins: queries and mutations. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Items } from '../../../api/types';
import { enc, http } from '../common/http';
import type { Learner, LearnerKind, NewLearner, TrainingRecord } from '../training.types';

export function useLearners(filter: { kind?: LearnerKind | ''; search?: string } = {}, enabled = true) {
  return useQuery({
    queryKey: ['training', 'learners', { kind: filter.kind || null, search: filter.search || null }],
    queryFn: () =>
      http.get<Items<Learner>>('/training/learners', { kind: filter.kind || undefined, search: filter.search }),
    placeholderData: (prev) => prev,
    enabled,
  });
}

export function useLearner(id: string) {
  return useQuery({
    queryKey: ['training', 'learners', id],
    queryFn: () => http.get<Learner>(`/training/learners/${enc(id)}`),
  });
}

/** The current user's own learner (null before their first training). */
export function useMyLearner() {
  return useQuery({
    queryKey: ['training', 'me'],
    queryFn: () => http.get<{ learner: Learner | null }>('/training/me'),
  });
}

export function useTrainingRecord(learnerId: string | undefined) {
  return useQuery({
    queryKey: ['training', 'learners', learnerId, 'record'],
    queryFn: () => http.get<TrainingRecord>(`/training/learners/${enc(learnerId ?? '')}/record`),
    enabled: !!learnerId,
  });
}

export function useCreateLearner() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewLearner) => http.post<Learner>('/training/learners', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['training', 'learners'] }),
  });
}

/** Gives an external learner a trainee login (users:write). */
export function useGiveAccount(learnerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) =>
      http.post<Learner>(`/training/learners/${enc(learnerId)}/account`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['training', 'learners'] }),
  });
}
