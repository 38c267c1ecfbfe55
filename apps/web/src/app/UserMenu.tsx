/** Header menu with the signed-in user's name and roles, and sign-out. */
import { Button, Menu, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useSession } from './session';

export function UserMenu() {
  const { t } = useTranslation();
  const { me } = useSession();
  const queryClient = useQueryClient();
  const logout = useMutation({
    mutationFn: () => api.post<void>('/auth/logout'),
    onSettled: () => {
      // A full page load drops every cached record (patient data included) from memory.
      queryClient.clear();
      window.location.assign('/login');
    },
  });
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          size="compact-md"
          maw={{ base: 110, sm: 260 }}
          title={me.user.displayName}
          data-testid="user-menu"
        >
          {me.user.displayName}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.user.username}</Menu.Label>
        <Text size="xs" c="dimmed" px="sm" pb="xs" maw={260}>
          {t('header.roles')}
          {t('common.colon')}
          {me.user.roles.map((r) => t(`roles.${r}`, { defaultValue: r })).join(t('common.listSeparator'))}
        </Text>
        <Menu.Divider />
        <Menu.Item color="red" data-testid="logout" onClick={() => logout.mutate()}>
          {t('header.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
