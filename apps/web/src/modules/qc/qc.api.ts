/** QC's API access: worklist, a batch's QC file, results and review, samples, OOS, specifications. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { enc, http } from '../../api/http';
import type { Items, SignatureInput } from '../../api/types';
import type {
  BatchQc,
  OosInvestigation,
  OosStatus,
  QcResult,
  QcSample,
  ResultValue,
  Specification,
  SpecificationStatus,
  SpecTestInput,
  WorklistItem,
} from './qc.types';

/** Every QC query key starts here, so a change can refresh the whole area at once. */
export const QC = 'qc';

export function useWorklist() {
  return useQuery({ queryKey: [QC, 'worklist'], queryFn: () => http.get<Items<WorklistItem>>('/qc/worklist') });
}

export function useBatchQc(batchId: string) {
  return useQuery({
    queryKey: [QC, 'batch', batchId],
    queryFn: () => http.get<BatchQc>(`/batches/${enc(batchId)}/qc`),
  });
}

/** After any QC change the whole area is refreshed: status, worklist and investigations move together. */
function useQcMutation<A, T>(fn: (args: A) => Promise<T>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: [QC] }) });
}

export interface NewResult {
  testCode: string;
  value: ResultValue;
  sampleId?: string;
  signature: SignatureInput;
}

export const useEnterResult = (batchId: string) =>
  useQcMutation((body: NewResult) => http.post<QcResult>(`/batches/${enc(batchId)}/qc-results`, body));

export const useReviewResult = (batchId: string) =>
  useQcMutation(({ resultId, signature }: { resultId: string; signature: SignatureInput }) =>
    http.post<QcResult>(`/batches/${enc(batchId)}/qc-results/${enc(resultId)}/review`, { signature }),
  );

export const useDrawSample = (batchId: string) =>
  useQcMutation((body: { name: string; testCodes: string[]; stepIndex?: number }) =>
    http.post<QcSample>(`/batches/${enc(batchId)}/qc-samples`, body),
  );

export const sampleLabelUrl = (sampleId: string) => `/api/v1/qc-samples/${enc(sampleId)}/label.pdf`;

export function useInvestigations(status: OosStatus | '' = '') {
  return useQuery({
    queryKey: [QC, 'oos', { status: status || null }],
    queryFn: () => http.get<Items<OosInvestigation>>('/oos-investigations', { status: status || undefined }),
  });
}

export function useInvestigation(id: string) {
  return useQuery({
    queryKey: [QC, 'oos', id],
    queryFn: () => http.get<OosInvestigation>(`/oos-investigations/${enc(id)}`),
  });
}

export const usePhase1 = (id: string) =>
  useQcMutation(
    (body: { conclusion: 'assignable_lab_error' | 'confirmed'; findings: string; signature: SignatureInput }) =>
      http.post<OosInvestigation>(`/oos-investigations/${enc(id)}/phase-1`, body),
  );

export const usePhase2 = (id: string) =>
  useQcMutation((body: { rootCause: string; conclusion: string; signature: SignatureInput }) =>
    http.post<OosInvestigation>(`/oos-investigations/${enc(id)}/phase-2`, body),
  );

export function useSpecifications(filter: { product?: string; status?: SpecificationStatus | '' } = {}) {
  return useQuery({
    queryKey: [QC, 'specifications', { product: filter.product || null, status: filter.status || null }],
    queryFn: () =>
      http.get<Items<Specification>>('/specifications', {
        product: filter.product || undefined,
        status: filter.status || undefined,
      }),
  });
}

export function useSpecification(id: string | undefined) {
  return useQuery({
    queryKey: [QC, 'specifications', id],
    queryFn: () => http.get<Specification>(`/specifications/${enc(id ?? '')}`),
    enabled: !!id,
  });
}

export const useCreateSpecification = () =>
  useQcMutation((body: { product: string; tests: SpecTestInput[]; shelfLifeDays?: number }) =>
    http.post<Specification>('/specifications', body),
  );

export const useApproveSpecification = (id: string) =>
  useQcMutation((signature: SignatureInput) =>
    http.post<Specification>(`/specifications/${enc(id)}/approve`, { signature }),
  );
