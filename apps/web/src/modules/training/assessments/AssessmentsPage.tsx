/** The assessments recorded (filter by learner and course) and "record an assessment" (training:assess). */
import { Group, Modal, Select, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/session';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyHint, QueryView } from '../../../components/states';
import { useUrlFilters } from '../../../lib/useUrlFilters';
import { CourseFilter } from '../common/CourseSelects';
import { useLearners } from '../learners/learners.api';
import { AssessmentForm } from './AssessmentForm';
import { useAssessments } from './assessments.api';
import { AssessmentsTable } from './AssessmentsTable';

export function AssessmentsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const { params, set: setFilter } = useUrlFilters();
  const learnerId = params.get('learnerId') ?? '';
  const courseId = params.get('courseId') ?? '';
  const [recording, setRecording] = useState(false);
  const learners = useLearners();
  const query = useAssessments({ learnerId: learnerId || undefined, courseId: courseId || undefined });
  return (
    <Stack data-testid="assessments-page">
      <PageHeader
        title={t('training.assessments.title')}
        action={
          can('training:assess') && {
            label: t('training.assessments.record'),
            onClick: () => setRecording(true),
            testId: 'assessment-new',
          }
        }
      />
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
        <CourseFilter value={courseId} onChange={(v) => setFilter('courseId', v)} testId="assessments-course-filter" />
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
