/**
 * A status in a filled badge of a dark shade, so its white text keeps a 4.5:1 contrast (WCAG AA) whatever
 * the tone; the tone says good (teal), bad (red), waiting (orange) or neutral (gray).
 */
import { Badge } from '@mantine/core';
import type { ReactNode } from 'react';

export type Tone = 'good' | 'bad' | 'waiting' | 'neutral' | 'info';

const COLOURS: Record<Tone, string> = {
  good: 'teal.9',
  bad: 'red.9',
  waiting: 'orange.9',
  neutral: 'gray.7',
  info: 'blue.9',
};

export function StatusBadge({ tone, children, testId }: { tone: Tone; children: ReactNode; testId?: string }) {
  return (
    <Badge color={COLOURS[tone]} variant="filled" data-testid={testId} style={{ whiteSpace: 'nowrap' }}>
      {children}
    </Badge>
  );
}

export const PROTOCOL_TONE: Record<string, Tone> = { draft: 'waiting', effective: 'good', superseded: 'neutral' };
export const SUBJECT_TONE: Record<string, Tone> = {
  screening: 'info',
  screen_failed: 'bad',
  enrolled: 'good',
  withdrawn: 'neutral',
  completed: 'neutral',
};
