/** Red alert showing an API problem: its detail (or title) and every field error the server named. */
import { Alert, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../api/client';

interface Props {
  error: unknown;
  title?: string;
  testId?: string;
}

/** The human-readable message of any error, falling back to a translated generic text. */
export function useProblemMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => {
    if (error instanceof ApiProblem) {
      if (error.status === 0) return t('errors.network');
      if (error.status === 403 && !error.detail) return t('errors.forbidden');
      return error.detail ?? error.title;
    }
    return error instanceof Error ? error.message : t('errors.unknown');
  };
}

export function ProblemAlert({ error, title, testId = 'problem-alert' }: Props) {
  const { t } = useTranslation();
  const message = useProblemMessage();
  if (!error) return null;
  const fieldErrors = error instanceof ApiProblem ? error.errors : [];
  // The server's title is English; the status names the kind of problem in the reader's language.
  const heading =
    title ??
    (error instanceof ApiProblem && error.status !== 0
      ? t(`errors.status.${error.status}`, { defaultValue: error.title })
      : t('errors.title'));
  return (
    <Alert color="red" variant="light" title={heading} data-testid={testId} role="alert">
      <Text size="sm">{message(error)}</Text>
      {fieldErrors.length > 0 && (
        <List size="sm" mt="xs" data-testid={`${testId}-fields`}>
          {fieldErrors.map((fe) => (
            <List.Item key={`${fe.path}:${fe.message}`}>
              <Text span fw={600} size="sm">
                {fieldLabel(fe.path) || t('errors.request')}
              </Text>
              {t('common.colon')}
              {fe.message}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

/** `body.collectedAt` or `/body/collectedAt` → `collectedAt`: the request part is noise to a person. */
function fieldLabel(path: string): string {
  return path.replace(/^\/?(body|query|params)[./]/, '').replace(/\//g, '.');
}

/** Field error for a form input, from the problem's `errors[]` entry whose path ends with `field`. */
export function fieldError(error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiProblem)) return undefined;
  const match = error.errors.find(
    (e) => e.path === field || e.path.endsWith(`/${field}`) || e.path.endsWith(`.${field}`),
  );
  return match?.message;
}
