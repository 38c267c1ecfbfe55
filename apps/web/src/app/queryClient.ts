/** React Query client: no retries on 4xx problems; a 401 anywhere means the session ended, so re-check /auth/me. */
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiProblem, isProblem } from '../api/client';
import { ME_KEY } from './session';

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (err) => onAuthError(err) }),
    mutationCache: new MutationCache({ onError: (err) => onAuthError(err) }),
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
