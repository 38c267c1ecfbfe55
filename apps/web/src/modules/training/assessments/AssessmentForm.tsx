/**
 * Record an assessment (training:assess). Theory: the score with the course's pass mark, pass or fail shown
 * live before saving. Practical: pass or fail, saved with the trainer's electronic signature.
 */
import {
  Badge,
  Button,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useTimeZone } from '../../../app/session';
import { fieldError } from '../../../components/ProblemAlert';
import { SignDialog } from '../../../components/SignDialog';
import { PRACTICAL_ASSESSMENT_MEANINGS } from '../../../components/signatureMeanings';
import { useNowInput } from '../../../lib/useNowInput';
import { useCourses } from '../catalogue/catalogue.api';
import { PassFailBadge } from '../common/badges';
import { CourseSelect } from '../common/CourseSelects';
import { TrainingProblemAlert } from '../common/TrainingProblemAlert';
import { useLearners } from '../learners/learners.api';
import { ASSESSMENT_KINDS, type AssessmentKind, type NewAssessment } from '../training.types';
import { AssessmentResult } from './AssessmentResult';
import { useRecordAssessment } from './assessments.api';
import { passes, readScore } from './passFail';

export interface AssessmentPreset {
  learnerId?: string;
  courseId?: string;
  sessionId?: string;
}

export function AssessmentForm({ preset = {}, onRecorded }: { preset?: AssessmentPreset; onRecorded?: () => void }) {
  const { t } = useTranslation();
  const tz = useTimeZone();
  const courses = useCourses('', false);
  const learners = useLearners();
  const record = useRecordAssessment();
  const assessedAt = useNowInput(tz);
  const [learnerId, setLearnerId] = useState<string | null>(preset.learnerId ?? null);
  const [courseId, setCourseId] = useState(preset.courseId ?? '');
  const [kindChoice, setKind] = useState<AssessmentKind | null>(null);
  const [score, setScore] = useState<number | string>('');
  const [passed, setPassed] = useState<'pass' | 'fail' | ''>('');
  const [notes, setNotes] = useState('');
  const [signing, setSigning] = useState(false);
  const course = courses.data?.items.find((c) => c.id === courseId);
  const kind: AssessmentKind = kindChoice ?? (course?.practical ? 'practical' : 'theory');
  const scoreValue = readScore(score);
  const live = course && scoreValue != null ? passes(scoreValue, course.passMark) : null;
  const when = assessedAt.toIso();
  const ready = !!learnerId && !!course && assessedAt.valid && (kind === 'theory' ? scoreValue != null : passed !== '');

  const body = (): NewAssessment => ({
    learnerId: learnerId ?? '',
    courseId,
    kind,
    assessedAt: assessedAt.toIso() ?? new Date().toISOString(),
    ...(preset.sessionId ? { sessionId: preset.sessionId } : {}),
    ...(kind === 'theory' ? { score: scoreValue ?? 0 } : { passed: passed === 'pass' }),
    ...(notes.trim() ? { notes: notes.trim() } : {}),
  });
  const done = () => {
    setScore('');
    setPassed('');
    setNotes('');
    assessedAt.reset();
    onRecorded?.();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!ready || !when) return;
    if (kind === 'practical') setSigning(true);
    else record.mutate(body(), { onSuccess: done });
  };
  const learnerName = learners.data?.items.find((l) => l.id === learnerId)?.name ?? '';
  const err = record.error;
  return (
    <Stack component="form" onSubmit={submit} data-testid="assessment-form">
      {record.data && !err && <AssessmentResult result={record.data} />}
      {err && !signing && <TrainingProblemAlert error={err} testId="assessment-error" />}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label={t('training.enroll.learner')}
          placeholder={t('training.enroll.searchPlaceholder')}
          data={(learners.data?.items ?? []).map((l) => ({ value: l.id, label: `${l.name} · ${l.institution}` }))}
          value={learnerId}
          onChange={setLearnerId}
          searchable
          disabled={!!preset.learnerId}
          required
          comboboxProps={{ withinPortal: false }}
          error={fieldError(err, 'learnerId')}
          data-testid="assessment-learner"
        />
        <CourseSelect
          value={courseId}
          onChange={(id) => {
            setCourseId(id);
            setKind(null);
          }}
          disabled={!!preset.courseId}
          error={err}
          testId="assessment-course"
        />
      </SimpleGrid>
      <Group align="flex-end">
        <div>
          <Text size="sm" fw={500} mb={4}>
            {t('training.assessments.kind')}
          </Text>
          <SegmentedControl
            value={kind}
            onChange={(v) => setKind(v as AssessmentKind)}
            data={ASSESSMENT_KINDS.map((k) => ({ value: k, label: t(`training.assessmentKind.${k}`) }))}
            data-testid="assessment-kind"
          />
        </div>
        <TextInput
          type="datetime-local"
          label={t('training.assessments.assessedAt')}
          description={t('common.siteTime', { tz })}
          value={assessedAt.value}
          onChange={(e) => assessedAt.set(e.currentTarget.value)}
          error={(assessedAt.valid ? undefined : t('common.invalidDateTime')) ?? fieldError(err, 'assessedAt')}
          data-testid="assessment-assessed-at"
        />
      </Group>
      {kind === 'theory' ? (
        <Group align="flex-end" gap="lg">
          <NumberInput
            label={t('training.assessments.score')}
            value={score}
            onChange={setScore}
            min={0}
            max={100}
            decimalScale={1}
            w={160}
            required
            error={fieldError(err, 'score')}
            data-testid="assessment-score"
          />
          <Text size="sm" mb={8} data-testid="assessment-pass-mark">
            {course
              ? t('training.assessments.passMarkIs', { passMark: course.passMark })
              : t('training.assessments.chooseCourse')}
          </Text>
          <div
            style={{ marginBottom: 6 }}
            data-testid="assessment-live"
            data-result={live == null ? '' : live ? 'pass' : 'fail'}
          >
            {live != null ? (
              <PassFailBadge passed={live} testId="assessment-live-result" />
            ) : (
              <Badge color="gray" variant="outline">
                —
              </Badge>
            )}
          </div>
        </Group>
      ) : (
        <div>
          <Text size="sm" fw={500} mb={4}>
            {t('training.assessments.result')}
          </Text>
          <SegmentedControl
            value={passed}
            onChange={(v) => setPassed(v as 'pass' | 'fail')}
            data={[
              { value: 'pass', label: t('training.assessments.pass') },
              { value: 'fail', label: t('training.assessments.fail') },
            ]}
            color={passed === 'fail' ? 'red' : 'teal'}
            data-testid="assessment-passed"
          />
          <Text size="xs" c="dimmed" mt={4}>
            {t('training.assessments.practicalHint')}
          </Text>
        </div>
      )}
      <Textarea
        label={t('training.assessments.notes')}
        value={notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
        autosize
        minRows={2}
        error={fieldError(err, 'notes')}
        data-testid="assessment-notes"
      />
      <Group justify="flex-end">
        <Button type="submit" disabled={!ready} loading={record.isPending && !signing} data-testid="assessment-submit">
          {kind === 'practical' ? t('training.assessments.signAndSave') : t('training.assessments.save')}
        </Button>
      </Group>
      <SignDialog
        opened={signing}
        onClose={() => setSigning(false)}
        record={
          <Text span>
            {t('training.assessments.signRecord', {
              course: course?.code ?? '',
              learner: learnerName,
              result: passed === 'pass' ? t('training.assessments.pass') : t('training.assessments.fail'),
            })}
          </Text>
        }
        meanings={PRACTICAL_ASSESSMENT_MEANINGS}
        onSign={(signature) => record.mutateAsync({ ...body(), signature }).then(done)}
      />
    </Stack>
  );
}
