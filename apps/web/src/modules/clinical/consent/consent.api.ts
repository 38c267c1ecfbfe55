/** Informed consent API: the study's consent documents, a subject's consent status, consent and withdrawal. */
import { useMutation, useQuery } from '@tanstack/react-query';
import { enc, http } from '../../../api/http';
import type { Items, SignatureInput } from '../../../api/types';
import { CLINICAL, useClinicalRefresh } from '../clinical.api';
import type {
  ConsentDocument,
  ConsentLanguage,
  ConsentRecord,
  ConsentStatus,
  OptionalPart,
  RecordConsentBody,
  WithdrawBody,
  Withdrawal,
} from './consent.types';

export function useConsentDocuments(studyId: string | undefined) {
  return useQuery({
    queryKey: [CLINICAL, 'consent-documents', studyId],
    queryFn: () => http.get<Items<ConsentDocument>>(`/clinical/studies/${enc(studyId ?? '')}/consent-documents`),
    enabled: !!studyId,
  });
}

export function useCreateConsentDocument() {
  const refresh = useClinicalRefresh();
  return useMutation({
    mutationFn: ({
      protocolVersionId,
      ...body
    }: {
      protocolVersionId: string;
      language: ConsentLanguage;
      versionLabel: string;
      title: string;
      effectiveFrom?: string;
      optionalParts?: OptionalPart[];
    }) => http.post<ConsentDocument>(`/clinical/protocols/${enc(protocolVersionId)}/consent-documents`, body),
    onSuccess: refresh,
  });
}

export function useApproveConsentDocument(id: string) {
  const refresh = useClinicalRefresh();
  return useMutation({
    mutationFn: (body: { approvedOn: string; effectiveFrom?: string; signature: SignatureInput }) =>
      http.post<ConsentDocument & { reconsentMarked: number }>(`/clinical/consent-documents/${enc(id)}/approve`, body),
    onSettled: refresh,
  });
}

export function useConsentStatus(subjectId: string) {
  return useQuery({
    queryKey: [CLINICAL, 'consent', subjectId],
    queryFn: () => http.get<ConsentStatus>(`/clinical/subjects/${enc(subjectId)}/consent`),
  });
}

export function useRecordConsent(subjectId: string) {
  const refresh = useClinicalRefresh();
  return useMutation({
    mutationFn: (body: RecordConsentBody & { signature: SignatureInput }) =>
      http.post<ConsentRecord>(`/clinical/subjects/${enc(subjectId)}/consents`, body),
    onSettled: refresh,
  });
}

export function useWithdrawConsent(subjectId: string) {
  const refresh = useClinicalRefresh();
  return useMutation({
    mutationFn: (body: WithdrawBody & { signature: SignatureInput }) =>
      http.post<{ withdrawal: Withdrawal; status: string }>(`/clinical/subjects/${enc(subjectId)}/consent-withdrawals`, body),
    onSettled: refresh,
  });
}
