/**
 * Every react-query key of the console and every rule that invalidates them, in one place. A key starts
 * with the contract method it caches, so one predicate finds every query of a family.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { MethodName, ParamsOf } from '../../shared/contract';

/** The cache key of one contract call. */
export function contractKey<M extends MethodName>(method: M, params: ParamsOf<M>): readonly [M, ParamsOf<M>] {
  return [method, params] as const;
}

export const runListKey = contractKey('runs.list', {});
export const runDetailKey = (runId: string) => contractKey('runs.get', { runId });

const methodOf = (queryKey: readonly unknown[]): string | null => (typeof queryKey[0] === 'string' ? queryKey[0] : null);

/** Queries over the inventory: every `inventory.*` page, detail and count. */
export function isInventoryKey(queryKey: readonly unknown[]): boolean {
  return methodOf(queryKey)?.startsWith('inventory.') === true;
}

/**
 * Queries whose answer an `inventory.changed` event makes stale: the inventory itself, the app's info
 * (it counts the estate) and recovery plans (the planner reads the inventory).
 */
export function isStaleAfterInventoryChange(queryKey: readonly unknown[]): boolean {
  const method = methodOf(queryKey);
  return isInventoryKey(queryKey) || method === 'app.info' || method === 'recovery.plan';
}

/** The Refresh button of a table: read the inventory again. */
export function refreshInventory(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ predicate: (query) => isInventoryKey(query.queryKey) });
}

/** The backend reported a change (a recovery step, another process): refetch whatever read the estate. */
export function invalidateAfterInventoryChange(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ predicate: (query) => isStaleAfterInventoryChange(query.queryKey) });
}

/** A run's summary changed: its detail (per-step states) must be fetched again. */
export function invalidateRunDetail(queryClient: QueryClient, runId: string): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: runDetailKey(runId), exact: true });
}
