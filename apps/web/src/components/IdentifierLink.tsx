/**
 * An ISBT 128 identifier (DIN, chain-of-identity) in a list, linking to its record. Kept on one line:
 * a wrapped identifier is easily misread when compared with the bag label.
 */
import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

export function IdentifierLink({ to, testId, children }: { to: string; testId: string; children: ReactNode }) {
  return (
    <Text
      component={Link}
      to={to}
      ff="monospace"
      fw={600}
      size="sm"
      c="teal.8"
      style={{ whiteSpace: 'nowrap' }}
      data-testid={testId}
    >
      {children}
    </Text>
  );
}
