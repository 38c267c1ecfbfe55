/** Sessions, enrolment (with the waiting list) and attendance: queries and mutations. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Items } from '../../../api/types';
import { enc, http } from '../common/http';
import type { Enrollment, NewSession, Session, SessionDetail } from '../training.types';

export function useSessions(range: { from?: string; to?: string; courseId?: string }) {
  return useQuery({
    queryKey: ['training', 'sessions', range],
    queryFn: () => http.get<Items<Session>>('/training/sessions', range),
    placeholderData: (prev) => prev,
  });
}

export function useSession(id: string) {
  return useQuery({
    queryKey: ['training', 'sessions', id],
    queryFn: () => http.get<SessionDetail>(`/training/sessions/${enc(id)}`),
  });
}

export function useCreateSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewSession) => http.post<Session>('/training/sessions', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['training', 'sessions'] }),
  });
}

/** Invalidates the session (counts, lists) and the learners' records after an enrolment change. */
function useRefreshSession(sessionId: string) {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ['training', 'sessions'] }),
      queryClient.invalidateQueries({ queryKey: ['training', 'learners'] }),
      queryClient.invalidateQueries({ queryKey: ['training', 'sessions', sessionId] }),
    ]);
  };
}

export function useEnroll(sessionId: string) {
  const refresh = useRefreshSession(sessionId);
  return useMutation({
    mutationFn: (body: { learnerId: string; waitlist?: boolean }) =>
      http.post<Enrollment>(`/training/sessions/${enc(sessionId)}/enrollments`, body),
    onSuccess: refresh,
  });
}

export function useCancelEnrollment(sessionId: string) {
  const refresh = useRefreshSession(sessionId);
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      http.post<Enrollment>(`/training/enrollments/${enc(id)}/cancel`, { reason }),
    onSuccess: refresh,
  });
}

export function useSaveAttendance(sessionId: string) {
  const queryClient = useQueryClient();
  const refresh = useRefreshSession(sessionId);
  return useMutation({
    mutationFn: (attendance: { enrollmentId: string; attended: boolean }[]) =>
      http.post<SessionDetail>(`/training/sessions/${enc(sessionId)}/attendance`, { attendance }),
    onSuccess: async (session) => {
      queryClient.setQueryData(['training', 'sessions', sessionId], session);
      await refresh();
    },
  });
}
