/**
 * A release blocker in the reader's language: the server's English message in English, otherwise
 * `problems.<code>` filled with the blocker's params (a chain-of-identity reason worded too).
 */
import { useTranslation } from 'react-i18next';
import { showsServerText } from '../../components/problemText';
import type { Blocker } from './release.types';

export function useBlockerText(): (b: Blocker) => string {
  const { t, i18n } = useTranslation();
  return (b) => {
    if (showsServerText(i18n)) return b.message;
    const params = { ...b.params };
    if (typeof params.reason === 'string')
      params.reason = t(`release.chainReason.${params.reason}`, { defaultValue: params.reason });
    return t(`problems.${b.code}`, { replace: params, defaultValue: b.message });
  };
}
