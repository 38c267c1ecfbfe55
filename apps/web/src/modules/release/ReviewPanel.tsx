/**
 * The QA review: who reviewed and their signature, or — for a QA reviewer, once the batch is completed —
 * a comment and the signed review. The record and audit trail to read first are on the next tab.
 */
import { Alert, Button, Card, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { DateTime } from '../../components/DateTime';
import { SignDialog } from '../../components/SignDialog';
import { SignaturesList } from '../../components/SignaturesList';
import { BATCH_REVIEW_MEANINGS } from '../../components/signatureMeanings';
import { RefusalAlert } from '../manufacturing/common/RefusalAlert';
import { useSignFlow } from '../manufacturing/common/useSignFlow';
import { useReview } from './release.api';
import type { ReleaseCheck } from './release.types';

export function ReviewPanel({ check }: { check: ReleaseCheck }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const review = useReview(check.batchId);
  const flow = useSignFlow();
  const [comment, setComment] = useState('');
  if (check.review) {
    return (
      <Card withBorder data-testid="review-panel">
        <Stack gap="xs">
          <Title order={4}>{t('release.review.title')}</Title>
          <Text size="sm" data-testid="review-done">
            {t('release.check.reviewedBy', { name: check.review.reviewer.name })} ·{' '}
            <DateTime value={check.review.reviewedAt} />
          </Text>
          {check.review.comment && <Text size="sm">{check.review.comment}</Text>}
          <SignaturesList signatures={check.review.signatures} testId="review-signatures" />
        </Stack>
      </Card>
    );
  }
  if (!can('batches:review') || check.status !== 'completed') {
    return (
      <Alert color="yellow" variant="light" data-testid="review-awaiting">
        {t('release.review.awaiting')}
      </Alert>
    );
  }
  return (
    <Card withBorder data-testid="review-panel">
      <Stack>
        <Title order={4}>{t('release.review.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('release.review.hint')}
        </Text>
        <RefusalAlert error={flow.refusal} testId="review-error" />
        <Textarea
          label={t('release.review.comment')}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          maxLength={2000}

          rows={3}
          data-testid="review-comment"
        />
        <Button onClick={flow.open} data-testid="review-sign" w="fit-content">
          {t('release.review.sign')}
        </Button>
        <SignDialog
          key={flow.dialogKey}
          opened={flow.opened}
          onClose={flow.close}
          record={t('release.review.record', { batch: check.batchNumber })}
          meanings={BATCH_REVIEW_MEANINGS}
          onSign={(signature) =>
            flow.sign(() => review.mutateAsync({ signature, ...(comment.trim() ? { comment: comment.trim() } : {}) }))
          }
        />
      </Stack>
    </Card>
  );
}
