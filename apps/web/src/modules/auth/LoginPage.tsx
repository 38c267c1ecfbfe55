/** Sign-in page: username and password; shows the server's problem detail (bad credentials, lockout). */
import { Anchor, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, isProblem } from '../../api/client';
import type { SessionUser } from '../../api/types';
import { PublicHeader } from '../../app/PublicHeader';
import { ME_KEY } from '../../app/session';
import { ProblemAlert } from '../../components/ProblemAlert';

export function LoginPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const login = useMutation({
    mutationFn: () => api.post<{ user: SessionUser }>('/auth/login', { username: username.trim(), password }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ME_KEY }),
    onError: () => setPassword(''),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate();
  };
  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Paper
        withBorder
        shadow="sm"
        p="xl"
        w={400}
        maw="100%"
        component="form"
        onSubmit={submit}
        data-testid="login-form"
      >
        <Stack>
          <PublicHeader subtitle={t('app.tagline')} />
          <Title order={4}>{t('login.title')}</Title>
          {login.isError && (
            <ProblemAlert
              error={isProblem(login.error, 401) ? new Error(t('login.badCredentials')) : login.error}
              title={t('login.failed')}
              testId="login-error"
            />
          )}
          <TextInput
            label={t('login.username')}
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value)}
            autoComplete="username"
            autoFocus
            required
            data-testid="login-username"
          />
          <PasswordInput
            label={t('login.password')}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            autoComplete="current-password"
            required
            data-testid="login-password"
          />
          <Button type="submit" loading={login.isPending} data-testid="login-submit">
            {t('login.submit')}
          </Button>
          <Text size="xs" c="dimmed" ta="center" component="footer">
            <Anchor component={Link} to="/verify" size="xs" data-testid="login-verify-link">
              {t('training.verify.loginLink')}
            </Anchor>
          </Text>
        </Stack>
      </Paper>
    </Center>
  );
}
