/**
 * What the page a URL names shows first, asked for as soon as the contract client exists: boot.ts starts it beside
 * the console's and the page's code, so the server answers while React and the page load and draw, and the page's
 * hooks find the answers in the cache (or on their way) instead of asking only after their first render
 * (README.md "Performance"). Each page's first query is defined here once and used by the page itself, so the
 * two cannot drift apart: a key the page does not use would be a wasted call.
 */
import type { MethodName, ParamsOf } from '../../shared/contract';
import { client } from './client';
import { queryClient } from './queries';
import { contractKey } from './query-keys';
import type { Route } from './routes';
import { blockQuery, type PagedMethod, type PagedQuery } from './components/use-paged-rows';

/** Recovery step 1: every set, none expanded, the server's order. */
export const setChooserQuery: PagedQuery<'inventory.snapshotPage'> = { filter: '', sort: null, extra: { expanded: [] } };
/** The masking matrix as it opens: every LUN, every cluster, findings not singled out. */
export const matrixQuery: PagedQuery<'inventory.matrixPage'> = { filter: '', sort: null, extra: { flaggedOnly: false } };
/** The clusters the matrix can be scoped to (one cluster's row each; their nodes are children). */
export const matrixScopeParams: ParamsOf<'inventory.clusterPage'> = { limit: 500 };
/** Only the count of masking findings: whether the findings table is drawn above the matrix. */
export const findingCountParams: ParamsOf<'inventory.findingPage'> = { limit: 1 };

type FirstCall = { method: MethodName; params: object } | { paged: PagedMethod; query: PagedQuery<PagedMethod> };

const call = <M extends MethodName>(method: M, params: ParamsOf<M>): FirstCall => ({ method, params });
const firstBlock = <M extends PagedMethod>(paged: M, query: PagedQuery<M>): FirstCall => ({
  paged,
  query: query as PagedQuery<PagedMethod>,
});

/** The calls a route draws first; the shell's own (backend label, run bar) go with every route. */
export function firstCallsOf(route: Route): FirstCall[] {
  const shell = [call('app.info', {}), call('runs.list', {})];
  switch (route.page) {
    case 'home':
      return [...shell, call('inventory.overview', {})];
    case 'masking':
      return [
        ...shell,
        firstBlock('inventory.matrixPage', matrixQuery),
        call('inventory.clusterPage', matrixScopeParams),
        call('inventory.findingPage', findingCountParams),
      ];
    case 'recovery':
      // The bare page opens the live run if there is one (runs.list tells), else step 1.
      return route.step === 'set' || route.step === null ? [...shell, firstBlock('inventory.snapshotPage', setChooserQuery)] : shell;
    default:
      return shell;
  }
}

/** Makes the route's first calls; settles when all have answered. A failure is left for the page's own query to show. */
export async function fetchFirstData(route: Route): Promise<void> {
  const calls = firstCallsOf(route).map((first) => {
    const options =
      'paged' in first
        ? blockQuery(first.paged, first.query, 0)
        : { queryKey: contractKey(first.method, first.params as never), queryFn: () => client.invoke(first.method, first.params as never) };
    return queryClient.prefetchQuery(options as Parameters<typeof queryClient.prefetchQuery>[0]);
  });
  await Promise.all(calls);
}
