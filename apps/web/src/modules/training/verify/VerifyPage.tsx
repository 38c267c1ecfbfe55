/**
 * Public certificate verification (no login, outside the app shell): type or follow a code; the answer says in
 * green that the certificate is genuine and current, or in red that it is not current or not known at all.
 */
import { Alert, Anchor, Button, Center, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isProblem } from '../../../api/client';
import { PublicHeader } from '../../../app/PublicHeader';
import { Field } from '../../../components/Field';
import { ErrorState, PageLoader } from '../../../components/states';
import { formatDateTime } from '../../../lib/time';
import { QualificationBadge } from '../common/badges';
import { CourseTitle } from '../common/CourseTitle';
import { localDay } from '../common/trainingTime';
import type { Verification } from '../training.types';
import { normaliseCode, useVerification } from './verify.api';

/** Dates on the public page are read in the viewer's own zone (there is no signed-in site). */
const VIEWER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

function Day({ value }: { value: string | null }) {
  const { t } = useTranslation();
  if (!value) return <>{t('training.common.noExpiry')}</>;
  return (
    <time dateTime={value} title={formatDateTime(value, VIEWER_ZONE)}>
      {localDay(value, VIEWER_ZONE)}
    </time>
  );
}

function Result({ v, code }: { v: Verification; code: string }) {
  const { t } = useTranslation();
  const ok = v.genuine && v.current;
  return (
    <Stack data-testid="verify-result" data-genuine={String(v.genuine)} data-current={String(v.current)}>
      <Alert
        color={ok ? 'green' : 'red'}
        variant="filled"
        title={ok ? t('training.verify.genuineCurrent') : t('training.verify.genuineNotCurrent')}
        data-testid={ok ? 'verify-valid' : 'verify-not-current'}
      >
        {ok ? t('training.verify.genuineCurrentHint') : t('training.verify.genuineNotCurrentHint')}
      </Alert>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Field label={t('training.verify.learner')} testId="verify-learner">
          {v.learnerName}
        </Field>
        <Field label={t('training.learners.institution')}>{v.institution}</Field>
        <Field label={t('training.sessions.course')} testId="verify-course">
          <CourseTitle code={v.courseCode} title={v.courseTitle} titleZh={v.courseTitleZh} />
        </Field>
        <Field label={t('training.qualifications.status')}>
          <QualificationBadge status={v.effectiveStatus} />
        </Field>
        <Field label={t('training.qualifications.achievedAt')}>
          <Day value={v.achievedAt} />
        </Field>
        <Field label={t('training.qualifications.validUntil')} testId="verify-valid-until">
          <Day value={v.validUntil} />
        </Field>
        <Field label={t('training.verify.issuedAt')}>
          <Day value={v.issuedAt} />
        </Field>
        <Field label={t('training.verify.code')} mono>
          {code}
        </Field>
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {t('training.verify.zoneNote', { tz: VIEWER_ZONE })}
      </Text>
    </Stack>
  );
}

function Outcome({ code }: { code: string }) {
  const { t } = useTranslation();
  const query = useVerification(code);
  if (query.isPending) return <PageLoader />;
  if (isProblem(query.error, 404))
    return (
      <Alert color="red" variant="filled" title={t('training.verify.notFound')} data-testid="verify-not-found">
        {t('training.verify.notFoundHint', { code })}
      </Alert>
    );
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return <Result v={query.data} code={code} />;
}

export function VerifyPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { code: raw = '' } = useParams();
  const code = normaliseCode(raw);
  const [typed, setTyped] = useState(code);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = normaliseCode(typed);
    if (next) void navigate(`/verify/${next}`);
  };
  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Paper withBorder shadow="sm" p="xl" w={640} maw="100%" data-testid="verify-page">
        <Stack>
          <PublicHeader subtitle={t('training.verify.subtitle')} />
          <Title order={3}>{t('training.verify.title')}</Title>
          <Group component="form" onSubmit={submit} align="flex-end" data-testid="verify-form">
            <TextInput
              label={t('training.verify.code')}
              description={t('training.verify.codeHint')}
              value={typed}
              onChange={(e) => setTyped(e.currentTarget.value)}
              styles={{ input: { fontFamily: 'monospace', letterSpacing: 1 } }}
              style={{ flex: 1 }}
              autoFocus={!code}
              data-testid="verify-code"
            />
            <Button type="submit" disabled={!normaliseCode(typed)} data-testid="verify-submit">
              {t('training.verify.submit')}
            </Button>
          </Group>
          {code && <Outcome key={code} code={code} />}
          <Anchor component={Link} to="/" size="sm">
            {t('training.verify.toApp')}
          </Anchor>
        </Stack>
      </Paper>
    </Center>
  );
}
