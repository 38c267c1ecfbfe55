/** Root component: Mantine, notifications, React Query and the router around the session gate. */
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { VerifyPage } from '../modules/training/verify/VerifyPage';
import { AuthGate } from './AuthGate';
import { createQueryClient } from './queryClient';
import { theme } from './theme';

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <MantineProvider theme={theme}>
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <Routes>
            {/* Public: anyone holding a certificate's code can check it, signed in or not. */}
            <Route path="/verify/:code?" element={<VerifyPage />} />
            <Route path="*" element={<AuthGate />} />
          </Routes>
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  );
}
