/** New course (training:write): code, titles, category, delivery, duration, pass mark, validity, SOP, prerequisites. */
import {
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../../components/FormActions';
import { fieldError } from '../../../components/ProblemAlert';
import { TrainingProblemAlert } from '../common/TrainingProblemAlert';
import {
  COURSE_CATEGORIES,
  DELIVERY_MODES,
  type CourseCategory,
  type DeliveryMode,
  type NewCourse,
} from '../training.types';
import { useCourses, useCreateCourse } from './catalogue.api';
import { CourseTitleInputs, NeverExpiresCheckbox, PassMarkInput, ValidityInput } from './CourseFields';

const EMPTY = {
  code: '',
  title: '',
  titleZh: '',
  category: '' as CourseCategory | '',
  deliveryMode: 'classroom' as DeliveryMode,
  durationHours: 1 as number | string,
  passMark: 80 as number | string,
  validityMonths: 24 as number | string,
  neverExpires: false,
  practical: false,
  sopCode: '',
  sopVersion: '',
  prerequisites: [] as string[],
};

export function CourseCreateModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateCourse();
  const courses = useCourses('', false);
  const [f, setF] = useState(EMPTY);
  const patch = (changed: Partial<typeof EMPTY>) => setF((prev) => ({ ...prev, ...changed }));
  const set = <K extends keyof typeof EMPTY>(key: K, value: (typeof EMPTY)[K]) => patch({ [key]: value });

  const close = () => {
    create.reset();
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!f.category) return;
    const body: NewCourse = {
      code: f.code.trim().toUpperCase(),
      title: f.title.trim(),
      category: f.category,
      deliveryMode: f.deliveryMode,
      durationHours: Number(f.durationHours),
      passMark: Number(f.passMark),
      validityMonths: f.neverExpires ? null : Number(f.validityMonths),
      practical: f.practical,
      prerequisites: f.prerequisites,
      ...(f.titleZh.trim() ? { titleZh: f.titleZh.trim() } : {}),
      ...(f.sopCode.trim() ? { sopCode: f.sopCode.trim() } : {}),
      ...(f.sopVersion.trim() ? { sopVersion: f.sopVersion.trim() } : {}),
    };
    create.mutate(body, {
      onSuccess: (course) => {
        notifications.show({ color: 'teal', message: t('training.catalogue.createdNotice', { code: course.code }) });
        setF(EMPTY);
        close();
      },
    });
  };
  const err = create.error;
  return (
    <Modal opened={opened} onClose={close} title={t('training.catalogue.newCourse')} centered size="lg">
      <Stack component="form" onSubmit={submit} data-testid="course-form">
        {err && <TrainingProblemAlert error={err} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('training.course.code')}
            description={t('training.course.codeHint')}
            value={f.code}
            onChange={(e) => set('code', e.currentTarget.value.toUpperCase())}
            required
            error={fieldError(err, 'code')}
            data-testid="course-code"
          />
          <NativeSelect
            label={t('training.course.category')}
            data={[
              { value: '', label: t('common.choose'), disabled: true },
              ...COURSE_CATEGORIES.map((c) => ({ value: c, label: t(`training.category.${c}`) })),
            ]}
            value={f.category}
            onChange={(e) => set('category', e.currentTarget.value as CourseCategory)}
            required
            error={fieldError(err, 'category')}
            data-testid="course-category"
          />
        </SimpleGrid>
        <CourseTitleInputs f={f} change={patch} error={err} testId="course-" />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NativeSelect
            label={t('training.course.deliveryMode')}
            data={DELIVERY_MODES.map((m) => ({ value: m, label: t(`training.deliveryMode.${m}`) }))}
            value={f.deliveryMode}
            onChange={(e) => set('deliveryMode', e.currentTarget.value as DeliveryMode)}
            data-testid="course-delivery"
          />
          <NumberInput
            label={t('training.course.durationHours')}
            value={f.durationHours}
            onChange={(v) => set('durationHours', v)}
            min={0.5}
            step={0.5}
            decimalScale={1}
            required
            error={fieldError(err, 'durationHours')}
            data-testid="course-duration"
          />
          <PassMarkInput f={f} change={patch} error={err} testId="course-" required />
        </SimpleGrid>
        <Group align="flex-end">
          <ValidityInput
            f={f}
            change={patch}
            error={err}
            testId="course-"
            required
            description={t('training.course.validityHint')}
          />
          <NeverExpiresCheckbox f={f} change={patch} testId="course-" mb={8} />
        </Group>
        <Checkbox
          label={t('training.course.practical')}
          description={t('training.course.practicalHint')}
          checked={f.practical}
          onChange={(e) => set('practical', e.currentTarget.checked)}
          data-testid="course-practical"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('training.course.sopCode')}
            value={f.sopCode}
            onChange={(e) => set('sopCode', e.currentTarget.value)}
            error={fieldError(err, 'sopCode')}
            data-testid="course-sop-code"
          />
          <TextInput
            label={t('training.course.sopVersion')}
            value={f.sopVersion}
            onChange={(e) => set('sopVersion', e.currentTarget.value)}
            error={fieldError(err, 'sopVersion')}
            data-testid="course-sop-version"
          />
        </SimpleGrid>
        <MultiSelect
          label={t('training.course.prerequisites')}
          data={(courses.data?.items ?? []).map((c) => ({ value: c.code, label: `${c.code} · ${c.title}` }))}
          value={f.prerequisites}
          onChange={(v) => set('prerequisites', v)}
          searchable
          clearable
          comboboxProps={{ withinPortal: false }}
          error={fieldError(err, 'prerequisites')}
          data-testid="course-prerequisites"
        />
        <FormActions
          onCancel={close}
          submitLabel={t('common.create')}
          loading={create.isPending}
          disabled={!f.category}
          testId="course-submit"
        />
      </Stack>
    </Modal>
  );
}
