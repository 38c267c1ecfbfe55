/**
 * Course pickers by id. A form offers the current courses, named by code and title in the reader's
 * language; a list filter offers every course, retired ones included, so old records can still be found.
 */
import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../../components/ProblemAlert';
import { useCourses } from '../catalogue/catalogue.api';
import { useCourseTitleText } from './CourseTitle';

export function CourseSelect({
  value,
  onChange,
  error,
  disabled,
  testId,
}: {
  value: string;
  onChange: (courseId: string) => void;
  /** The last failed request, for its `courseId` error. */
  error: unknown;
  disabled?: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  const titleOf = useCourseTitleText();
  const courses = useCourses('', false);
  return (
    <NativeSelect
      label={t('training.sessions.course')}
      data={[
        { value: '', label: t('common.choose'), disabled: true },
        ...(courses.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.code} · ${titleOf(c)}` })),
      ]}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      disabled={disabled}
      required
      error={fieldError(error, 'courseId')}
      data-testid={testId}
    />
  );
}

/** '' stands for "all courses". */
export function CourseFilter({
  value,
  onChange,
  testId,
}: {
  value: string;
  onChange: (courseId: string) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const courses = useCourses('', true);
  return (
    <NativeSelect
      label={t('training.sessions.course')}
      data={[
        { value: '', label: t('training.catalogue.allCourses') },
        ...(courses.data?.items ?? []).map((c) => ({ value: c.id, label: c.code })),
      ]}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      data-testid={testId}
    />
  );
}
