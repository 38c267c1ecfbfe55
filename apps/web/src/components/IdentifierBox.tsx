/**
 * Eye-readable ISBT 128 identifiers: the DIN as `G1234 17 654321` with its flags and boxed check character,
 * and the chain-of-identity identifier with its boxed check character.
 */
import { Box, Group, Text } from '@mantine/core';
import { dinParts } from '../lib/din';

function CheckBox({ char, testId }: { char: string; testId: string }) {
  return (
    <Box
      component="span"
      data-testid={testId}
      px={6}
      style={{
        border: '2px solid currentColor',
        borderRadius: 2,
        fontFamily: 'monospace',
        fontWeight: 700,
        lineHeight: 1.4,
      }}
    >
      {char}
    </Box>
  );
}

export function DinDisplay({
  din,
  flags,
  check,
  size = 'xl',
}: {
  din: string;
  flags?: string;
  check: string;
  size?: string;
}) {
  const { fin, year, sequence } = dinParts(din);
  return (
    <Group gap={8} wrap="nowrap" align="center" data-testid="din-display" data-din={din}>
      <Text ff="monospace" fw={700} fz={size} data-testid="din-text">
        {fin} {year} {sequence}
      </Text>
      {flags && (
        <Text ff="monospace" fz="xs" c="dimmed" style={{ writingMode: 'vertical-rl' }} data-testid="din-flags">
          {flags}
        </Text>
      )}
      <Text fz={size} component="span">
        <CheckBox char={check} testId="din-check" />
      </Text>
    </Group>
  );
}

export function CoiDisplay({ coi, check }: { coi: string; check: string }) {
  return (
    <Group gap={8} wrap="nowrap" data-testid="coi-display" data-coi={coi}>
      <Text ff="monospace" fw={600}>
        {coi}
      </Text>
      <Text component="span" size="sm">
        <CheckBox char={check} testId="coi-check" />
      </Text>
    </Group>
  );
}
