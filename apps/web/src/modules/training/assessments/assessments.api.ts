/** Assessments (theory scores, signed practical assessments): queries and the record mutation. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Items } from '../../../api/types';
import { http } from '../common/http';
import type { Assessment, NewAssessment, Qualification } from '../training.types';

export function useAssessments(filter: { learnerId?: string; courseId?: string } = {}) {
  return useQuery({
    queryKey: ['training', 'assessments', filter],
    queryFn: () => http.get<Items<Assessment>>('/training/assessments', filter),
    placeholderData: (prev) => prev,
  });
}

export type RecordedAssessment = Assessment & { qualification: Qualification | null };

export function useRecordAssessment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewAssessment) => http.post<RecordedAssessment>('/training/assessments', body),
    // A pass may create a qualification, a certificate and a dashboard count.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['training'] }),
  });
}
