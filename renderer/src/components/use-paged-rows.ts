/**
 * Rows of a paged contract method for a virtual window: the window is covered by blocks of rows, each a
 * react-query query (so scrolling back is instant, and an `inventory.changed` event refetches them). While
 * a new filter or sort is on its way the previous rows stay on screen instead of a blank table.
 */
import { keepPreviousData, useQueries } from '@tanstack/react-query';
import type { MethodName, ParamsOf, ResultOf } from '../../../shared/contract';
import type { Sort } from '../../../shared/inventory-rows';
import { client } from '../client';
import { contractKey } from '../query-keys';

export type PagedMethod =
  | 'inventory.lunPage'
  | 'inventory.snapshotPage'
  | 'inventory.clusterPage'
  | 'inventory.hostPage'
  | 'inventory.findingPage'
  | 'inventory.matrixPage';
export type RowOf<M extends PagedMethod> = ResultOf<M>['rows'][number];
/** What a page adds to the common paging params, e.g. `expanded` or `flaggedOnly`. */
export type ExtraParams<M extends PagedMethod> = Omit<ParamsOf<M>, 'filter' | 'sort' | 'offset' | 'limit'>;

/** About two screens of rows: a window rarely spans more than two blocks, and each stays cheap to validate and send. */
export const BLOCK_ROWS = 50;

export interface PagedQuery<M extends PagedMethod> {
  filter: string;
  sort: Sort | null;
  extra: ExtraParams<M>;
}

export interface PagedRows<M extends PagedMethod> {
  /** The latest answer's totals (and, for the matrix, its columns); undefined before the first one. */
  head: ResultOf<M> | undefined;
  rowAt(index: number): RowOf<M> | undefined;
  isFetching: boolean;
  error: Error | null;
}

export function pageParamsOf<M extends PagedMethod>(query: PagedQuery<M>, offset: number, limit: number): ParamsOf<M> {
  return { ...query.extra, filter: query.filter, sort: query.sort, offset, limit } as ParamsOf<M>;
}

/** The query for one block of rows; the table also prefetches the first block the moment a filter changes. */
export function blockQuery<M extends PagedMethod>(method: M, query: PagedQuery<M>, block: number) {
  const params = pageParamsOf(query, block * BLOCK_ROWS, BLOCK_ROWS);
  return {
    queryKey: contractKey(method, params),
    queryFn: () => client.invoke(method as MethodName, params as never) as Promise<ResultOf<M>>,
  };
}

export function usePagedRows<M extends PagedMethod>(method: M, query: PagedQuery<M>, firstIndex: number, lastIndex: number): PagedRows<M> {
  const first = Math.floor(Math.max(0, firstIndex) / BLOCK_ROWS);
  const last = Math.max(first, Math.floor(Math.max(0, lastIndex) / BLOCK_ROWS));
  const blocks = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const results = useQueries({
    // Every answer is a fresh window of rows: comparing it deeply with the last one (structural sharing) is wasted work.
    queries: blocks.map((block) => ({ ...blockQuery(method, query, block), placeholderData: keepPreviousData, structuralSharing: false })),
  });
  const answered = results.flatMap((result) => (result.data ? [result.data] : []));
  return {
    head: answered[0],
    rowAt(index) {
      const block = Math.floor(index / BLOCK_ROWS);
      const data = results[block - first]?.data;
      // A placeholder block from the previous filter carries other offsets: never show its rows at the wrong place.
      if (!data || data.offset !== block * BLOCK_ROWS) return undefined;
      return data.rows[index - data.offset] as RowOf<M> | undefined;
    },
    isFetching: results.some((result) => result.isFetching),
    error: results.find((result) => result.error)?.error ?? null,
  };
}
