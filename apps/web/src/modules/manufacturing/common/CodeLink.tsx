/** A record's code in a list, linking to the record: monospace, never wrapped. */
import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

export function CodeLink({ to, testId, children }: { to: string; testId: string; children: ReactNode }) {
  return (
    <Text
      component={Link}
      to={to}
      c="teal.8"
      ff="monospace"
      fw={600}
      style={{ whiteSpace: 'nowrap' }}
      data-testid={testId}
    >
      {children}
    </Text>
  );
}
