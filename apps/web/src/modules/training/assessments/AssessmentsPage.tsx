/** The assessments recorded (filter by learner and course) and "record an assessment" (training:assess). */
import { Button, Group, Modal, NativeSelect, Select, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useSession } from '../../../app/session';
import { EmptyHint, QueryView } from '../../../components/states';
import { useCourses } from '../catalogue/catalogue.api';
import { useLearners } from '../learners/learners.api';
import { AssessmentForm } from './AssessmentForm';
import { useAssessments } from './assessments.api';
import { AssessmentsTable } from './AssessmentsTable';

export function AssessmentsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const learnerId = params.get('learnerId') ?? '';
  const courseId = params.get('courseId') ?? '';
  const [recording, setRecording] = useState(false);
  const courses = useCourses('', true);
  const learners = useLearners();
  const query = useAssessments({ learnerId: learnerId || undefined, courseId: courseId || undefined });
  const setFilter = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  return (
    <Stack data-testid="assessments-page">
      <Group justify="space-between">
        <Title order={2}>{t('training.assessments.title')}</Title>
        {can('training:assess') && (
          <Button onClick={() => setRecording(true)} data-testid="assessment-new">
            {t('training.assessments.record')}
          </Button>
        )}
      </Group>
      <Group align="flex-end">
        <Select
          label={t('training.enroll.learner')}
          placeholder={t('training.learners.all')}
          data={(learners.data?.items ?? []).map((l) => ({ value: l.id, label: `${l.name} · ${l.institution}` }))}
          value={learnerId || null}
          onChange={(v) => setFilter('learnerId', v)}
          searchable
          clearable
          w={300}
          data-testid="assessments-learner-filter"
        />
        <NativeSelect
          label={t('training.sessions.course')}
          data={[
            { value: '', label: t('training.catalogue.allCourses') },
            ...(courses.data?.items ?? []).map((c) => ({ value: c.id, label: c.code })),
          ]}
          value={courseId}
          onChange={(e) => setFilter('courseId', e.currentTarget.value)}
          data-testid="assessments-course-filter"
        />
      </Group>
      <QueryView query={query}>
        {(data) =>
          data.items.length > 0 ? (
            <AssessmentsTable items={data.items} />
          ) : (
            <EmptyHint title={t('training.assessments.empty')} description={t('training.assessments.emptyHint')} />
          )
        }
      </QueryView>
      <Modal
        opened={recording}
        onClose={() => setRecording(false)}
        title={t('training.assessments.record')}
        size="xl"
        centered
      >
        <AssessmentForm />
      </Modal>
    </Stack>
  );
}
