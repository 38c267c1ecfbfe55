/**
 * The signed-in session: user, permissions and the site (for its time zone). `GET /auth/me` answers 401
 * when nobody is signed in, which the app treats as "show the login page", not as an error.
 */
import { useQuery } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { api, isProblem } from '../api/client';
import type { Items, Me, Permission, Site } from '../api/types';

export const ME_KEY = ['auth', 'me'] as const;
export const FALLBACK_TIME_ZONE = 'UTC';

export interface Session {
  me: Me;
  site: Site | null;
  timeZone: string;
  can: (permission: Permission) => boolean;
}

export const SessionContext = createContext<Session | null>(null);

/** The current session; only inside the signed-in part of the app. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionContext');
  return session;
}

/** The site's IANA time zone (UTC before sign-in). */
export function useTimeZone(): string {
  return useContext(SessionContext)?.timeZone ?? FALLBACK_TIME_ZONE;
}

/** `GET /auth/me`, resolving to null when not signed in. */
export function useMe() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async () => {
      try {
        return await api.get<Me>('/auth/me');
      } catch (err) {
        if (isProblem(err, 401)) return null;
        throw err;
      }
    },
    staleTime: 60_000,
  });
}

/** The center's site: first of `GET /sites`, else the site of the session. */
export function useSite(me: Me | null | undefined) {
  const sites = useQuery({
    queryKey: ['sites'],
    queryFn: () => api.get<Items<Site>>('/sites'),
    enabled: !!me,
    staleTime: 10 * 60_000,
  });
  const site = sites.data?.items[0] ?? me?.site ?? null;
  return { site, pending: !!me && sites.isPending };
}

export function buildSession(me: Me, site: Site | null): Session {
  const permissions = new Set(me.permissions);
  return {
    me,
    site,
    timeZone: site?.timeZone ?? FALLBACK_TIME_ZONE,
    can: (permission) => permissions.has(permission),
  };
}
