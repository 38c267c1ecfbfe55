/** What recording an assessment achieved: pass or fail and, for a pass, the new qualification and its certificate. */
import { Alert, Anchor, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateOnly } from '../common/DateOnly';
import { certificateUrl } from '../qualifications/qualifications.api';
import type { RecordedAssessment } from './assessments.api';

export function AssessmentResult({ result }: { result: RecordedAssessment }) {
  const { t } = useTranslation();
  const q = result.qualification;
  return (
    <Alert
      color={result.passed ? 'teal' : 'red'}
      variant="light"
      title={result.passed ? t('training.assessments.recordedPass') : t('training.assessments.recordedFail')}
      data-testid="assessment-result"
      data-passed={String(result.passed)}
    >
      <Stack gap={4}>
        <Text size="sm">
          {result.learnerName} · {result.courseCode}
          {result.score != null &&
            ` · ${t('training.assessments.scoreValue', { score: result.score, passMark: result.passMark })}`}
        </Text>
        {q ? (
          <Group gap="xs">
            <Text size="sm" data-testid="assessment-qualification">
              {t('training.assessments.qualificationCreated')} <DateOnly value={q.validUntil} never />
            </Text>
            <Anchor href={certificateUrl(q.id)} download size="sm" data-testid="certificate-download">
              {t('training.qualifications.certificate')}
            </Anchor>
          </Group>
        ) : (
          result.passed && (
            <Text size="sm" c="dimmed">
              {t('training.assessments.noQualificationYet')}
            </Text>
          )
        )}
      </Stack>
    </Alert>
  );
}
