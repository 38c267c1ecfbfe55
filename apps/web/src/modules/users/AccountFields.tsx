/**
 * The username and initial password of a new login. Used where an account is made: the user
 * administration and a trainee login for an external learner; both are checked by the same server rules.
 */
import { PasswordInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../components/ProblemAlert';

interface InputProps {
  value: string;
  onChange: (value: string) => void;
  /** The last failed request, for its field errors. */
  error: unknown;
  testId: string;
}

export function UsernameInput({ value, onChange, error, testId }: InputProps) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={t('users.username')}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      // A new name: stops the browser filling in the signed-in person's own username.
      autoComplete="off"
      required
      error={fieldError(error, 'username')}
      data-testid={testId}
    />
  );
}

export function NewPasswordInput({ value, onChange, error, testId }: InputProps) {
  const { t } = useTranslation();
  return (
    <PasswordInput
      label={t('users.password')}
      description={t('users.passwordHint')}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      // Stops the browser filling in the signed-in person's own password; a manager may offer a new one.
      autoComplete="new-password"
      required
      error={fieldError(error, 'password')}
      data-testid={testId}
    />
  );
}
