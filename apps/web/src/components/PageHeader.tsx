/** A list page's title, a line on what it is for, and its main action at the right when the reader may take it. */
import { Button, Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** The action runs a handler (opens a modal) or, with `to`, opens a page of its own (an editor). */
export type PageAction = { label: ReactNode; testId: string } & ({ onClick: () => void } | { to: string });

/** `action` is false (no button) when the reader lacks the permission, so pages can write `can(…) && {…}`. */
export function PageHeader({
  title,
  hint,
  action,
}: {
  title: ReactNode;
  hint?: ReactNode;
  action?: PageAction | false;
}) {
  return (
    <Group justify="space-between" align={hint ? 'flex-end' : undefined}>
      <div>
        <Title order={2}>{title}</Title>
        {hint && (
          <Text c="dimmed" size="sm">
            {hint}
          </Text>
        )}
      </div>
      {action && <ActionButton action={action} />}
    </Group>
  );
}

function ActionButton({ action }: { action: PageAction }) {
  return 'to' in action ? (
    <Button component={Link} to={action.to} data-testid={action.testId}>
      {action.label}
    </Button>
  ) : (
    <Button onClick={action.onClick} data-testid={action.testId}>
      {action.label}
    </Button>
  );
}
