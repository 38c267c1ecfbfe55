/** Renders a component inside the app's providers with a signed-in test session. */
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import type { Permission } from '../api/types';
import { SessionContext, buildSession } from '../app/session';
import '../i18n';

export const TEST_SITE = { id: 'site-1', name: 'Demo CGT Center', fin: 'A9999', timeZone: 'Asia/Shanghai' };

export function renderWithApp(ui: ReactElement, permissions: Permission[] = ['custody:read', 'custody:write']) {
  const session = buildSession(
    {
      user: { id: 'u1', username: 'nurse1', displayName: 'Nurse One', roles: ['nurse'] },
      permissions,
      site: TEST_SITE,
    },
    TEST_SITE,
  );
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <MantineProvider env="test">
      <QueryClientProvider client={queryClient}>
        <MemoryRouter>
          <SessionContext.Provider value={session}>{ui}</SessionContext.Provider>
        </MemoryRouter>
      </QueryClientProvider>
    </MantineProvider>,
  );
}

export interface TestUser {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
}

/** Renders `ui` at `path` matched by the route `pattern` (so `useParams` works), signed in as `user`. */
export function renderRoute(ui: ReactElement, pattern: string, path: string, user: TestUser, permissions: Permission[]) {
  const session = buildSession({ user, permissions, site: TEST_SITE }, TEST_SITE);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <MantineProvider env="test">
      <QueryClientProvider client={queryClient}>
        <MemoryRouter initialEntries={[path]}>
          <SessionContext.Provider value={session}>
            <Routes>
              <Route path={pattern} element={ui} />
            </Routes>
          </SessionContext.Provider>
        </MemoryRouter>
      </QueryClientProvider>
    </MantineProvider>,
  );
}

/** A fetch Response with a JSON body. */
export function jsonResponse(status: number, body: unknown, type = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
}
