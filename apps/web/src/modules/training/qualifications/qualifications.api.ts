/** Qualifications: list, suspend / reinstate / revoke, and the certificate PDF link. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiUrl } from '../../../api/client';
import type { Items } from '../../../api/types';
import { enc, http } from '../common/http';
import type { Qualification } from '../training.types';

export function useQualifications(
  filter: { userId?: string; learnerId?: string; courseId?: string } = {},
  enabled = true,
) {
  return useQuery({
    queryKey: ['training', 'qualifications', filter],
    queryFn: () => http.get<Items<Qualification>>('/training/qualifications', filter),
    placeholderData: (prev) => prev,
    enabled,
  });
}

export type QualificationAction = 'suspend' | 'reinstate' | 'revoke';

export function useQualificationAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, reason }: { id: string; action: QualificationAction; reason: string }) =>
      http.post<Qualification>(`/training/qualifications/${enc(id)}/${action}`, { reason }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['training'] }),
  });
}

/** URL of the certificate PDF of a qualification. */
export function certificateUrl(qualificationId: string): string {
  return apiUrl(`/training/qualifications/${enc(qualificationId)}/certificate.pdf`);
}
