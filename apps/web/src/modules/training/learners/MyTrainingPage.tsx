/**
 * "My training" for people who may only see their own record (`self`): once they are a learner, their
 * whole training record (qualifications, assessments, enrolments, curriculum gaps) with a printable view.
 */
import { Button, Group, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyHint, QueryView } from '../../../components/states';
import { useMyLearner, useTrainingRecord } from './learners.api';
import { TrainingRecordView } from './TrainingRecordView';

export function MyTrainingPage() {
  const { t } = useTranslation();
  const me = useMyLearner();
  const learnerId = me.data?.learner?.id;
  const record = useTrainingRecord(learnerId);
  return (
    <Stack data-testid="my-training-page">
      <Group justify="space-between">
        <Title order={2}>{t('training.mine.title')}</Title>
        {learnerId && (
          <Button
            component={Link}
            to={`/training/me/print/${learnerId}`}
            variant="default"
            data-testid="record-print-view"
          >
            {t('training.record.printView')}
          </Button>
        )}
      </Group>
      <QueryView query={me}>
        {(data) =>
          data.learner ? (
            <QueryView query={record}>{(r) => <TrainingRecordView record={r} />}</QueryView>
          ) : (
            <EmptyHint
              title={t('training.mine.empty')}
              description={t('training.mine.emptyHint')}
              testId="my-training-empty"
            />
          )
        }
      </QueryView>
    </Stack>
  );
}
