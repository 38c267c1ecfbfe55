/** A QC list page's body: loading and errors as everywhere, a hint when the list is empty, else the list. */
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
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
