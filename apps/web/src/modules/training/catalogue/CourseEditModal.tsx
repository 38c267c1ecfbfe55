/**
 * Edit a course (training:write) with a reason. A new SOP version may require requalification: then every
 * active qualification of the course becomes "requalification required" and stops counting as valid.
 */
import { Alert, Checkbox, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../../components/FormActions';
import { fieldError } from '../../../components/ProblemAlert';
import { ReasonField } from '../../../components/ReasonField';
import { TrainingProblemAlert } from '../common/TrainingProblemAlert';
import { useQualifications } from '../qualifications/qualifications.api';
import type { Course, CourseChange } from '../training.types';
import { useUpdateCourse } from './catalogue.api';
import { CourseTitleInputs, NeverExpiresCheckbox, PassMarkInput, ValidityInput } from './CourseFields';

function initial(c: Course) {
  return {
    title: c.title,
    titleZh: c.titleZh ?? '',
    passMark: c.passMark as number | string,
    validityMonths: (c.validityMonths ?? '') as number | string,
    neverExpires: c.validityMonths == null,
    sopVersion: c.sopVersion ?? '',
    requireRequalification: false,
    retired: !!c.retiredAt,
    reason: '',
  };
}

/** Only what changed is sent, with the reason. */
export function courseChange(c: Course, f: ReturnType<typeof initial>): CourseChange {
  const change: CourseChange = { reason: f.reason.trim() };
  if (f.title.trim() !== c.title) change.title = f.title.trim();
  if (f.titleZh.trim() !== (c.titleZh ?? '')) change.titleZh = f.titleZh.trim();
  if (Number(f.passMark) !== c.passMark) change.passMark = Number(f.passMark);
  const validity = f.neverExpires ? null : Number(f.validityMonths);
  if (validity !== c.validityMonths) change.validityMonths = validity;
  if (f.sopVersion.trim() !== (c.sopVersion ?? '')) {
    change.sopVersion = f.sopVersion.trim();
    change.requireRequalification = f.requireRequalification;
  }
  if (f.retired !== !!c.retiredAt) change.retired = f.retired;
  return change;
}

export function CourseEditModal({ course, opened, onClose }: { course: Course; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateCourse(course.id);
  const [f, setF] = useState(() => initial(course));
  const patch = (changed: Partial<ReturnType<typeof initial>>) => setF((prev) => ({ ...prev, ...changed }));
  const set = <K extends keyof ReturnType<typeof initial>>(key: K, value: ReturnType<typeof initial>[K]) =>
    patch({ [key]: value });
  const holders = useQualifications({ courseId: course.id }, opened);
  const valid = (holders.data?.items ?? []).filter((q) => q.status === 'active').length;
  const sopChanged = f.sopVersion.trim() !== (course.sopVersion ?? '');
  const change = courseChange(course, f);
  const nothingChanged = Object.keys(change).length === 1;

  const close = () => {
    update.reset();
    setF(initial(course));
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate(change, {
      onSuccess: (c) => {
        notifications.show({ color: 'teal', message: t('training.course.savedNotice', { code: c.code }) });
        setF(initial(c));
        onClose();
      },
    });
  };
  const err = update.error;
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('training.course.editTitle', { code: course.code })}
      centered
      size="lg"
    >
      <Stack component="form" onSubmit={submit} data-testid="course-edit-form">
        {err && <TrainingProblemAlert error={err} />}
        <CourseTitleInputs f={f} change={patch} error={err} testId="course-edit-" />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <PassMarkInput f={f} change={patch} error={err} testId="course-edit-" />
          <ValidityInput f={f} change={patch} error={err} testId="course-edit-" />
          <NeverExpiresCheckbox f={f} change={patch} testId="course-edit-" mt={30} />
        </SimpleGrid>
        <TextInput
          label={t('training.course.sopVersionNew', { code: course.sopCode ?? '—' })}
          description={t('training.course.sopVersionHint', { version: course.sopVersion ?? '—' })}
          value={f.sopVersion}
          onChange={(e) => set('sopVersion', e.currentTarget.value)}
          error={fieldError(err, 'sopVersion')}
          data-testid="course-edit-sop-version"
        />
        <Checkbox
          label={t('training.course.requireRequalification')}
          description={sopChanged ? undefined : t('training.course.requireRequalificationDisabled')}
          checked={sopChanged && f.requireRequalification}
          disabled={!sopChanged}
          onChange={(e) => set('requireRequalification', e.currentTarget.checked)}
          data-testid="course-edit-requalify"
        />
        {sopChanged && f.requireRequalification && (
          <Alert
            color="orange"
            variant="light"
            title={t('training.course.requalifyWarningTitle')}
            data-testid="requalify-warning"
          >
            <Text size="sm">{t('training.course.requalifyWarning', { count: valid, code: course.code })}</Text>
          </Alert>
        )}
        <Checkbox
          label={t('training.course.retire')}
          description={t('training.course.retireHint')}
          checked={f.retired}
          onChange={(e) => set('retired', e.currentTarget.checked)}
          data-testid="course-edit-retired"
        />
        <ReasonField value={f.reason} onChange={(v) => set('reason', v)} error={err} testId="course-edit-reason" />
        <FormActions
          onCancel={close}
          submitLabel={t('training.common.save')}
          color={sopChanged && f.requireRequalification ? 'orange' : undefined}
          loading={update.isPending}
          disabled={nothingChanged || !f.reason.trim()}
          testId="course-edit-submit"
        />
      </Stack>
    </Modal>
  );
}
