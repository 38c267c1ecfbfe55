/**
 * Server problems in the reader's language. The server's `detail` and field `message`s are English and
 * authoritative; in English they are shown as sent. In another language a problem is shown from its `code`
 * (`problems.<code>`, filled with the problem's `params`) and a field error from its `code` (Zod's issue
 * kinds) or one of the few English messages the server words itself. Whatever has no translation stays in
 * the server's English, so nothing is ever hidden.
 */
import type { i18n as I18n } from 'i18next';
import type { ApiProblem, FieldError } from '../api/client';

type Values = Record<string, string | number>;

/** Codes are dotted snake/kebab names; anything else is not looked up. */
const CODE = /^[a-z0-9_-]+(\.[a-z0-9_-]+)*$/i;

/** The English messages the server writes itself (not Zod's), mapped to `problems.field.<key>`. */
const KNOWN_FIELD_MESSAGES: ReadonlyArray<[RegExp, string, (m: RegExpExecArray) => Values]> = [
  [/^must be at least (\d+) characters long$/i, 'passwordTooShort', (m) => ({ min: m[1] ?? '' })],
  [/^must be at most (\d+) characters long$/i, 'passwordTooLong', (m) => ({ max: m[1] ?? '' })],
  [/^must mix at least three of: lower-case, upper-case, digits, symbols$/i, 'passwordClasses', () => ({})],
  [/^must not contain the username$/i, 'passwordUsername', () => ({})],
  [/^must not be in the future$/i, 'notInFuture', () => ({})],
  [/^must be after the order was created$/i, 'afterOrder', () => ({})],
  [/^must be after the collection time$/i, 'afterCollection', () => ({})],
  [/^unknown time zone$/i, 'unknownTimeZone', () => ({})],
  [/^required$/i, 'required', () => ({})],
  [/^the birth date must be between 1900 and today$/i, 'birthDateRange', () => ({})],
];

function language(i18n: I18n): string {
  return i18n.resolvedLanguage ?? i18n.language ?? 'en';
}

/** English is the server's language: its text is shown unchanged. */
export function showsServerText(i18n: I18n): boolean {
  return language(i18n).toLowerCase().startsWith('en');
}

const placeholders = (s: string) => [...s.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1] ?? '');

/**
 * The UI language's translation at `key` filled with `values`; undefined when the key is missing, is not a
 * sentence (a group of keys), or needs a value the problem did not send.
 */
function translate(i18n: I18n, key: string, values: Values = {}): string | undefined {
  if (!i18n.exists(key)) return undefined;
  const template: unknown = i18n.getResource(language(i18n), 'translation', key);
  if (typeof template !== 'string') return undefined;
  if (placeholders(template).some((name) => values[name] === undefined)) return undefined;
  // `replace` keeps server parameters apart from i18next's own options (count, context, lng…).
  return i18n.t(key, { replace: values });
}

/** `not-found` names what is missing in English ("Patient", "A collection with DIN …"). */
function notFoundText(problem: ApiProblem, i18n: I18n): string | undefined {
  const what = problem.params.what;
  if (typeof what === 'string') {
    const din = /^A collection with DIN (\S+)$/i.exec(what.trim());
    if (din) return translate(i18n, 'problems.not-found.collectionDin', { din: din[1] ?? '' });
    const noun = what.trim().toLowerCase();
    const named = /^[a-z_]+$/.test(noun) ? translate(i18n, `problems.not-found.what.${noun}`) : undefined;
    if (named) return translate(i18n, 'problems.not-found.named', { what: named });
  }
  return translate(i18n, 'problems.not-found.record');
}

/** The problem in the UI language, or undefined when the server's `detail` is to be shown. */
export function translateProblem(problem: ApiProblem, i18n: I18n): string | undefined {
  const code = problem.code;
  if (showsServerText(i18n) || !code || !CODE.test(code)) return undefined;
  if (code === 'not-found') return notFoundText(problem, i18n);
  const values: Values = { ...problem.params };
  if (problem.requestId) values.requestId = problem.requestId;
  return translate(i18n, `problems.${code}`, values);
}

/** A field error in the UI language, or undefined when the server's `message` is to be shown. */
export function translateFieldError(fieldError: FieldError, problem: ApiProblem, i18n: I18n): string | undefined {
  if (showsServerText(i18n)) return undefined;
  const message = fieldError.message.trim();
  for (const [pattern, key, values] of KNOWN_FIELD_MESSAGES) {
    const match = pattern.exec(message);
    if (match) return translate(i18n, `problems.field.${key}`, values(match));
  }
  const code = fieldError.code;
  // A `custom` issue carries its own wording (e.g. why a DIN is invalid): better the exact English text.
  if (code && code !== 'custom' && CODE.test(code)) {
    const generic = translate(i18n, `problems.field.code.${code}`);
    if (generic) return generic;
  }
  // Some problems repeat their detail on the field (e.g. an unreadable scan): say it as the problem.
  if (message === problem.detail?.trim()) return translateProblem(problem, i18n);
  return undefined;
}
