/** A QC list page's body: loading and errors as everywhere, a hint when the list is empty, else the list. */
import { Table } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { RecordColumn } from '../../components/RecordTable';
import { EmptyHint, QueryView } from '../../components/states';

export function ListOrEmpty<T>({
  query,
  empty,
  children,
}: {
  query: UseQueryResult<{ items: T[] }>;
  empty: string;
  children: (items: T[]) => ReactNode;
}) {
  return (
    <QueryView query={query}>
      {({ items }) => (items.length === 0 ? <EmptyHint title={empty} /> : children(items))}
    </QueryView>
  );
}

/** A column of a QC list, as a register's column but with its heading left out where the list has none. */
export type ListColumn<T> = Omit<RecordColumn<T>, 'heading'> & { heading?: string };

/**
 * A QC list as a striped table, a row an item (`rowKey`, and `rowTestId` where tests find a row), or the hint
 * when it is empty. The heading row is there only when the columns have headings.
 */
export function ListTable<T>({
  query,
  empty,
  columns,
  rowKey,
  rowTestId,
}: {
  query: UseQueryResult<{ items: T[] }>;
  empty: string;
  columns: ListColumn<T>[];
  rowKey: (item: T) => string;
  rowTestId?: (item: T) => string;
}) {
  return (
    <ListOrEmpty query={query} empty={empty}>
      {(items) => (
        <Table striped>
          {columns.some((c) => c.heading !== undefined) && (
            <Table.Thead>
              <Table.Tr>
                {columns.map((c, i) => (
                  <Table.Th key={i}>{c.heading}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
          )}
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={rowKey(item)} data-testid={rowTestId?.(item)}>
                {columns.map((c, i) => (
                  <Table.Td key={i} ff={c.monospace ? 'monospace' : undefined}>
                    {c.cell(item)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </ListOrEmpty>
  );
}
