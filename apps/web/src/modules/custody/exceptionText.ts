/**
 * A logged refusal (custody exception) in the reader's language: its stored problem code and params
 * are worded like the refusal the person saw at the time; exceptions logged before codes were kept,
 * and codes without a translation, show the server's English detail.
 */
import type { i18n as I18n } from 'i18next';
import { ApiProblem } from '../../api/client';
import { translateProblem } from '../../components/problemText';

export interface LoggedRefusal {
  detail: string;
  code?: string | null;
  params?: Record<string, string> | null;
}

export function exceptionText(x: LoggedRefusal, i18n: I18n): string {
  if (!x.code) return x.detail;
  const problem = new ApiProblem(409, { detail: x.detail, code: x.code, params: x.params ?? {} });
  return translateProblem(problem, i18n) ?? x.detail;
}
