/** A learner and their training record; print, give a trainee login (users:write), record an assessment. */
import { Anchor, Button, Group, Modal, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../../app/session';
import { QueryView } from '../../../components/states';
import { AssessmentForm } from '../assessments/AssessmentForm';
import { QualificationActionModal } from '../qualifications/QualificationActionModal';
import type { QualificationAction } from '../qualifications/qualifications.api';
import type { Qualification } from '../training.types';
import { LearnerAccountModal } from './LearnerAccountModal';
import { LearnerHeader } from './LearnerHeader';
import { useTrainingRecord } from './learners.api';
import { TrainingRecordView } from './TrainingRecordView';

export function LearnerDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { can } = useSession();
  const query = useTrainingRecord(id);
  const [giving, setGiving] = useState(false);
  const [assessing, setAssessing] = useState(false);
  const [acting, setActing] = useState<{ q: Qualification; action: QualificationAction } | null>(null);
  return (
    <Stack data-testid="learner-detail">
      <Anchor component={Link} to="/training/learners" size="sm">
        ← {t('training.learners.title')}
      </Anchor>
      <QueryView query={query}>
        {(record) => (
          <Stack>
            <Group justify="space-between" align="flex-start">
              <LearnerHeader learner={record.learner} />
              <Group>
                <Button
                  component={Link}
                  to={`/training/learners/${id}/print`}
                  variant="default"
                  data-testid="record-print-view"
                >
                  {t('training.record.printView')}
                </Button>
                {can('users:write') && !record.learner.userId && (
                  <Button variant="light" onClick={() => setGiving(true)} data-testid="learner-give-login">
                    {t('training.learners.giveLogin')}
                  </Button>
                )}
                {can('training:assess') && (
                  <Button onClick={() => setAssessing(true)} data-testid="learner-assess">
                    {t('training.assessments.record')}
                  </Button>
                )}
              </Group>
            </Group>
            <TrainingRecordView
              record={record}
              onAction={can('training:assess') ? (q, action) => setActing({ q, action }) : undefined}
            />
            {can('users:write') && (
              <LearnerAccountModal learner={record.learner} opened={giving} onClose={() => setGiving(false)} />
            )}
            <Modal
              opened={assessing}
              onClose={() => setAssessing(false)}
              title={t('training.assessments.recordFor', { name: record.learner.name })}
              size="xl"
              centered
            >
              <AssessmentForm preset={{ learnerId: record.learner.id }} />
            </Modal>
            {acting && (
              <QualificationActionModal
                qualification={acting.q}
                action={acting.action}
                onClose={() => setActing(null)}
              />
            )}
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}
