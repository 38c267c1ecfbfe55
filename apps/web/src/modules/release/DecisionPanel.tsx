/**
 * The QP's decision: release, conditional release (naming the treating physician to be told of a late
 * failing result) or reject, signed. An out-of-specification product offers the exceptional path when
 * nothing else blocks its release. The server re-checks everything and names each blocker if refused.
 */
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTimeZone } from '../../app/session';
import { SignDialog } from '../../components/SignDialog';
import { RELEASE_DECISION_MEANINGS } from '../../components/signatureMeanings';
import { RefusalAlert } from '../manufacturing/common/RefusalAlert';
import { useSignFlow } from '../manufacturing/common/useSignFlow';
import { ExceptionalFields, emptyExceptional, exceptionalBody } from './ExceptionalFields';
import { useCertify, usePhysicians } from './release.api';
import { RELEASE_DECISIONS, type CertifyBody, type ReleaseCheck, type ReleaseDecision } from './release.types';

const OOS = 'release.out_of_specification';

/** The exceptional path applies when out of specification is all that stands in the way of a release. */
export function exceptionalAvailable(check: ReleaseCheck): boolean {
  const blockers = check.decisions.release.blockers;
  return blockers.length > 0 && blockers.every((b) => b.code === OOS);
}

export function DecisionPanel({ check }: { check: ReleaseCheck }) {
  const { t } = useTranslation();
  const tz = useTimeZone();
  const flow = useSignFlow();
  const certify = useCertify(check.batchId);
  const [decision, setDecision] = useState<ReleaseDecision>('release');
  const [physicianId, setPhysicianId] = useState('');
  const [comment, setComment] = useState('');
  const [exceptional, setExceptional] = useState(false);
  const [draft, setDraft] = useState(emptyExceptional);
  const physicians = usePhysicians(decision === 'conditional_release');
  const useExceptional = decision === 'release' && exceptional && exceptionalAvailable(check);
  const exceptionalPart = useExceptional ? exceptionalBody(draft, tz) : null;
  const ready =
    (check.decisions[decision].allowed || useExceptional) &&
    (decision !== 'conditional_release' || !!physicianId) &&
    (!useExceptional || !!exceptionalPart);

  const body = (signature: CertifyBody['signature']): CertifyBody => ({
    decision,
    signature,
    ...(decision === 'conditional_release' ? { treatingPhysicianId: physicianId } : {}),
    ...(exceptionalPart ? { exceptional: exceptionalPart } : {}),
    ...(comment.trim() ? { comment: comment.trim() } : {}),
  });

  return (
    <Card withBorder data-testid="decision-panel">
      <Stack>
        <Title order={4}>{t('release.decide.title')}</Title>
        <RefusalAlert error={flow.refusal} testId="decision-error" />
        <SegmentedControl
          value={decision}
          onChange={(v) => setDecision(v as ReleaseDecision)}
          data={RELEASE_DECISIONS.map((d) => ({ value: d, label: t(`release.decision.${d}`) }))}
          data-testid="decision-choice"
        />
        {decision === 'conditional_release' && (
          <NativeSelect
            label={t('release.decide.physician')}
            description={t('release.decide.physicianHint')}
            value={physicianId}
            onChange={(e) => setPhysicianId(e.currentTarget.value)}
            data={[
              { value: '', label: t('release.decide.choosePhysician') },
              ...(physicians.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name} (${p.username})` })),
            ]}
            required
            data-testid="decision-physician"
          />
        )}
        {decision === 'release' && exceptionalAvailable(check) && (
          <Alert color="red" variant="light" data-testid="exceptional-path">
            <Stack gap="xs">
              <Text size="sm">{t('release.exceptional.hint', { tests: check.qc.outOfSpecification.join(', ') })}</Text>
              <Checkbox
                label={t('release.exceptional.use')}
                checked={exceptional}
                onChange={(e) => setExceptional(e.currentTarget.checked)}
                data-testid="exceptional-toggle"
              />
              {exceptional && <ExceptionalFields value={draft} onChange={setDraft} />}
            </Stack>
          </Alert>
        )}
        <Textarea
          label={t('release.decide.comment')}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}

          rows={3}
          maxLength={2000}
          data-testid="decision-comment"
        />
        <Group>
          <Button
            color={decision === 'reject' ? 'red' : 'teal'}
            onClick={flow.open}
            disabled={!ready}
            data-testid="decision-sign"
          >
            {t(`release.decide.sign.${decision}`)}
          </Button>
          {!check.decisions[decision].allowed && !useExceptional && (
            <Text size="sm" c="red">
              {t('release.decide.blocked')}
            </Text>
          )}
        </Group>
        <SignDialog
          key={flow.dialogKey}
          opened={flow.opened}
          onClose={flow.close}
          record={t(`release.decide.record.${decision}`, { batch: check.batchNumber })}
          meanings={RELEASE_DECISION_MEANINGS[decision]}
          onSign={(signature) => flow.sign(() => certify.mutateAsync(body(signature)))}
        />
      </Stack>
    </Card>
  );
}
