/** A labelled read-only value in a detail card. */
import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

export function Field({
  label,
  children,
  testId,
  mono,
}: {
  label: string;
  children: ReactNode;
  testId?: string;
  mono?: boolean;
}) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text component="div" ff={mono ? 'monospace' : undefined} fw={mono ? 600 : undefined} data-testid={testId}>
        {children}
      </Text>
    </div>
  );
}
