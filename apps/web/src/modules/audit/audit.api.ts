/** The audit trail, newest first, paged backwards with `beforeSeq`. */
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { AuditEvent, Items } from '../../api/types';

export const AUDIT_PAGE_SIZE = 50;

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
}

export function useAudit(filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: ['audit', filter],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) =>
      api.get<Items<AuditEvent>>('/audit', { ...filter, beforeSeq: pageParam, limit: AUDIT_PAGE_SIZE }),
    getNextPageParam: (last) => {
      if (last.items.length < AUDIT_PAGE_SIZE) return undefined;
      return Math.min(...last.items.map((e) => e.seq));
    },
  });
}
