/** Shows the login page until `/auth/me` names a user, then the app shell with the session in context. */
import { Center, Container } from '@mantine/core';
import { useMemo } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { ErrorState, PageLoader } from '../components/states';
import { LoginPage } from '../modules/auth/LoginPage';
import { AppLayout } from './AppLayout';
import { AppRoutes } from './AppRoutes';
import { SessionContext, buildSession, useMe, useSite } from './session';

function LoginRedirect() {
  const location = useLocation();
  const next = `${location.pathname}${location.search}`;
  return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
}

export function AuthGate() {
  const me = useMe();
  const { site, pending } = useSite(me.data);
  const session = useMemo(() => (me.data ? buildSession(me.data, site) : null), [me.data, site]);

  if (me.isPending || pending) {
    return (
      <Center h="100vh">
        <PageLoader />
      </Center>
    );
  }
  if (me.isError) {
    return (
      <Container size="sm" py="xl">
        <ErrorState error={me.error} onRetry={() => void me.refetch()} />
      </Container>
    );
  }
  if (!session) {
    return (
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="*" element={<LoginRedirect />} />
      </Routes>
    );
  }
  return (
    <SessionContext.Provider value={session}>
      <AppLayout>
        <AppRoutes />
      </AppLayout>
    </SessionContext.Provider>
  );
}
