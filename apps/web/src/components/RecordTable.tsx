/**
 * The table of a register (deviations, CAPAs, change controls): a column is a heading and what a record shows under
 * it; a row carries its record's test id and data attributes. With the cells every register repeats: the record's
 * number linking to its detail, its title over a dimmed line, and when and by whom it was opened.
 */
import { Anchor, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { DateTime } from './DateTime';

export interface RecordColumn<T> {
  heading: string;
  cell: (record: T) => ReactNode;
  /** The whole cell in monospace (a username, a code). */
  monospace?: boolean;
}

export type RowAttributes = { 'data-testid': string } & Record<`data-${string}`, string | boolean | undefined>;

export function RecordTable<T extends { id: string }>({
  items,
  columns,
  row,
  testId,
  minWidth,
}: {
  items: T[];
  columns: RecordColumn<T>[];
  row: (record: T) => RowAttributes;
  testId: string;
  minWidth: number;
}) {
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table striped data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c.heading}>{c.heading}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((record) => (
            <Table.Tr key={record.id} {...row(record)}>
              {columns.map((c) => (
                <Table.Td key={c.heading} ff={c.monospace ? 'monospace' : undefined}>
                  {c.cell(record)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The record's number, linking to its detail; never wrapped. */
export function NumberLink({ to, number }: { to: string; number: string }) {
  return (
    <Anchor component={Link} to={to} ff="monospace" fw={600} size="sm" style={{ whiteSpace: 'nowrap' }}>
      {number}
    </Anchor>
  );
}

/** The record's title over a dimmed line (its source, category or description; a long one clamped, whole on hover). */
export function TitleLines({
  title,
  children,
  lineClamp,
  hover,
}: {
  title: string;
  children: ReactNode;
  lineClamp?: number;
  hover?: string;
}) {
  return (
    <>
      <Text size="sm" fw={500}>
        {title}
      </Text>
      <Text size="xs" c="dimmed" lineClamp={lineClamp} title={hover}>
        {children}
      </Text>
    </>
  );
}

/** When (site time) and by whom the record was opened. */
export function OpenedCell({ at, by }: { at: string; by: string }) {
  return (
    <>
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        <DateTime value={at} withZone={false} />
      </Text>
      <Text size="xs" c="dimmed" ff="monospace">
        {by}
      </Text>
    </>
  );
}
