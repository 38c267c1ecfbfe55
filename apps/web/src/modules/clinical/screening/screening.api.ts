/** Screening and enrollment API: the log, screening a patient, screening data, eligibility, waivers, enroll. */
import { useMutation, useQuery } from '@tanstack/react-query';
import { enc, http } from '../../../api/http';
import type { SignatureInput } from '../../../api/types';
import { CLINICAL, useClinicalRefresh } from '../clinical.api';
import type { Subject } from '../clinical.types';
import type { Eligibility, ScreeningDataInput, ScreeningLog, SubjectDetail, Waiver } from './screening.types';

export function useScreeningLog(studyId: string) {
  return useQuery({
    queryKey: [CLINICAL, 'screening-log', studyId],
    queryFn: () => http.get<ScreeningLog>(`/clinical/studies/${enc(studyId)}/screening-log`),
  });
}

export function useSubjectDetail(id: string) {
  return useQuery({
    queryKey: [CLINICAL, 'subject', id],
    queryFn: () => http.get<SubjectDetail>(`/clinical/subjects/${enc(id)}`),
  });
}

export function useEligibility(id: string) {
  return useQuery({
    queryKey: [CLINICAL, 'eligibility', id],
    queryFn: () => http.get<Eligibility>(`/clinical/subjects/${enc(id)}/eligibility`),
  });
}

export function useScreenPatient(studyId: string) {
  const refresh = useClinicalRefresh();
  return useMutation({
    mutationFn: (body: { patientId: string; screenedAt?: string }) =>
      http.post<Subject>(`/clinical/studies/${enc(studyId)}/screenings`, body),
    onSuccess: refresh,
  });
}

export function useSaveScreeningData(id: string) {
  const refresh = useClinicalRefresh();
  return useMutation({
    mutationFn: (body: ScreeningDataInput) => http.put<unknown>(`/clinical/subjects/${enc(id)}/screening-data`, body),
    onSuccess: refresh,
  });
}

export function useScreenFailure(id: string) {
  const refresh = useClinicalRefresh();
  return useMutation({
    mutationFn: (reason: string) => http.post<Subject>(`/clinical/subjects/${enc(id)}/screen-failure`, { reason }),
    onSuccess: refresh,
  });
}

export function useWaive(id: string) {
  const refresh = useClinicalRefresh();
  return useMutation({
    mutationFn: (body: { criterionId: string; reason: string; signature: SignatureInput }) =>
      http.post<Waiver>(`/clinical/subjects/${enc(id)}/waivers`, body),
    onSettled: refresh,
  });
}

export function useEnroll(id: string) {
  const refresh = useClinicalRefresh();
  return useMutation({
    mutationFn: (body: { enrolledAt?: string }) => http.post<Subject>(`/clinical/subjects/${enc(id)}/enroll`, body),
    onSettled: refresh,
  });
}
