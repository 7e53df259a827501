/**
 * Server state: react-query hooks over the contract client. Query keys start with the method name so
 * an `inventory.changed` event can invalidate every inventory query at once.
 */
import { QueryClient, useQuery } from '@tanstack/react-query';
import type { MethodName, ParamsOf, ResultOf } from '../../shared/contract';
import { client } from './client';

export const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 30_000, retry: 1, refetchOnWindowFocus: false } },
});

export function useContractQuery<M extends MethodName>(method: M, params: ParamsOf<M>) {
  return useQuery<ResultOf<M>, Error>({
    queryKey: [method, params],
    queryFn: () => client.invoke(method, params),
  });
}

/** Refetch inventory whenever the backend reports a change (another process, a recovery step). */
export function followBackendChanges(): () => void {
  return client.subscribe('inventory.changed', () => {
    void queryClient.invalidateQueries({
      predicate: (query) => typeof query.queryKey[0] === 'string' && (query.queryKey[0].startsWith('inventory.') || query.queryKey[0] === 'app.info'),
    });
  });
}
