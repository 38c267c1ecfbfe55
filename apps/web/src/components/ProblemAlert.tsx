/**
 * Red alert showing an API problem: its detail (or title) and every field error the server named. Outside
 * English the message comes from the problem's code (see problemText.ts); the server's English text then
 * stays available as a tooltip, e.g. to quote it to support.
 */
import { Alert, List, Text } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem, type FieldError } from '../api/client';
import { translateFieldError, translateProblem } from './problemText';

interface Props {
  error: unknown;
  title?: string;
  testId?: string;
}

/** The human-readable message of any error, in the UI language where it can be, else the server's text. */
export function useProblemMessage(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  return (error) => {
    if (error instanceof ApiProblem) {
      if (error.status === 0) return t('errors.network');
      if (error.status === 403 && !error.detail) return t('errors.forbidden');
      return translateProblem(error, i18n) ?? error.detail ?? error.title;
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
  const text = message(error);
  const original = error instanceof ApiProblem ? error.detail : undefined;
  return (
    <Alert color="red" variant="light" title={heading} data-testid={testId} role="alert">
      <Text size="sm" title={original && original !== text ? original : undefined}>
        {text}
      </Text>
      {error instanceof ApiProblem && fieldErrors.length > 0 && (
        <List size="sm" mt="xs" data-testid={`${testId}-fields`}>
          {fieldErrors.map((fe) => (
            <List.Item key={`${fe.path}:${fe.message}`}>
              <Text span fw={600} size="sm">
                {fieldLabel(fe.path) || t('errors.request')}
              </Text>
              {t('common.colon')}
              <FieldErrorText problem={error} error={fe} />
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

/** One field error in the UI language; the server's English message is the tooltip of a translation. */
function FieldErrorText({ problem, error }: { problem: ApiProblem; error: FieldError }) {
  const { i18n } = useTranslation();
  const translated = translateFieldError(error, problem, i18n);
  if (!translated) return <>{error.message}</>;
  return (
    <span title={error.message} data-testid="field-error-text">
      {translated}
    </span>
  );
}

/** The field errors of one input, separated like a list in the UI language. */
function FieldErrorsText({ problem, errors }: { problem: ApiProblem; errors: FieldError[] }) {
  const { t } = useTranslation();
  return (
    <>
      {errors.map((fe, i) => (
        <Fragment key={`${i}:${fe.message}`}>
          {i > 0 && t('common.listSeparator')}
          <FieldErrorText problem={problem} error={fe} />
        </Fragment>
      ))}
    </>
  );
}

/** `body.collectedAt` or `/body/collectedAt` → `collectedAt`: the request part is noise to a person. */
function fieldLabel(path: string): string {
  return path.replace(/^\/?(body|query|params)[./]/, '').replace(/\//g, '.');
}

/**
 * Field error for a form input, from the problem's `errors[]` entries whose path ends with `field` (all of
 * them: a password can break several rules at once), in the UI language where a translation exists.
 */
export function fieldError(error: unknown, field: string): ReactNode | undefined {
  if (!(error instanceof ApiProblem)) return undefined;
  const matches = error.errors.filter(
    (e) => e.path === field || e.path.endsWith(`/${field}`) || e.path.endsWith(`.${field}`),
  );
  if (matches.length === 0) return undefined;
  return <FieldErrorsText problem={error} errors={matches} />;
}
