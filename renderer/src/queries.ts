/**
 * Server state: react-query hooks over the contract client. Keys and invalidation rules live in
 * query-keys.ts.
 */
import { QueryClient, useMutation, useQuery } from '@tanstack/react-query';
import type { MethodName, ParamsOf, ResultOf } from '../../shared/contract';
import { client } from './client';
import { contractKey, invalidateAfterInventoryChange } from './query-keys';
import { appendRunOutput, rememberRunSummary } from './recovery/run-cache';

export const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 30_000, retry: 1, refetchOnWindowFocus: false } },
});

/** `refetchIntervalMs`: poll, for what changes without an event reaching this console (a run another process drives). */
export function useContractQuery<M extends MethodName>(method: M, params: ParamsOf<M>, options: { refetchIntervalMs?: number } = {}) {
  return useQuery<ResultOf<M>, Error>({
    queryKey: contractKey(method, params),
    queryFn: () => client.invoke(method, params),
    refetchInterval: options.refetchIntervalMs,
  });
}

/** A contract call that changes something (start, confirm, pause...): errors arrive as operator-language RemoteErrors. */
export function useContractMutation<M extends MethodName>(method: M, onSuccess?: (result: ResultOf<M>) => void) {
  return useMutation<ResultOf<M>, Error, ParamsOf<M>>({ mutationFn: (params) => client.invoke(method, params), onSuccess });
}

/**
 * Refetch inventory (and recovery plans, which are read from it) whenever the backend reports a change
 * (another process, a recovery step), and follow runs live from the engine's events.
 */
export function followBackendChanges(): () => void {
  const unsubscribers = [
    client.subscribe('inventory.changed', () => void invalidateAfterInventoryChange(queryClient)),
    client.subscribe('run.updated', (summary) => rememberRunSummary(queryClient, summary)),
    client.subscribe('run.output', (line) => appendRunOutput(queryClient, line)),
  ];
  return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
}
