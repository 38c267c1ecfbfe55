/** Review and release API access: the checklist, the review record, the decisions, CoAs and notifications. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiUrl } from '../../api/client';
import { enc, http } from '../../api/http';
import type { Items, SignatureInput } from '../../api/types';
import type {
  CertifyBody,
  CoaVersion,
  NotificationStatus,
  Person,
  ReleaseCheck,
  ReleaseNotification,
  ReleaseRecord,
  Review,
  ReviewRecord,
} from './release.types';

/** Every release query key starts here; batches are read again too, as a decision changes their status. */
export const RELEASE = 'release';

function useRefresh() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: [RELEASE] }),
      queryClient.invalidateQueries({ queryKey: ['mfg'] }),
    ]);
}

export function useReleaseCheck(batchId: string) {
  return useQuery({
    queryKey: [RELEASE, 'check', batchId],
    queryFn: () => http.get<ReleaseCheck>(`/batches/${enc(batchId)}/release-check`),
  });
}

export function useReviewRecord(batchId: string) {
  return useQuery({
    queryKey: [RELEASE, 'record', batchId],
    queryFn: () => http.get<ReviewRecord>(`/batches/${enc(batchId)}/review-record`),
  });
}

export function usePhysicians(enabled: boolean) {
  return useQuery({
    queryKey: [RELEASE, 'physicians'],
    queryFn: () => http.get<Items<Person>>('/release/physicians'),
    enabled,
  });
}

export function useReview(batchId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { signature: SignatureInput; comment?: string }) =>
      http.post<Review>(`/batches/${enc(batchId)}/review`, body),
    onSettled: refresh,
  });
}

export function useCertify(batchId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: CertifyBody) => http.post<ReleaseRecord>(`/batches/${enc(batchId)}/release`, body),
    onSettled: refresh,
  });
}

export function useAmendCoa(batchId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { reason: string; signature: SignatureInput }) =>
      http.post<CoaVersion>(`/batches/${enc(batchId)}/coa/amendments`, body),
    onSettled: refresh,
  });
}

export function coaPdfUrl(batchId: string, version?: number): string {
  return apiUrl(`/batches/${enc(batchId)}/coa.pdf`, version ? { version: String(version) } : undefined);
}

export function useNotifications(filter: { status?: NotificationStatus | '' } = {}, enabled = true) {
  return useQuery({
    queryKey: [RELEASE, 'notifications', filter.status || null],
    queryFn: () =>
      http.get<Items<ReleaseNotification>>('/release-notifications', { status: filter.status || undefined }),
    enabled,
  });
}

export function useAcknowledge(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { acknowledgement: string; signature: SignatureInput }) =>
      http.post<ReleaseNotification>(`/release-notifications/${enc(id)}/acknowledge`, body),
    onSettled: refresh,
  });
}
