/**
 * The quality-event API as react-query hooks: lists and details of deviations, CAPA and change
 * controls, the overview, and every lifecycle step. A change refreshes the whole quality area and the
 * manufacturing area (batch pages list their deviations).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { enc, http } from '../../api/http';
import type { Items, SignatureInput, User } from '../../api/types';
import { MFG } from '../manufacturing/common/http';
import type {
  BatchImpact,
  Capa,
  CapaDetail,
  ChangeControl,
  ChangeControlDetail,
  ChangeImpact,
  DeviationDetail,
  NewAction,
  QualityDeviation,
  QualityOverview,
  RootCauseCategory,
} from './quality.types';

export const QUALITY = 'quality';

export interface ListFilter {
  status?: string;
  severity?: string;
  owner?: string;
  overdue?: boolean;
}

const query = (f: ListFilter) => ({
  status: f.status || undefined,
  severity: f.severity || undefined,
  owner: f.owner || undefined,
  overdue: f.overdue ? 'true' : undefined,
});

export function useQualityDeviations(filter: ListFilter) {
  return useQuery({
    queryKey: [QUALITY, 'deviations', filter],
    queryFn: () => http.get<Items<QualityDeviation>>('/deviations', query(filter)),
    placeholderData: (prev) => prev,
  });
}

export function useDeviation(id: string) {
  return useQuery({
    queryKey: [QUALITY, 'deviation', id],
    queryFn: () => http.get<DeviationDetail>(`/deviations/${enc(id)}`),
  });
}

export function useCapas(filter: ListFilter) {
  return useQuery({
    queryKey: [QUALITY, 'capas', filter],
    queryFn: () => http.get<Items<Capa>>('/capas', query(filter)),
    placeholderData: (prev) => prev,
  });
}

export function useCapa(id: string) {
  return useQuery({ queryKey: [QUALITY, 'capa', id], queryFn: () => http.get<CapaDetail>(`/capas/${enc(id)}`) });
}

export function useChangeControls(filter: ListFilter) {
  return useQuery({
    queryKey: [QUALITY, 'changes', filter],
    queryFn: () => http.get<Items<ChangeControl>>('/change-controls', query(filter)),
    placeholderData: (prev) => prev,
  });
}

export function useChangeControl(id: string) {
  return useQuery({
    queryKey: [QUALITY, 'change', id],
    queryFn: () => http.get<ChangeControlDetail>(`/change-controls/${enc(id)}`),
  });
}

export function useQualityOverview() {
  return useQuery({ queryKey: [QUALITY, 'overview'], queryFn: () => http.get<QualityOverview>('/quality/overview') });
}

/** Usernames for owner fields, where the reader may list users (QA, directors); others type the username. */
export function useUsernames(enabled: boolean) {
  return useQuery({
    queryKey: ['users'],
    queryFn: () => api.get<Items<User>>('/users'),
    enabled,
    select: (data) =>
      data.items.filter((u) => u.active).map((u) => ({ value: u.username, label: `${u.displayName} (${u.username})` })),
  });
}

/** A mutation that refreshes the quality and manufacturing areas when it succeeds. */
function useQualityMutation<B, R>(send: (body: B) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: [QUALITY] });
      await client.invalidateQueries({ queryKey: [MFG] });
    },
  });
}

export interface NewDeviation {
  title: string;
  description: string;
  severity: string;
  batchId?: string;
  roomId?: string;
}

/** Ending a record without its work (a deviation cancelled, a change withdrawn): why, and the signature. */
export interface EndRecordBody {
  reason: string;
  signature: SignatureInput;
}

export const useReportDeviation = () =>
  useQualityMutation((body: NewDeviation) => http.post<DeviationDetail>('/deviations', body));

export function useDeviationSteps(id: string) {
  const path = `/deviations/${enc(id)}`;
  return {
    classify: useQualityMutation(
      (b: { severity: string; capaRequired: boolean; owner: string; signature: SignatureInput }) =>
        http.post<DeviationDetail>(`${path}/classify`, b),
    ),
    investigate: useQualityMutation(
      (b: { investigation?: string; rootCause?: string; rootCauseCategory?: RootCauseCategory; reason?: string }) =>
        http.patch<DeviationDetail>(`${path}/investigation`, b),
    ),
    assess: useQualityMutation(
      ({ batchId, ...b }: { batchId: string; impact: BatchImpact; rationale: string; reason?: string }) =>
        http.put<DeviationDetail>(`${path}/batches/${enc(batchId)}/impact`, b),
    ),
    addBatch: useQualityMutation((b: { batchId: string; reason: string }) =>
      http.post<DeviationDetail>(`${path}/batches`, b),
    ),
    close: useQualityMutation((b: { conclusion: string; signature: SignatureInput }) =>
      http.post<DeviationDetail>(`${path}/close`, b),
    ),
    cancel: useQualityMutation((b: EndRecordBody) => http.post<DeviationDetail>(`${path}/cancel`, b)),
  };
}

export interface NewCapa {
  title: string;
  description: string;
  source: string;
  deviationId?: string;
  sourceReference?: string;
  owner: string;
  actions: NewAction[];
  effectivenessCheck: { dueDate: string; criteria: string };
}

export const useCreateCapa = () => useQualityMutation((body: NewCapa) => http.post<CapaDetail>('/capas', body));

export function useCapaSteps(id: string) {
  const path = `/capas/${enc(id)}`;
  return {
    addAction: useQualityMutation((b: NewAction) => http.post<CapaDetail>(`${path}/actions`, b)),
    complete: useQualityMutation(({ actionId, ...b }: { actionId: string; note: string; signature: SignatureInput }) =>
      http.post<CapaDetail>(`${path}/actions/${enc(actionId)}/complete`, b),
    ),
    check: useQualityMutation(
      (b: {
        result: 'effective' | 'not_effective';
        evidence: string;
        nextDueDate?: string;
        signature: SignatureInput;
      }) => http.post<CapaDetail>(`${path}/effectiveness-check`, b),
    ),
  };
}

export interface NewChange {
  title: string;
  description: string;
  justification: string;
  category: string;
  implementationDueDate: string;
}

export const useRequestChange = () =>
  useQualityMutation((body: NewChange) => http.post<ChangeControlDetail>('/change-controls', body));

export function useChangeSteps(id: string) {
  const path = `/change-controls/${enc(id)}`;
  return {
    assess: useQualityMutation((impact: ChangeImpact) => http.post<ChangeControlDetail>(`${path}/assess`, { impact })),
    approve: useQualityMutation((signature: SignatureInput) =>
      http.post<ChangeControlDetail>(`${path}/approve`, { signature }),
    ),
    implement: useQualityMutation((b: { note: string; effectivenessDueDate: string; signature: SignatureInput }) =>
      http.post<ChangeControlDetail>(`${path}/implement`, b),
    ),
    close: useQualityMutation((b: { effectiveness: string; signature: SignatureInput }) =>
      http.post<ChangeControlDetail>(`${path}/close`, b),
    ),
    withdraw: useQualityMutation((b: EndRecordBody) => http.post<ChangeControlDetail>(`${path}/withdraw`, b)),
  };
}
