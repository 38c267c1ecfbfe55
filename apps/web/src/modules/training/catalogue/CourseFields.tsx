/**
 * The course fields the new-course and edit-course forms both carry (titles, pass mark, validity),
 * written once so that both forms label, bound and report them alike. Each form lays them out itself.
 */
import { Checkbox, NumberInput, TextInput, type CheckboxProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../../components/ProblemAlert';

/** The shared part of both forms' state; number inputs hold '' while empty. */
export interface CourseFieldValues {
  title: string;
  titleZh: string;
  passMark: number | string;
  validityMonths: number | string;
  neverExpires: boolean;
}

interface FieldProps {
  f: CourseFieldValues;
  /** Merges the changed field into the form's state (which holds more than these fields). */
  change: (patch: Partial<CourseFieldValues>) => void;
  /** The last failed request, for its field errors. */
  error: unknown;
  /** Prefix of the data-testids, e.g. "course-" or "course-edit-". */
  testId: string;
}

/** English and Chinese titles; the English one is required, the Chinese one falls back to it. */
export function CourseTitleInputs({ f, change, error, testId }: FieldProps) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        label={t('training.course.titleEn')}
        value={f.title}
        onChange={(e) => change({ title: e.currentTarget.value })}
        required
        error={fieldError(error, 'title')}
        data-testid={`${testId}title-en`}
      />
      <TextInput
        label={t('training.course.titleZh')}
        value={f.titleZh}
        onChange={(e) => change({ titleZh: e.currentTarget.value })}
        error={fieldError(error, 'titleZh')}
        data-testid={`${testId}title-zh`}
      />
    </>
  );
}

/** `required` on a new course, which must give it; an edit sends it only when changed. */
export function PassMarkInput({ f, change, error, testId, required }: FieldProps & { required?: boolean }) {
  const { t } = useTranslation();
  return (
    <NumberInput
      label={t('training.course.passMark')}
      value={f.passMark}
      onChange={(v) => change({ passMark: v })}
      min={0}
      max={100}
      allowDecimal={false}
      required={required}
      error={fieldError(error, 'passMark')}
      data-testid={`${testId}pass-mark`}
    />
  );
}

/** Requalification interval in months (1–120), empty and disabled while "does not expire" is ticked. */
export function ValidityInput({
  f,
  change,
  error,
  testId,
  required,
  description,
}: FieldProps & { required?: boolean; description?: string }) {
  const { t } = useTranslation();
  return (
    <NumberInput
      label={t('training.course.validityMonths')}
      description={description}
      value={f.neverExpires ? '' : f.validityMonths}
      onChange={(v) => change({ validityMonths: v })}
      min={1}
      max={120}
      allowDecimal={false}
      disabled={f.neverExpires}
      required={required && !f.neverExpires}
      error={fieldError(error, 'validityMonths')}
      data-testid={`${testId}validity`}
    />
  );
}

/** The "does not expire" box beside ValidityInput; margins line it up with the input in each layout. */
export function NeverExpiresCheckbox({
  f,
  change,
  testId,
  ...margins
}: Omit<FieldProps, 'error'> & Pick<CheckboxProps, 'mt' | 'mb'>) {
  const { t } = useTranslation();
  return (
    <Checkbox
      label={t('training.common.noExpiry')}
      checked={f.neverExpires}
      onChange={(e) => change({ neverExpires: e.currentTarget.checked })}
      {...margins}
      data-testid={`${testId}never-expires`}
    />
  );
}
