/** The training record laid out for paper (A4): a print button on screen; on paper only the record. */
import './print.css';
import { Anchor, Button, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../../app/session';
import { DateTime } from '../../../components/DateTime';
import { QueryView } from '../../../components/states';
import { LearnerHeader } from './LearnerHeader';
import { useTrainingRecord } from './learners.api';
import { TrainingRecordView } from './TrainingRecordView';

export function LearnerPrintPage({ backTo }: { backTo?: string }) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { site, can } = useSession();
  const query = useTrainingRecord(id);
  const back = backTo ?? (can('training:read') ? `/training/learners/${id}` : '/training/me');
  return (
    <Stack className="training-print" data-testid="record-print-page" maw={1000}>
      <Group justify="space-between" className="training-no-print">
        <Anchor component={Link} to={back} size="sm">
          ← {t('training.record.back')}
        </Anchor>
        <Button onClick={() => window.print()} data-testid="record-print">
          {t('training.record.print')}
        </Button>
      </Group>
      <QueryView query={query}>
        {(record) => (
          <Stack gap="md">
            <div>
              <Title order={3}>{t('training.record.title')}</Title>
              <Text size="sm" c="dimmed">
                {site?.name ?? ''} · {t('training.record.printedAt')} <DateTime value={new Date().toISOString()} />
              </Text>
            </div>
            <LearnerHeader learner={record.learner} />
            <Divider />
            <TrainingRecordView record={record} printable />
          </Stack>
        )}
      </QueryView>
    </Stack>
  );
}
