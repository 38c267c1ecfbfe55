/**
 * A choice made with a finger at the bedside: large radio cards in a labelled group (keyboard: Tab into the
 * group, arrows between cards, Space to choose). Each card carries `<testId>-<value>`.
 */
import { Group, Radio, SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export interface TouchOption<V extends string> {
  value: V;
  label: string;
  hint?: string;
}

export function TouchChoice<V extends string>({
  label,
  description,
  value,
  onChange,
  options,
  testId,
  cols = 4,
  error,
}: {
  label: string;
  description?: ReactNode;
  value: V | null;
  onChange: (value: V) => void;
  options: TouchOption<V>[];
  testId: string;
  cols?: number;
  error?: ReactNode;
}) {
  return (
    <Radio.Group
      label={label}
      description={description}
      value={value}
      onChange={(v) => onChange(v as V)}
      error={error}
      size="md"
      data-testid={testId}
    >
      <SimpleGrid cols={{ base: Math.min(2, cols), sm: cols }} mt="xs" spacing="xs">
        {options.map((o) => (
          <Radio.Card
            key={o.value}
            value={o.value}
            p="md"
            radius="md"
            mih={56}
            bg={value === o.value ? 'teal.0' : undefined}
            data-testid={`${testId}-${o.value}`}
          >
            <Group wrap="nowrap" align="flex-start" gap="sm">
              <Radio.Indicator size="md" />
              <div>
                <Text fw={600} size="md">
                  {o.label}
                </Text>
                {o.hint && <Text size="sm">{o.hint}</Text>}
              </div>
            </Group>
          </Radio.Card>
        ))}
      </SimpleGrid>
    </Radio.Group>
  );
}

/** Yes and no as two large cards; `null` until answered. */
export function YesNo({
  label,
  value,
  onChange,
  testId,
  yes,
  no,
}: {
  label: string;
  value: boolean | null;
  onChange: (value: boolean) => void;
  testId: string;
  yes: string;
  no: string;
}) {
  return (
    <TouchChoice
      label={label}
      value={value === null ? null : value ? 'yes' : 'no'}
      onChange={(v) => onChange(v === 'yes')}
      options={[
        { value: 'yes', label: yes },
        { value: 'no', label: no },
      ]}
      cols={2}
      testId={testId}
    />
  );
}
