/** Start page: a greeting and a card for every module the user may open. */
import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyHint } from '../components/states';
import { OpenNotificationsAlert } from '../modules/release/OpenNotificationsAlert';
import { allowedNav } from './nav';
import { useSession } from './session';

export function HomePage() {
  const { t } = useTranslation();
  const { me, can, site } = useSession();
  const items = allowedNav(can);
  return (
    <Stack gap="lg" data-testid="home-page">
      <div>
        <Title order={2}>{t('home.welcome', { name: me.user.displayName })}</Title>
        <Text c="dimmed">{site ? t('home.site', { site: site.name, tz: site.timeZone }) : t('app.tagline')}</Text>
      </div>
      <OpenNotificationsAlert />
      {items.length === 0 ? (
        <EmptyHint title={t('home.noModules')} description={t('home.noModulesHint')} />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {items.map((item) => (
            <Card
              key={item.path}
              component={Link}
              to={item.path}
              withBorder
              padding="lg"
              data-testid={`home-${item.testId}`}
            >
              <Text fw={600}>{t(item.labelKey)}</Text>
              <Text size="sm" c="dimmed">
                {t(`${item.labelKey}Hint`)}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
