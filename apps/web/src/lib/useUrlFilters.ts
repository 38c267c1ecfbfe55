/**
 * List filters kept in the URL's query string, so a filtered list can be bookmarked, shared and
 * reloaded. An empty value removes its parameter; changes replace the history entry rather than
 * adding one, so Back leaves the page instead of stepping through every filter tried.
 */
import { useSearchParams } from 'react-router';

export function useUrlFilters() {
  const [params, setParams] = useSearchParams();
  const update = (changes: Record<string, string | null | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };
  const set = (key: string, value: string | null | undefined) => update({ [key]: value });
  return { params, set, update };
}
