/**
 * Scan and resolve, for what a step takes by scan (lots, equipment): the needs as badges, ticked once a
 * scanned item covers them; the scan field; the scanned items beneath, each removable. What a scan resolves
 * to, and why it is refused, is the caller's (`onScan`); this only lays the pieces out the same way.
 */
import { ActionIcon, Badge, Card, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ScanField } from './ScanField';

export interface Needs {
  title: string;
  codes: string[];
  /** The codes no scanned item covers yet. */
  missing: string[];
  nameOf?: (code: string) => string;
  testId: string;
}

function NeedBadges({ title, codes, missing, nameOf = (c) => c, testId }: Needs) {
  return (
    <Group gap="xs">
      <Text size="md" fw={600}>
        {title}
      </Text>
      {codes.map((code) => {
        const ok = !missing.includes(code);
        return (
          <Badge
            key={code}
            size="lg"
            color={ok ? 'teal' : 'gray'}
            variant={ok ? 'filled' : 'outline'}
            tt="none"
            data-testid={testId}
            data-covered={String(ok)}
          >
            {ok ? '✓ ' : ''}
            {nameOf(code)}
          </Badge>
        );
      })}
    </Group>
  );
}

interface Props {
  testId: string;
  needs: Needs;
  scanLabel: string;
  scanTestId: string;
  /** Resolves and checks the scanned text; answers the refusal to show, or null once the item is added. */
  onScan: (text: string) => Promise<string | null>;
  /** The scanned items (ScannedCard). */
  children: ReactNode;
}

export function ScanListField({ testId, needs, scanLabel, scanTestId, onScan, children }: Props) {
  return (
    <Stack gap="sm" data-testid={testId} data-missing={needs.missing.join(',')}>
      {needs.codes.length > 0 && <NeedBadges {...needs} />}
      <ScanField label={scanLabel} onScan={onScan} testId={scanTestId} />
      {children}
    </Stack>
  );
}

/** One scanned item: what it is on the left; its own inputs (if any) and the remove button on the right. */
export function ScannedCard({
  testId,
  dataset,
  onRemove,
  removeTestId,
  inputs,
  children,
}: {
  testId: string;
  /** `data-*` attributes naming the item for tests (`{ 'data-code': 'BSC-01' }`). */
  dataset: Record<`data-${string}`, string>;
  onRemove: () => void;
  removeTestId: string;
  inputs?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="sm" data-testid={testId} {...dataset}>
      <Group justify="space-between" wrap="nowrap">
        <div>{children}</div>
        <Group gap="xs" wrap="nowrap">
          {inputs}
          <ActionIcon
            size="xl"
            variant="subtle"
            color="red"
            onClick={onRemove}
            aria-label={t('mfg.run.remove')}
            data-testid={removeTestId}
          >
            ✕
          </ActionIcon>
        </Group>
      </Group>
    </Card>
  );
}
