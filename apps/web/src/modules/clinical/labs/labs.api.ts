/**
 * Labs and scores API access: the analytes and their units (`GET /clinical/lab-analytes`), the score
 * calculator (`POST /clinical/scores`), a subject's panels and scores over time, and the CSV import (preview,
 * then commit).
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { enc, http } from '../../../api/http';
import type { Items } from '../../../api/types';
import { CLINICAL, useClinicalRefresh } from '../clinical.api';
import type { ImportPreview, LabAnalyte, LabPanel, LabPanelBody, ScorePoint, Scores, ScoresBody } from './labs.types';

export function useLabAnalytes() {
  return useQuery({
    queryKey: [CLINICAL, 'lab-analytes'],
    queryFn: () => http.get<Items<LabAnalyte>>('/clinical/lab-analytes'),
    staleTime: Infinity,
  });
}

/** The scores the given data allows, asked again as the panel changes (null: nothing to ask yet). */
export function useScores(body: ScoresBody | null) {
  return useQuery({
    queryKey: [CLINICAL, 'calc', 'scores', body],
    queryFn: () => http.post<Scores>('/clinical/scores', body),
    enabled: body !== null,
    staleTime: Infinity,
    placeholderData: (prev) => prev,
  });
}

export function useLabPanels(subjectId: string) {
  return useQuery({
    queryKey: [CLINICAL, 'lab-panels', subjectId],
    queryFn: () => http.get<Items<LabPanel>>(`/clinical/subjects/${enc(subjectId)}/lab-panels`),
  });
}

export function useRecordLabPanel(subjectId: string) {
  const refresh = useClinicalRefresh();
  return useMutation({
    mutationFn: (body: LabPanelBody) => http.post<LabPanel>(`/clinical/subjects/${enc(subjectId)}/lab-panels`, body),
    onSuccess: refresh,
  });
}

export function useSubjectScores(subjectId: string) {
  return useQuery({
    queryKey: [CLINICAL, 'scores', subjectId],
    queryFn: () => http.get<Items<ScorePoint>>(`/clinical/subjects/${enc(subjectId)}/scores`),
  });
}

/** Sends the CSV for a preview (nothing stored) or, with `commit`, imports the rows the preview accepted. */
export function useLabImport(subjectId: string) {
  const refresh = useClinicalRefresh();
  return useMutation({
    mutationFn: (body: { csv: string; commit: boolean }) =>
      http.post<ImportPreview>(`/clinical/subjects/${enc(subjectId)}/lab-imports`, body),
    onSuccess: (_d, body) => (body.commit ? refresh() : undefined),
  });
}
