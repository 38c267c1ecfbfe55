/**
 * Visits API access: a subject's schedule (generated from its anchors), completing or missing a visit, the
 * visits due in a week across studies, and the long-term follow-up contacts after the infusion.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { enc, http } from '../../../api/http';
import type { Items } from '../../../api/types';
import { CLINICAL, useClinicalRefresh } from '../clinical.api';
import type { DueVisit, FollowUpPlan, Visit } from './visits.types';

export function useSubjectVisits(subjectId: string) {
  return useQuery({
    queryKey: [CLINICAL, 'visits', subjectId],
    queryFn: () => http.get<Items<Visit>>(`/clinical/subjects/${enc(subjectId)}/visits`),
  });
}

export function useCompleteVisit() {
  const refresh = useClinicalRefresh();
  return useMutation({
    mutationFn: ({ id, completedAt }: { id: string; completedAt: string }) =>
      http.post<Visit>(`/clinical/visits/${enc(id)}/complete`, { completedAt }),
    onSuccess: refresh,
  });
}

export function useMissVisit() {
  const refresh = useClinicalRefresh();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) => http.post<Visit>(`/clinical/visits/${enc(id)}/miss`, { reason }),
    onSuccess: refresh,
  });
}

/** Visits due between two site-calendar days (inclusive), across every study the reader may see. */
export function useVisitsDue(from: string, to: string) {
  return useQuery({
    queryKey: [CLINICAL, 'visits-due', from, to],
    queryFn: () => http.get<Items<DueVisit>>('/clinical/visits/due', { from, to }),
  });
}

export function useFollowUp(subjectId: string) {
  return useQuery({
    queryKey: [CLINICAL, 'follow-up', subjectId],
    queryFn: () => http.get<FollowUpPlan>(`/clinical/subjects/${enc(subjectId)}/follow-up`),
  });
}
