/** The learner's identity: name, kind, institution, profession, e-mail and trainee login. */
import { Group, SimpleGrid, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../components/Field';
import type { Learner } from '../training.types';
import { LearnerKindBadge } from './LearnersPage';

export function LearnerHeader({ learner: l }: { learner: Learner }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Group gap="sm">
        <Title order={2} data-testid="learner-name-value">
          {l.name}
        </Title>
        <LearnerKindBadge kind={l.kind} />
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Field label={t('training.learners.institution')} testId="learner-institution-value">
          {l.institution}
        </Field>
        <Field label={t('training.learners.profession')}>{l.profession}</Field>
        <Field label={t('training.learners.email')}>{l.email ?? '—'}</Field>
        <Field label={t('training.learners.login')} mono testId="learner-username-value">
          {l.username ?? '—'}
        </Field>
      </SimpleGrid>
    </Stack>
  );
}
