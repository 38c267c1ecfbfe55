/** A list page's title, with its main action (new…, record…) at the right when the reader may take it. */
import { Button, Group, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export interface PageAction {
  label: ReactNode;
  onClick: () => void;
  testId: string;
}

/** `action` is false (no button) when the reader lacks the permission, so pages can write `can(…) && {…}`. */
export function PageHeader({ title, action }: { title: ReactNode; action?: PageAction | false }) {
  return (
    <Group justify="space-between">
      <Title order={2}>{title}</Title>
      {action && (
        <Button onClick={action.onClick} data-testid={action.testId}>
          {action.label}
        </Button>
      )}
    </Group>
  );
}
