/**
 * A refusal of the manufacturing server said so the person at the tablet knows what is wrong and what to
 * do. A problem `code` worded under `mfg.refusal.<code>` gets a heading (qualification missing, lot not
 * released, equipment out of calibration, wrong step order…), the message filled from the problem's params,
 * the course, lot or equipment named in a badge, and the next action. English shows the server's own
 * sentence (it names the person and the course title); other languages show the translation with the
 * English as tooltip. A code worded under `mfg.problems.<code>` is shown as ProblemAlert shows problems,
 * in the reader's language; anything else falls back to ProblemAlert as it is.
 */
import { Alert, Badge, Group, Stack, Text } from '@mantine/core';
import type { i18n as I18n, TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../../api/client';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { showsServerText } from '../../../components/problemText';

const CODE = /^[a-z0-9_]+(\.[a-z0-9_]+)+$/;
const placeholders = (s: string) => [...s.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1] ?? '');

/** Param values that are codes of their own are worded too (a lot's reason, a status, a qualification state). */
function wordedParams(t: TFunction, code: string, params: Record<string, string | number>) {
  const out: Record<string, string | number> = { ...params };
  const word = (key: string, ns: string) => {
    const v = params[key];
    if (typeof v === 'string')
      out[key] = v
        .split(', ')
        .map((x) => t(`${ns}.${x}`, { defaultValue: x }))
        .join(t('common.listSeparator'));
  };
  word('reason', 'mfg.lotReason');
  word('state', 'mfg.qualificationState');
  word(
    'status',
    code.startsWith('room.') ? 'mfg.roomStatus' : code.startsWith('lot.') ? 'mfg.lotStatus' : 'mfg.equipmentStatus',
  );
  for (const key of ['type', 'expected', 'types']) word(key, 'mfg.equipmentType');
  return out;
}

/** The text at `key` filled with `values`, or undefined when it is missing or needs a value not sent. */
function fill(i18n: I18n, t: TFunction, key: string, values: Record<string, string | number>) {
  const template = i18n.getResource(i18n.resolvedLanguage ?? 'en', 'translation', key) as unknown;
  if (typeof template !== 'string') return undefined;
  if (placeholders(template).some((n) => values[n] === undefined)) return undefined;
  return t(key, { replace: values });
}

/** The badge to show: the course, lot or equipment the refusal is about. */
function subjectOf(problem: ApiProblem): { label: string; value: string } | null {
  const p = problem.params;
  const code = problem.code ?? '';
  const pick = (key: string, label: string) =>
    typeof p[key] === 'string' || typeof p[key] === 'number' ? { label, value: String(p[key]) } : null;
  return (
    pick('competency', 'course') ??
    pick('lotNumber', 'lot') ??
    (code.startsWith('equipment.') ? pick('code', 'equipment') : null) ??
    (code.startsWith('room.') ? pick('code', 'room') : null) ??
    pick('scannedDin', 'bag') ??
    pick('materials', 'material') ??
    pick('types', 'equipmentType')
  );
}

/** True when the problem has its own refusal wording (heading, message, next action). */
export function isRefusal(error: unknown, i18n: I18n): error is ApiProblem {
  return (
    error instanceof ApiProblem &&
    !!error.code &&
    CODE.test(error.code) &&
    i18n.exists(`mfg.refusal.${error.code}.title`)
  );
}

/** A known manufacturing problem in the reader's language, keeping the field errors. */
function TranslatedProblem({ error, testId }: { error: ApiProblem; testId: string }) {
  const { t, i18n } = useTranslation();
  const code = error.code ?? '';
  const text =
    showsServerText(i18n) || !CODE.test(code)
      ? undefined
      : fill(i18n, t, `mfg.problems.${code}`, wordedParams(t, code, error.params));
  if (!text) return <ProblemAlert error={error} testId={testId} />;
  const worded = new ApiProblem(error.status, {
    type: error.type,
    title: error.title,
    status: error.status,
    detail: text,
    errors: error.errors,
  });
  return (
    <div title={error.detail && error.detail !== text ? error.detail : undefined} data-code={code}>
      <ProblemAlert error={worded} testId={testId} />
    </div>
  );
}

export function RefusalAlert({ error, testId = 'refusal' }: { error: unknown; testId?: string }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  if (!isRefusal(error, i18n))
    return error instanceof ApiProblem ? (
      <TranslatedProblem error={error} testId={testId} />
    ) : (
      <ProblemAlert error={error} testId={testId} />
    );
  const code = error.code ?? '';
  const base = `mfg.refusal.${code}`;
  const translated = fill(i18n, t, `${base}.text`, wordedParams(t, code, error.params));
  const server = error.detail;
  const main = (showsServerText(i18n) ? server : undefined) ?? translated ?? server ?? error.title;
  const subject = subjectOf(error);
  return (
    <Alert
      color="red"
      variant="light"
      title={t(`${base}.title`)}
      data-testid={testId}
      data-code={code}
      role="alert"
      styles={{ title: { fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      <Stack gap="xs">
        <Text size="md" title={server && server !== main ? server : undefined} data-testid={`${testId}-text`}>
          {main}
        </Text>
        {subject && (
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              {t(`mfg.refusal.subject.${subject.label}`)}
            </Text>
            <Badge
              color="red"
              variant="outline"
              size="lg"
              ff="monospace"
              tt="none"
              data-testid={`${testId}-${subject.label}`}
            >
              {subject.value}
            </Badge>
          </Group>
        )}
        <Text size="sm" fw={600} data-testid={`${testId}-todo`}>
          {t(`${base}.todo`)}
        </Text>
      </Stack>
    </Alert>
  );
}
