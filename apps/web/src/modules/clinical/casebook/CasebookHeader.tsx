/**
 * Who the casebook is about: subject number and the pseudonymous subject code (name and MRN only when the
 * server returned them, i.e. for roles with identity:read), the study, arm, status and consent status.
 */
import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Anchor } from '@mantine/core';
import type { Casebook } from './casebook.types';

const STATUS_COLORS: Record<string, string> = {
  screening: 'blue',
  screen_failed: 'gray',
  enrolled: 'teal',
  withdrawn: 'orange',
  completed: 'dark',
};
const CONSENT_COLORS: Record<string, string> = {
  valid: 'teal',
  none: 'red',
  reconsent_required: 'orange',
  withdrawn: 'red',
  withdrawn_from_treatment: 'orange',
};

function Item({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <Text size="xs" fw={700} tt="uppercase" c="gray.8">
        {label}
      </Text>
      <Text component="div" size="sm" data-testid={testId}>
        {children}
      </Text>
    </div>
  );
}

export function CasebookHeader({ casebook, armCode }: { casebook: Casebook; armCode?: string | null }) {
  const { t } = useTranslation();
  const { subject, study, protocol } = casebook;
  const consent = casebook.consent?.status;
  const arm = armCode ?? subject.armCode ?? null;
  return (
    <Paper withBorder p="md" radius="md" data-testid="casebook-header">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} ff="monospace" data-testid="casebook-subject-number">
              {subject.subjectNumber ?? subject.screeningNumber}
            </Title>
            <Text size="sm">
              {t('clinical.casebook.subjectCode')}{t('common.colon')}
              <Text span ff="monospace" fw={600} data-testid="casebook-subject-code">
                {subject.subjectCode}
              </Text>
            </Text>
          </div>
          <Group gap="xs">
            <Badge size="lg" color={STATUS_COLORS[subject.status] ?? 'gray'} data-testid="casebook-status">
              {t(`clinical.common.subjectStatus.${subject.status}`, { defaultValue: subject.status })}
            </Badge>
            <Badge size="lg" variant="light" color={consent ? (CONSENT_COLORS[consent] ?? 'gray') : 'gray'} data-testid="casebook-consent-status">
              {consent
                ? t(`clinical.casebook.consentStatus.${consent}`, { defaultValue: consent })
                : t('clinical.casebook.consentStatus.unknown')}
            </Badge>
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          {subject.name !== undefined && subject.name !== null && (
            <Item label={t('clinical.casebook.name')} testId="casebook-name">
              {subject.name}
            </Item>
          )}
          {subject.mrn !== undefined && subject.mrn !== null && (
            <Item label={t('clinical.casebook.mrn')} testId="casebook-mrn">
              <Text span ff="monospace">
                {subject.mrn}
              </Text>
            </Item>
          )}
          <Item label={t('clinical.casebook.study')} testId="casebook-study">
            <Anchor component={Link} to={`/clinical/studies/${study.id}`} size="sm">
              {study.code}
            </Anchor>{' '}
            · {study.title}
          </Item>
          <Item label={t('clinical.casebook.protocol')}>
            {t('clinical.casebook.protocolVersion', { version: protocol.version })}
          </Item>
          <Item label={t('clinical.casebook.arm')} testId="casebook-arm">
            {arm ?? '—'}
          </Item>
          <Item label={t('clinical.casebook.screeningNumber')}>
            <Text span ff="monospace">
              {subject.screeningNumber}
            </Text>
          </Item>
          <Item label={t('clinical.casebook.sex')}>{t(`sex.${subject.sex}`, { defaultValue: subject.sex })}</Item>
          <Item label={t('clinical.casebook.birthDate')}>{subject.birthDate}</Item>
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
