/** Coloured badges for the training statuses, worded in the UI language. */
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EffectiveQualificationStatus, EnrollmentStatus, GapReason, SessionStatus } from '../training.types';

const QUALIFICATION_COLORS: Record<EffectiveQualificationStatus, string> = {
  valid: 'teal',
  expired: 'red',
  suspended: 'yellow',
  revoked: 'red',
  requalification_required: 'orange',
  superseded: 'gray',
};

export function QualificationBadge({ status }: { status: EffectiveQualificationStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={QUALIFICATION_COLORS[status] ?? 'gray'}
      variant={status === 'revoked' ? 'filled' : 'light'}
      miw="max-content"
      data-testid="qualification-status"
      data-status={status}
    >
      {t(`training.qualificationStatus.${status}`, { defaultValue: status })}
    </Badge>
  );
}

const ENROLLMENT_COLORS: Record<EnrollmentStatus, string> = {
  enrolled: 'teal',
  waitlisted: 'yellow',
  cancelled: 'gray',
};

export function EnrollmentBadge({ status }: { status: EnrollmentStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={ENROLLMENT_COLORS[status] ?? 'gray'}
      variant="light"
      data-testid="enrollment-status"
      data-status={status}
    >
      {t(`training.enrollmentStatus.${status}`, { defaultValue: status })}
    </Badge>
  );
}

const SESSION_COLORS: Record<SessionStatus, string> = { scheduled: 'blue', completed: 'teal', cancelled: 'gray' };

export function SessionBadge({ status }: { status: SessionStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={SESSION_COLORS[status] ?? 'gray'} variant="light" data-testid="session-status" data-status={status}>
      {t(`training.sessionStatus.${status}`, { defaultValue: status })}
    </Badge>
  );
}

export function GapBadge({ reason }: { reason: GapReason }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={reason === 'missing' ? 'gray' : 'orange'}
      variant="light"
      data-testid="gap-reason"
      data-reason={reason}
    >
      {t(`training.gap.${reason}`, { defaultValue: reason })}
    </Badge>
  );
}

/** Attendance as taken: present or absent. */
export function AttendedBadge({ attended }: { attended: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge color={attended ? 'teal' : 'gray'} variant="light" data-testid="attended" data-attended={String(attended)}>
      {attended ? t('training.enroll.present') : t('training.enroll.absent')}
    </Badge>
  );
}

export function PassFailBadge({ passed, testId = 'pass-fail' }: { passed: boolean; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={passed ? 'teal' : 'red'} variant="filled" data-testid={testId} data-passed={String(passed)}>
      {passed ? t('training.assessments.pass') : t('training.assessments.fail')}
    </Badge>
  );
}
