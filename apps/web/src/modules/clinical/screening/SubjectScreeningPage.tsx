/**
 * One subject's screening: who and where in the study, the screening data form, the eligibility per criterion,
 * the investigator's signed waiver of a failing criterion, the consent, and the outcome: enroll (the subject
 * number and the arm once assigned) or a screen failure with its reason. Refusals are shown in the reader's
 * language (ProblemAlert translates their codes).
 */
import { Alert, Anchor, Button, Group, Modal, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../../app/session';
import { DateTime } from '../../../components/DateTime';
import { Field } from '../../../components/Field';
import { FormActions } from '../../../components/FormActions';
import { PageHeader } from '../../../components/PageHeader';
import { ProblemAlert, fieldError } from '../../../components/ProblemAlert';
import { SignDialog } from '../../../components/SignDialog';
import { QueryView } from '../../../components/states';
import { ConsentPanel } from '../consent/ConsentPanel';
import { StatusBadge, SUBJECT_TONE } from '../StatusBadge';
import { useLabAnalytes, useProtocol } from '../setup/setup.api';
import { EligibilityView } from './EligibilityView';
import { ScreeningDataForm } from './ScreeningDataForm';
import { useEligibility, useEnroll, useScreenFailure, useSubjectDetail, useWaive } from './screening.api';
import type { CriterionEvaluation, SubjectDetail } from './screening.types';

export function SubjectScreeningPage() {
  const { id = '' } = useParams();
  const query = useSubjectDetail(id);
  return <QueryView query={query}>{(subject) => <SubjectScreening subject={subject} />}</QueryView>;
}

function SubjectScreening({ subject }: { subject: SubjectDetail }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const protocol = useProtocol(subject.protocolVersionId);
  const analytes = useLabAnalytes();
  const eligibility = useEligibility(subject.id);
  const [waiving, setWaiving] = useState<CriterionEvaluation | null>(null);
  const screening = subject.status === 'screening';
  return (
    <Stack data-testid="subject-screening-page" data-status={subject.status}>
      <PageHeader title={t('clinical.screening.subjectTitle', { number: subject.subjectNumber ?? subject.screeningNumber })} />
      <Group>
        <Anchor component={Link} to={`/clinical/studies/${subject.studyId}/screening`} size="sm">
          {t('clinical.setup.studies.screeningLog')}
        </Anchor>
        <Anchor component={Link} to={`/clinical/subjects/${subject.id}`} size="sm">
          {t('clinical.common.subject')}
        </Anchor>
      </Group>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <Field label={t('clinical.screening.log.screeningNumber')} mono>
            {subject.screeningNumber}
          </Field>
          <Field label={t('clinical.screening.log.patient')}>
            {[subject.patientCode, subject.patientName, subject.mrn].filter(Boolean).join(' · ')}
          </Field>
          <Field label={t('clinical.screening.log.screenedAt')}>
            <DateTime value={subject.screenedAt} />
          </Field>
          <Field label={t('clinical.screening.log.status')}>
            <StatusBadge tone={SUBJECT_TONE[subject.status] ?? 'neutral'} testId="subject-status">
              {t(`clinical.common.subjectStatus.${subject.status}`)}
            </StatusBadge>
          </Field>
        </SimpleGrid>
      </Paper>
      {subject.status === 'enrolled' && <Enrolled subject={subject} />}
      {subject.status === 'screen_failed' && (
        <Alert color="red.9" variant="light" title={t('clinical.screening.failure.recorded')} data-testid="screen-failed">
          <Text size="sm">{subject.screenFailureReason}</Text>
        </Alert>
      )}
      {screening && can('clinical:write') && (
        <QueryView query={protocol}>
          {(p) => (
            <ScreeningDataForm
              key={JSON.stringify(subject.screeningData ?? {})}
              subjectId={subject.id}
              protocol={p}
              data={subject.screeningData}
              analytes={analytes.data?.items ?? []}
            />
          )}
        </QueryView>
      )}
      <Paper withBorder p="md">
        <Title order={4} mb="sm">
          {t('clinical.screening.eligibility.title')}
        </Title>
        <QueryView query={eligibility}>
          {(e) => (
            <EligibilityView
              eligibility={e}
              onWaive={screening && can('clinical:investigate') ? setWaiving : undefined}
            />
          )}
        </QueryView>
        {subject.waivers.length > 0 && (
          <Stack gap={4} mt="sm" data-testid="waivers">
            <Text size="sm" fw={600}>
              {t('clinical.screening.waiver.list')}
            </Text>
            {subject.waivers.map((w) => (
              <Text size="sm" key={w.id}>
                {t('clinical.screening.waiver.line', { code: w.criterionCode, by: w.signedBy, reason: w.reason })}{' '}
                (<DateTime value={w.createdAt} withZone={false} />)
              </Text>
            ))}
          </Stack>
        )}
      </Paper>
      <Paper withBorder p="md">
        <ConsentPanel subjectId={subject.id} />
      </Paper>
      {screening && can('clinical:write') && <Outcome subject={subject} />}
      {waiving && <WaiverDialog subjectId={subject.id} criterion={waiving} onClose={() => setWaiving(null)} />}
    </Stack>
  );
}

function Enrolled({ subject }: { subject: SubjectDetail }) {
  const { t } = useTranslation();
  return (
    <Alert color="teal.9" variant="light" title={t('clinical.screening.enroll.done')} data-testid="enrolled">
      <Group gap="xl">
        <Field label={t('clinical.screening.enroll.subjectNumber')} mono testId="enrolled-subject-number">
          {subject.subjectNumber}
        </Field>
        <Field label={t('clinical.screening.enroll.arm')} testId="enrolled-arm">
          {subject.armCode ?? t('clinical.screening.enroll.singleArm')}
        </Field>
        <Field label={t('clinical.screening.enroll.enrolledAt')}>
          <DateTime value={subject.enrolledAt} />
        </Field>
      </Group>
    </Alert>
  );
}

function Outcome({ subject }: { subject: SubjectDetail }) {
  const { t } = useTranslation();
  const enroll = useEnroll(subject.id);
  const [failing, setFailing] = useState(false);
  return (
    <Paper withBorder p="md" data-testid="screening-outcome">
      <Stack gap="sm">
        <Title order={4}>{t('clinical.screening.outcome')}</Title>
        <Text size="sm">{t('clinical.screening.enroll.hint')}</Text>
        <ProblemAlert error={enroll.error} testId="enroll-error" />
        <Group>
          <Button onClick={() => enroll.mutate({})} loading={enroll.isPending} data-testid="enroll">
            {t('clinical.screening.enroll.action')}
          </Button>
          <Button variant="default" onClick={() => setFailing(true)} data-testid="screen-failure">
            {t('clinical.screening.failure.action')}
          </Button>
        </Group>
      </Stack>
      <ScreenFailureModal subjectId={subject.id} opened={failing} onClose={() => setFailing(false)} />
    </Paper>
  );
}

function ScreenFailureModal({ subjectId, opened, onClose }: { subjectId: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const fail = useScreenFailure(subjectId);
  const [reason, setReason] = useState('');
  const close = () => {
    fail.reset();
    setReason('');
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    fail.mutate(reason.trim(), { onSuccess: close });
  };
  return (
    <Modal opened={opened} onClose={close} title={t('clinical.screening.failure.title')} centered>
      <Stack component="form" onSubmit={submit} data-testid="screen-failure-form">
        <ProblemAlert error={fail.error} />
        <Textarea
          label={t('clinical.screening.failure.reason')}
          description={t('clinical.screening.failure.reasonHint')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          required
          autosize
          minRows={2}
          error={fieldError(fail.error, 'reason')}
          data-testid="screen-failure-reason"
        />
        <FormActions
          onCancel={close}
          submitLabel={t('clinical.screening.failure.submit')}
          loading={fail.isPending}
          disabled={!reason.trim()}
          color="red.9"
          testId="screen-failure-submit"
        />
      </Stack>
    </Modal>
  );
}

/** The investigator's waiver of a failing criterion: the reason, then the signature. */
function WaiverDialog({ subjectId, criterion, onClose }: { subjectId: string; criterion: CriterionEvaluation; onClose: () => void }) {
  const { t } = useTranslation();
  const waive = useWaive(subjectId);
  const [reason, setReason] = useState('');
  const [signing, setSigning] = useState(false);
  return (
    <>
      <Modal opened={!signing} onClose={onClose} title={t('clinical.screening.waiver.title', { code: criterion.code })} centered>
        <Stack
          component="form"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            if (reason.trim()) setSigning(true);
          }}
          data-testid="waiver-form"
        >
          <Text size="sm">{criterion.text}</Text>
          <Text size="sm">{t('clinical.screening.waiver.hint')}</Text>
          <ProblemAlert error={waive.error} testId="waiver-error" />
          <Textarea
            label={t('clinical.screening.waiver.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            required
            autosize
            minRows={2}
            error={fieldError(waive.error, 'reason')}
            data-testid="waiver-reason"
          />
          <FormActions
            onCancel={onClose}
            submitLabel={t('clinical.screening.waiver.sign')}
            loading={false}
            disabled={!reason.trim()}
            testId="waiver-next"
          />
        </Stack>
      </Modal>
      <SignDialog
        opened={signing}
        onClose={() => setSigning(false)}
        record={t('clinical.screening.waiver.record', { code: criterion.code, text: criterion.text })}
        meanings={['eligibilityWaived']}
        onSign={async (signature) => {
          await waive.mutateAsync({ criterionId: criterion.criterionId, reason: reason.trim(), signature });
          onClose();
        }}
      />
    </>
  );
}
