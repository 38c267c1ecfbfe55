/** One course: both titles, category, delivery, pass mark, validity, SOP, prerequisites; edit (training:write). */
import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../../app/session';
import { DateTime } from '../../../components/DateTime';
import { Field } from '../../../components/Field';
import { QueryView } from '../../../components/states';
import { CourseTitle, useIsChinese } from '../common/CourseTitle';
import type { Course } from '../training.types';
import { useCourse } from './catalogue.api';
import { CourseEditModal } from './CourseEditModal';
import { validityText } from './CoursesTable';

function CourseCard({ c }: { c: Course }) {
  const { t } = useTranslation();
  return (
    <Card withBorder>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Field label={t('training.course.category')} testId="course-category-value">
          {t(`training.category.${c.category}`, { defaultValue: c.category })}
        </Field>
        <Field label={t('training.course.deliveryMode')}>
          {t(`training.deliveryMode.${c.deliveryMode}`, { defaultValue: c.deliveryMode })}
        </Field>
        <Field label={t('training.course.duration')}>{t('training.course.hours', { count: c.durationHours })}</Field>
        <Field label={t('training.course.passMark')} testId="course-pass-mark-value">
          {c.passMark}
        </Field>
        <Field label={t('training.course.validity')} testId="course-validity-value">
          {validityText(t, c.validityMonths)}
        </Field>
        <Field label={t('training.course.assessment')}>
          {c.practical ? t('training.course.practicalRequired') : t('training.course.theoryRequired')}
        </Field>
        <Field label={t('training.course.sop')} mono testId="course-sop-value">
          {c.sopCode ? `${c.sopCode}${c.sopVersion ? ` v${c.sopVersion}` : ''}` : '—'}
        </Field>
        <Field label={t('common.createdAt')}>
          <DateTime value={c.createdAt} />
        </Field>
        {c.retiredAt && (
          <Field label={t('training.course.retiredAt')}>
            <DateTime value={c.retiredAt} />
          </Field>
        )}
      </SimpleGrid>
    </Card>
  );
}

function Prerequisites({ c }: { c: Course }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" data-testid="course-prerequisites-list">
      <Title order={4}>{t('training.course.prerequisites')}</Title>
      {c.prerequisites.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('training.course.noPrerequisites')}
        </Text>
      ) : (
        c.prerequisites.map((p) => (
          <Anchor key={p.id} component={Link} to={`/training/courses/${p.id}`} data-testid="course-prerequisite">
            <CourseTitle code={p.code} title={p.title} titleZh={p.titleZh} inline />
          </Anchor>
        ))
      )}
    </Stack>
  );
}

export function CourseDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { can } = useSession();
  const zh = useIsChinese();
  const query = useCourse(id);
  const [editing, setEditing] = useState(false);
  return (
    <Stack data-testid="course-detail">
      <Anchor component={Link} to="/training/courses" size="sm">
        ← {t('training.catalogue.title')}
      </Anchor>
      <QueryView query={query}>
        {(c) => (
          <Stack>
            <Group justify="space-between" align="flex-start">
              <div>
                <Group gap="xs">
                  <Text ff="monospace" fw={700} size="lg" data-testid="course-code-value">
                    {c.code}
                  </Text>
                  {c.retiredAt && <Badge color="gray">{t('training.course.retired')}</Badge>}
                </Group>
                <Title order={2} data-testid="course-title-main">
                  {zh && c.titleZh ? c.titleZh : c.title}
                </Title>
                <Text c="dimmed" size="sm" data-testid="course-title-secondary">
                  {zh ? c.title : c.titleZh || ''}
                </Text>
              </div>
              <Group>
                <Button component={Link} to={`/training/sessions?courseId=${c.id}`} variant="default">
                  {t('training.course.sessions')}
                </Button>
                {can('training:write') && (
                  <Button onClick={() => setEditing(true)} data-testid="course-edit">
                    {t('training.course.edit')}
                  </Button>
                )}
              </Group>
            </Group>
            <CourseCard c={c} />
            <Prerequisites c={c} />
            {can('training:write') && (
              <CourseEditModal
                key={`${c.id}:${c.sopVersion}:${c.title}`}
                course={c}
                opened={editing}
                onClose={() => setEditing(false)}
              />
            )}
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}
