/**
 * Clinical API access shared by every part of the module: query keys, the studies and the subject. Each part
 * keeps its own fetchers in `<part>/<part>.api.ts`; all of them use CLINICAL as the first query key, so a
 * change anywhere refreshes what the screens show (a consent changes the subject, an enrollment the log).
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { enc, http } from '../../api/http';
import type { Items, Patient, Study } from '../../api/types';
import type { Subject } from './clinical.types';

export const CLINICAL = 'clinical';

/** Invalidates every clinical query (and the studies list). */
export function useClinicalRefresh() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: [CLINICAL] }),
      queryClient.invalidateQueries({ queryKey: ['studies'] }),
    ]);
}

export function useStudies() {
  return useQuery({ queryKey: ['studies'], queryFn: () => http.get<Items<Study>>('/studies') });
}

export function useStudy(id: string) {
  return useQuery({ queryKey: ['studies', id], queryFn: () => http.get<Study>(`/studies/${enc(id)}`) });
}

export function useSubject(id: string) {
  return useQuery({
    queryKey: [CLINICAL, 'subject', id],
    queryFn: () => http.get<Subject>(`/clinical/subjects/${enc(id)}`),
  });
}

/** Patients to screen: name and MRN only for readers with identity:read (the server decides). */
export function usePatientSearch(search: string, enabled = true) {
  return useQuery({
    queryKey: [CLINICAL, 'patients', search],
    queryFn: () => http.get<Items<Patient>>('/patients', search ? { search } : undefined),
    enabled,
    placeholderData: (prev) => prev,
  });
}
