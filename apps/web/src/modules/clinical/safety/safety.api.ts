/** Safety API access: adverse events, daily CRS/ICANS assessments, the ASTCT calculators and the SAE clocks. */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { enc, http } from '../../../api/http';
import type { Items } from '../../../api/types';
import { CLINICAL, useClinicalRefresh } from '../clinical.api';
import type {
  AdverseEvent,
  AdverseEventBody,
  AssessmentBody,
  ClockStatus,
  CrsAssessmentBody,
  CrsCreated,
  CrsIcansBoard,
  IcansAssessment,
  IcansAssessmentBody,
  SaeClock,
  SaeReportBody,
} from './safety.types';


export function useCrsIcans(subjectId: string) {
  return useQuery({
    queryKey: [CLINICAL, 'crs-icans', subjectId],
    queryFn: () => http.get<CrsIcansBoard>(`/clinical/subjects/${enc(subjectId)}/crs-icans`),
  });
}

export function useRecordCrs(subjectId: string) {
  const refresh = useClinicalRefresh();
  return useMutation({
    mutationFn: (body: CrsAssessmentBody) =>
      http.post<CrsCreated>(`/clinical/subjects/${enc(subjectId)}/crs-assessments`, body),
    onSuccess: refresh,
  });
}

export function useRecordIcans(subjectId: string) {
  const refresh = useClinicalRefresh();
  return useMutation({
    mutationFn: (body: IcansAssessmentBody) =>
      http.post<{ assessment: IcansAssessment }>(`/clinical/subjects/${enc(subjectId)}/icans-assessments`, body),
    onSuccess: refresh,
  });
}

export type CrsGradeInput = Pick<CrsAssessmentBody, 'temperatureC' | 'hypotension' | 'hypoxia' | 'afterAntipyretics'>;
export type IcansGradeInput = Pick<IcansAssessmentBody, 'consciousness' | 'seizure' | 'motorWeakness' | 'cerebralEdema'> & {
  iceScore: number;
};

/**
 * The grade the server's ASTCT calculator gives these findings (`POST /clinical/crs`), asked again as they
 * change, so the nurse sees the grade the record will carry before saving it. Null input: nothing to ask.
 */
export function useCrsGrade(input: CrsGradeInput | null) {
  return useQuery({
    queryKey: [CLINICAL, 'calc', 'crs', input],
    queryFn: () => http.post<{ grade: number }>('/clinical/crs', input),
    enabled: input !== null,
    staleTime: Infinity,
  });
}

export function useIcansGrade(input: IcansGradeInput | null) {
  return useQuery({
    queryKey: [CLINICAL, 'calc', 'icans', input],
    queryFn: () => http.post<{ grade: number }>('/clinical/icans', input),
    enabled: input !== null,
    staleTime: Infinity,
  });
}

export function useAdverseEvents(subjectId: string) {
  return useQuery({
    queryKey: [CLINICAL, 'adverse-events', subjectId],
    queryFn: () => http.get<Items<AdverseEvent>>(`/clinical/subjects/${enc(subjectId)}/adverse-events`),
  });
}

export function useRecordAdverseEvent(subjectId: string) {
  const refresh = useClinicalRefresh();
  return useMutation({
    mutationFn: (body: AdverseEventBody) =>
      http.post<AdverseEvent>(`/clinical/subjects/${enc(subjectId)}/adverse-events`, body),
    onSuccess: refresh,
  });
}

export function useAssessAdverseEvent(id: string) {
  const refresh = useClinicalRefresh();
  return useMutation({
    mutationFn: (body: AssessmentBody) => http.post<AdverseEvent>(`/clinical/adverse-events/${enc(id)}/assessment`, body),
    onSuccess: refresh,
  });
}

export function useSaeClocks(filter: { status?: ClockStatus; subjectId?: string } = {}) {
  return useQuery({
    queryKey: [CLINICAL, 'sae-clocks', filter.status ?? null, filter.subjectId ?? null],
    queryFn: () => http.get<Items<SaeClock> & { now: string }>('/clinical/sae-clocks', filter),
    // The time left changes by itself: read the clocks again every minute.
    refetchInterval: 60_000,
  });
}

export function useRecordSaeReport(clockId: string) {
  const refresh = useClinicalRefresh();
  return useMutation({
    mutationFn: (body: SaeReportBody) => http.post<SaeClock>(`/clinical/sae-clocks/${enc(clockId)}/reports`, body),
    onSuccess: refresh,
  });
}

export interface CtcaeTerm {
  term: string;
  meddraCode: string;
  soc: string;
  label: { en: string; 'zh-CN': string };
  grades: Partial<Record<'1' | '2' | '3' | '4' | '5', string>>;
  labGraded: boolean;
}

/** The CTCAE v5.0 terms for the AE picker, with their labels in both languages and each grade's text. */
export function useCtcaeTerms() {
  return useQuery({
    queryKey: [CLINICAL, 'ctcae-terms'],
    queryFn: () => http.get<{ version: string; items: CtcaeTerm[] }>('/clinical/ctcae/terms'),
    staleTime: Infinity,
  });
}

/** A term's label in the reader's language (the key itself until the list has loaded). */
export function useTermLabel(): (term: string) => string {
  const terms = useCtcaeTerms();
  const { i18n } = useTranslation();
  const zh = (i18n.resolvedLanguage ?? i18n.language).startsWith('zh');
  return (term) => {
    const found = terms.data?.items.find((x) => x.term === term);
    return found ? (zh ? found.label['zh-CN'] : found.label.en) : term;
  };
}
