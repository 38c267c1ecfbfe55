/** The head of the pages seen without signing in (login, certificate verification): name, purpose, language. */
import { Group, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';

export function PublicHeader({ subtitle }: { subtitle: string }) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap">
      <div>
        <Title order={2} c="teal.8">
          {t('app.name')}
        </Title>
        <Text size="sm" c="dimmed">
          {subtitle}
        </Text>
      </div>
      <LanguageSwitch />
    </Group>
  );
}
