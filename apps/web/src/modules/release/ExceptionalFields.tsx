/** The exceptional path's record: the treating physician's written request and the QP's justification. */
import { Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useTimeZone } from '../../app/session';
import { localInputToIso } from '../../lib/time';

export interface ExceptionalDraft {
  requestedBy: string;
  requestedAt: string;
  text: string;
  justification: string;
}

export const emptyExceptional: ExceptionalDraft = { requestedBy: '', requestedAt: '', text: '', justification: '' };

/** The request body part, or null while a field is missing. */
export function exceptionalBody(d: ExceptionalDraft, tz: string) {
  const requestedAt = localInputToIso(d.requestedAt, tz);
  if (!d.requestedBy.trim() || !requestedAt || !d.text.trim() || !d.justification.trim()) return null;
  return {
    physicianRequest: { requestedBy: d.requestedBy.trim(), requestedAt, text: d.text.trim() },
    justification: d.justification.trim(),
  };
}

export function ExceptionalFields({
  value,
  onChange,
}: {
  value: ExceptionalDraft;
  onChange: (v: ExceptionalDraft) => void;
}) {
  const { t } = useTranslation();
  const tz = useTimeZone();
  const set = (key: keyof ExceptionalDraft) => (e: { currentTarget: { value: string } }) =>
    onChange({ ...value, [key]: e.currentTarget.value });
  return (
    <Stack gap="xs" data-testid="exceptional-fields">
      <TextInput
        label={t('release.exceptional.requestedBy')}
        value={value.requestedBy}
        onChange={set('requestedBy')}
        required
        maxLength={200}
        data-testid="exceptional-requested-by"
      />
      <TextInput
        type="datetime-local"
        label={t('release.exceptional.requestedAt')}
        description={t('common.siteTime', { tz })}
        value={value.requestedAt}
        onChange={set('requestedAt')}
        required
        data-testid="exceptional-requested-at"
      />
      <Textarea
        label={t('release.exceptional.text')}
        value={value.text}
        onChange={set('text')}
        required

        rows={3}
        maxLength={4000}
        data-testid="exceptional-text"
      />
      <Textarea
        label={t('release.exceptional.justification')}
        value={value.justification}
        onChange={set('justification')}
        required

        rows={3}
        maxLength={4000}
        data-testid="exceptional-justification"
      />
    </Stack>
  );
}
