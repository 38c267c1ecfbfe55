/**
 * React Query client: no retries on 4xx problems; a 401 anywhere means the session ended, so re-check
 * /auth/me. Every successful change of data writes audit events, so any history panel on screen is stale.
 */
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiProblem, isProblem } from '../api/client';
import { ME_KEY } from './session';

/** The audit trail's queries (modules/audit/audit.api.ts). */
const AUDIT_KEY = ['audit'];

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (err) => onAuthError(err) }),
    mutationCache: new MutationCache({
      onError: (err) => onAuthError(err),
      onSuccess: () => void client.invalidateQueries({ queryKey: AUDIT_KEY }),
    }),
    defaultOptions: {
      queries: {
        retry: (count, err) => !(err instanceof ApiProblem && err.status >= 400 && err.status < 500) && count < 1,
        refetchOnWindowFocus: false,
      },
    },
  });
  function onAuthError(err: unknown): void {
    if (isProblem(err, 401)) void client.invalidateQueries({ queryKey: ME_KEY });
  }
  return client;
}
