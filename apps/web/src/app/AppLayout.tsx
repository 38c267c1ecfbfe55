/** The application shell: header (brand, site, language, user menu) and the permission-filtered navbar. */
import { Anchor, AppShell, Burger, Group, NavLink, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { LanguageSwitch } from './LanguageSwitch';
import { allowedNav, type NavItem } from './nav';
import { useSession } from './session';
import { UserMenu } from './UserMenu';

interface NavGroup {
  group: NonNullable<NavItem['group']>;
  items: NavItem[];
}
type NavEntry = NavItem | NavGroup;

/** Grouped entries collapse under one heading, placed where the group's first entry is. */
function groupNav(items: NavItem[]): NavEntry[] {
  const out: NavEntry[] = [];
  for (const item of items) {
    if (!item.group) {
      out.push(item);
      continue;
    }
    const group = out.find((e): e is NavGroup => !('path' in e) && e.group === item.group);
    if (group) group.items.push(item);
    else out.push({ group: item.group, items: [item] });
  }
  return out;
}

export function AppLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { can, site } = useSession();
  const [opened, { toggle, close }] = useDisclosure();
  const { pathname } = useLocation();
  const link = (item: NavItem) => (
    <NavLink
      key={item.path}
      component={Link}
      to={item.path}
      label={t(item.labelKey)}
      active={pathname === item.path || pathname.startsWith(`${item.path}/`)}
      data-testid={item.testId}
      onClick={close}
    />
  );
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px={{ base: 'xs', sm: 'md' }} justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('header.menu')} />
            <Anchor component={Link} to="/" underline="never" data-testid="brand">
              <Title order={3} c="teal.8">
                {t('app.name')}
              </Title>
            </Anchor>
            <Text size="sm" c="dimmed" visibleFrom="md" data-testid="site-name">
              {site ? `${site.name} · ${site.timeZone}` : t('app.tagline')}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitch />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" data-testid="navbar" component="nav" aria-label={t('header.navigation')}>
        {groupNav(allowedNav(can)).map((entry) =>
          !('path' in entry) ? (
            <NavLink
              key={entry.group}
              label={t(`nav.${entry.group}`)}
              defaultOpened
              active={pathname.startsWith(`/${entry.group}/`)}
              variant="subtle"
              data-testid={`nav-${entry.group}`}
            >
              {entry.items.map((item) => link(item))}
            </NavLink>
          ) : (
            link(entry)
          ),
        )}
      </AppShell.Navbar>
      <AppShell.Main>{children}</AppShell.Main>
    </AppShell>
  );
}
