/** User accounts: roles, active and lock status; admins create new accounts. */
import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/types';
import { useSession } from '../../app/session';
import { DateTime } from '../../components/DateTime';
import { PageHeader } from '../../components/PageHeader';
import { EmptyHint, QueryView } from '../../components/states';
import { isFuture } from '../../lib/time';
import { UserCreateModal } from './UserCreateModal';
import { useUsers } from './users.api';

function UserStatus({ user }: { user: User }) {
  const { t } = useTranslation();
  if (!user.active)
    return (
      <Badge color="gray" data-testid="user-status" data-status="inactive">
        {t('users.inactive')}
      </Badge>
    );
  if (isFuture(user.lockedUntil)) {
    return (
      <Stack gap={2}>
        <Badge color="red" data-testid="user-status" data-status="locked">
          {t('users.locked')}
        </Badge>
        <Text size="xs" c="dimmed">
          {t('users.lockedUntil')} <DateTime value={user.lockedUntil} />
        </Text>
      </Stack>
    );
  }
  return (
    <Badge color="teal" variant="light" data-testid="user-status" data-status="active">
      {t('users.active')}
    </Badge>
  );
}

function UsersTable({ items }: { items: User[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped data-testid="users-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('users.username')}</Table.Th>
            <Table.Th>{t('users.displayName')}</Table.Th>
            <Table.Th>{t('users.roles')}</Table.Th>
            <Table.Th>{t('users.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((u) => (
            <Table.Tr key={u.id} data-testid="user-row" data-username={u.username}>
              <Table.Td ff="monospace">{u.username}</Table.Td>
              <Table.Td>{u.displayName}</Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {u.roles.map((r) => (
                    <Badge key={r} variant="outline" size="sm">
                      {t(`roles.${r}`, { defaultValue: r })}
                    </Badge>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>
                <UserStatus user={u} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function UsersPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const query = useUsers();
  const [creating, setCreating] = useState(false);
  return (
    <Stack data-testid="users-page">
      <PageHeader
        title={t('users.title')}
        action={can('users:write') && { label: t('users.new'), onClick: () => setCreating(true), testId: 'user-new' }}
      />
      <QueryView query={query}>
        {(data) =>
          data.items.length > 0 ? (
            <UsersTable items={data.items} />
          ) : (
            <EmptyHint title={t('users.empty')} description={t('users.emptyHint')} />
          )
        }
      </QueryView>
      <UserCreateModal opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}
