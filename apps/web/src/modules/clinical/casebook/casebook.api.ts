/** The casebook's reads and writes: the one-document view of a subject, and its tumour assessments. */
import { useMutation, useQuery } from '@tanstack/react-query';
import { enc, http } from '../../../api/http';
import { CLINICAL, useClinicalRefresh } from '../clinical.api';
import type { Casebook, ResponseView, TargetLesion, NonTargetLesion, Timepoint } from './casebook.types';

export function useCasebook(subjectId: string) {
  return useQuery({
    queryKey: [CLINICAL, 'casebook', subjectId],
    queryFn: () => http.get<Casebook>(`/clinical/subjects/${enc(subjectId)}/casebook`),
  });
}

export function useResponse(subjectId: string) {
  return useQuery({
    queryKey: [CLINICAL, 'response', subjectId],
    queryFn: () => http.get<ResponseView>(`/clinical/subjects/${enc(subjectId)}/response`),
  });
}

export interface TumourAssessmentBody {
  assessedAt: string;
  modality: 'ct' | 'mri';
  targetLesions: TargetLesion[];
  nonTargetLesions?: NonTargetLesion[];
  newLesions: boolean;
  notes?: string;
}

export function useRecordTumourAssessment(subjectId: string) {
  const refresh = useClinicalRefresh();
  return useMutation({
    mutationFn: (body: TumourAssessmentBody) =>
      http.post<Timepoint>(`/clinical/subjects/${enc(subjectId)}/tumour-assessments`, body),
    onSuccess: refresh,
  });
}
