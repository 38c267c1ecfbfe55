/** Loading, error and empty states, so no screen is ever blank. */
import { Button, Center, EmptyState, Group, Loader, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from './ProblemAlert';

export function PageLoader({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Center py="xl" data-testid="loading">
      <Group gap="sm">
        <Loader size="sm" />
        <Text c="dimmed">{label ?? t('common.loading')}</Text>
      </Group>
    </Center>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" data-testid="error-state">
      <ProblemAlert error={error} />
      {onRetry && (
        <Group>
          <Button variant="default" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

interface EmptyProps {
  title: string;
  description?: ReactNode;
  action?: ReactNode;
  testId?: string;
}

export function EmptyHint({ title, description, action, testId = 'empty-state' }: EmptyProps) {
  return (
    <EmptyState title={title} description={description} py="xl" data-testid={testId} icon={<Text fz={28}>∅</Text>}>
      {action && <EmptyState.Actions>{action}</EmptyState.Actions>}
    </EmptyState>
  );
}

/** Renders loading and error states of a query, and `children(data)` once it has data. */
export function QueryView<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}
