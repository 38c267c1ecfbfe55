/**
 * Visits API access: a protocol version's visit schedule, a subject's visits (generated from its anchors),
 * completing or missing a visit, the visits due across studies, and the long-term follow-up.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { enc, http } from '../../../api/http';
import { CLINICAL, useClinicalRefresh } from '../clinical.api';
import type { DueList, FollowUpPlan, LtfuBasis, SubjectVisits, Visit, VisitDefinitionInput, VisitSchedule } from './visits.types';

export function useVisitSchedule(protocolVersionId: string) {
  return useQuery({
    queryKey: [CLINICAL, 'visit-schedule', protocolVersionId],
    queryFn: () => http.get<VisitSchedule>(`/clinical/protocols/${enc(protocolVersionId)}/visit-schedule`),
  });
}

export interface ScheduleBody {
  ltfu: { years: number; basis?: LtfuBasis } | null;
  visits: VisitDefinitionInput[];
  reason?: string;
}

export function useSaveVisitSchedule(protocolVersionId: string) {
  const refresh = useClinicalRefresh();
  return useMutation({
    mutationFn: (body: ScheduleBody) => http.put<VisitSchedule>(`/clinical/protocols/${enc(protocolVersionId)}/visit-schedule`, body),
    onSuccess: refresh,
  });
}

export function useSubjectVisits(subjectId: string) {
  return useQuery({
    queryKey: [CLINICAL, 'visits', subjectId],
    queryFn: () => http.get<SubjectVisits>(`/clinical/subjects/${enc(subjectId)}/visits`),
  });
}

export function useCompleteVisit(subjectId: string) {
  const refresh = useClinicalRefresh();
  return useMutation({
    mutationFn: ({ code, occurredAt, notes }: { code: string; occurredAt: string; notes?: string }) =>
      http.post<Visit>(`/clinical/subjects/${enc(subjectId)}/visits/${enc(code)}/complete`, { occurredAt, ...(notes ? { notes } : {}) }),
    onSuccess: refresh,
  });
}

export function useMissVisit(subjectId: string) {
  const refresh = useClinicalRefresh();
  return useMutation({
    mutationFn: ({ code, reason }: { code: string; reason: string }) =>
      http.post<Visit>(`/clinical/subjects/${enc(subjectId)}/visits/${enc(code)}/missed`, { reason }),
    onSuccess: refresh,
  });
}

/** Visits due between two site-calendar days (inclusive), across every study. */
export function useVisitsDue(from: string, to: string) {
  return useQuery({
    queryKey: [CLINICAL, 'visits-due', from, to],
    queryFn: () => http.get<DueList>('/clinical/visits/due', { from, to }),
  });
}

export function useFollowUp(subjectId: string) {
  return useQuery({
    queryKey: [CLINICAL, 'follow-up', subjectId],
    queryFn: () => http.get<FollowUpPlan>(`/clinical/subjects/${enc(subjectId)}/follow-up`),
  });
}
