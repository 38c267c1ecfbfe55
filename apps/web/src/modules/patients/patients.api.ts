/** Patient and study queries and mutations. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Items, Patient, Sex, Study } from '../../api/types';

export interface NewPatient {
  sex: Sex;
  birthDate: string;
  name?: string;
  mrn?: string;
}

export function usePatients(search: string) {
  return useQuery({
    queryKey: ['patients', { search }],
    queryFn: () => api.get<Items<Patient>>('/patients', { search }),
    placeholderData: (prev) => prev,
  });
}

export function usePatient(id: string) {
  return useQuery({
    queryKey: ['patients', id],
    queryFn: () => api.get<Patient>(`/patients/${encodeURIComponent(id)}`),
  });
}

export function useCreatePatient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewPatient) => api.post<Patient>('/patients', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['patients'] }),
  });
}

export function useStudies(enabled = true) {
  return useQuery({
    queryKey: ['studies'],
    queryFn: () => api.get<Items<Study>>('/studies'),
    enabled,
    staleTime: 5 * 60_000,
  });
}
