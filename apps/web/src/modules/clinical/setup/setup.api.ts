/** Study set-up API: protocol versions, registrations, ethics approvals, the lab analytes of the criteria editor. */
import { useMutation, useQuery } from '@tanstack/react-query';
import { enc, http } from '../../../api/http';
import type { Items, SignatureInput } from '../../../api/types';
import { CLINICAL, useClinicalRefresh } from '../clinical.api';
import type { ProtocolVersion } from '../clinical.types';
import type { EthicsApproval, LabAnalyte, ProtocolFields, Registration, RegistrationKind } from './setup.types';

export function useProtocols(studyId: string) {
  return useQuery({
    queryKey: [CLINICAL, 'protocols', studyId],
    queryFn: () => http.get<Items<ProtocolVersion>>(`/clinical/studies/${enc(studyId)}/protocols`),
  });
}

export function useLabAnalytes() {
  return useQuery({
    queryKey: [CLINICAL, 'lab-analytes'],
    queryFn: () => http.get<Items<LabAnalyte>>('/clinical/lab-analytes'),
    staleTime: 60 * 60_000,
  });
}

export function useCreateProtocol(studyId: string) {
  const refresh = useClinicalRefresh();
  return useMutation({
    mutationFn: (body: ProtocolFields) => http.post<ProtocolVersion>(`/clinical/studies/${enc(studyId)}/protocols`, body),
    onSuccess: refresh,
  });
}

export function useUpdateProtocol(id: string) {
  const refresh = useClinicalRefresh();
  return useMutation({
    mutationFn: (body: ProtocolFields & { reason: string }) => http.patch<ProtocolVersion>(`/clinical/protocols/${enc(id)}`, body),
    onSuccess: refresh,
  });
}

export function useApproveProtocol(id: string) {
  const refresh = useClinicalRefresh();
  return useMutation({
    mutationFn: (signature: SignatureInput) => http.post<ProtocolVersion>(`/clinical/protocols/${enc(id)}/approve`, { signature }),
    onSettled: refresh,
  });
}

export function useAmendProtocol(id: string) {
  const refresh = useClinicalRefresh();
  return useMutation({
    mutationFn: (body: { reason: string; title?: string; summary?: string }) =>
      http.post<ProtocolVersion>(`/clinical/protocols/${enc(id)}/amend`, body),
    onSuccess: refresh,
  });
}

export function useRegistrations(studyId: string) {
  return useQuery({
    queryKey: [CLINICAL, 'registrations', studyId],
    queryFn: () => http.get<Items<Registration>>(`/clinical/studies/${enc(studyId)}/registrations`),
  });
}

export function useAddRegistration(studyId: string) {
  const refresh = useClinicalRefresh();
  return useMutation({
    mutationFn: (body: { kind: RegistrationKind; number: string; filedOn?: string }) =>
      http.post<Registration>(`/clinical/studies/${enc(studyId)}/registrations`, body),
    onSuccess: refresh,
  });
}

export function useEthicsApprovals(studyId: string) {
  return useQuery({
    queryKey: [CLINICAL, 'ethics', studyId],
    queryFn: () => http.get<Items<EthicsApproval>>(`/clinical/studies/${enc(studyId)}/ethics-approvals`),
  });
}

export function useAddEthicsApproval(studyId: string) {
  const refresh = useClinicalRefresh();
  return useMutation({
    mutationFn: (body: { committee: string; approvalNumber: string; approvedOn: string; expiresOn: string; protocolVersionId: string }) =>
      http.post<EthicsApproval>(`/clinical/studies/${enc(studyId)}/ethics-approvals`, body),
    onSuccess: refresh,
  });
}

/** Retires a registration or an ethics approval (`kind` is the path segment), with the reason. */
export function useRetire(kind: 'registrations' | 'ethics-approvals') {
  const refresh = useClinicalRefresh();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) => http.post<unknown>(`/clinical/${kind}/${enc(id)}/retire`, { reason }),
    onSuccess: refresh,
  });
}

export function useProtocol(id: string | undefined) {
  return useQuery({
    queryKey: [CLINICAL, 'protocol', id],
    queryFn: () => http.get<ProtocolVersion>(`/clinical/protocols/${enc(id ?? '')}`),
    enabled: !!id,
  });
}
