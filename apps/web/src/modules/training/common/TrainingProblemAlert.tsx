/**
 * ProblemAlert for the training routes: outside English a `training.*` problem is worded from
 * `training.problems.<name>` (the server's English detail stays as tooltip); anything else as ProblemAlert does.
 */
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../../api/client';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { showsServerText } from '../../../components/problemText';

const placeholders = (s: string) => [...s.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1] ?? '');

/** The translated text of a training problem, or undefined to show the server's own words. */
export function useTrainingProblemText(): (error: unknown) => string | undefined {
  const { i18n } = useTranslation();
  return (error) => {
    if (!(error instanceof ApiProblem) || !error.code?.startsWith('training.') || showsServerText(i18n))
      return undefined;
    const key = `training.problems.${error.code.slice('training.'.length)}`;
    if (!/^[\w.]+$/.test(key) || !i18n.exists(key)) return undefined;
    const raw = i18n.getResource(i18n.resolvedLanguage ?? 'en', 'translation', key) as unknown;
    if (typeof raw !== 'string') return undefined;
    // A parameter the sentence needs is missing: better the server's own complete sentence.
    if (placeholders(raw).some((name) => error.params[name] === undefined)) return undefined;
    return i18n.t(key, { replace: error.params });
  };
}

export function TrainingProblemAlert({ error, testId = 'problem-alert' }: { error: unknown; testId?: string }) {
  const { t } = useTranslation();
  const text = useTrainingProblemText()(error);
  if (!error) return null;
  if (text === undefined || !(error instanceof ApiProblem)) return <ProblemAlert error={error} testId={testId} />;
  return (
    <div title={error.detail && error.detail !== text ? error.detail : undefined}>
      <ProblemAlert
        error={new Error(text)}
        title={t(`errors.status.${error.status}`, { defaultValue: error.title })}
        testId={testId}
      />
    </div>
  );
}
