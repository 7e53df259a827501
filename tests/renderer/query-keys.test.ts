import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import {
  contractKey,
  invalidateAfterInventoryChange,
  invalidateRunDetail,
  isStaleAfterInventoryChange,
  refreshInventory,
  runDetailKey,
} from '../../renderer/src/query-keys';

function cacheWith(...keys: ReadonlyArray<readonly unknown[]>): QueryClient {
  const client = new QueryClient();
  for (const key of keys) client.setQueryData(key, 'cached');
  return client;
}

const invalidated = (client: QueryClient) =>
  client
    .getQueryCache()
    .getAll()
    .filter((query) => query.state.isInvalidated)
    .map((query) => query.queryKey[0]);

describe('query keys', () => {
  it('start with the contract method', () => {
    expect(contractKey('inventory.lunPage', { filter: 'x' } as never)[0]).toBe('inventory.lunPage');
    expect(runDetailKey('run-1')).toEqual(['runs.get', { runId: 'run-1' }]);
  });

  it('an inventory change makes inventory, app info and plans stale, but not runs', () => {
    expect(isStaleAfterInventoryChange(['inventory.luns', {}])).toBe(true);
    expect(isStaleAfterInventoryChange(['app.info', {}])).toBe(true);
    expect(isStaleAfterInventoryChange(['recovery.plan', {}])).toBe(true);
    expect(isStaleAfterInventoryChange(['runs.list', {}])).toBe(false);
  });

  it('invalidateAfterInventoryChange marks exactly those queries stale', async () => {
    const client = cacheWith(['inventory.lunPage', {}], ['app.info', {}], ['recovery.plan', {}], ['runs.list', {}]);
    await invalidateAfterInventoryChange(client);
    expect(invalidated(client).sort()).toEqual(['app.info', 'inventory.lunPage', 'recovery.plan']);
  });

  it('a table refresh reads the inventory again and nothing else', async () => {
    const client = cacheWith(['inventory.lunPage', {}], ['inventory.hostPage', {}], ['app.info', {}]);
    await refreshInventory(client);
    expect(invalidated(client).sort()).toEqual(['inventory.hostPage', 'inventory.lunPage']);
  });

  it('invalidateRunDetail touches only that run', async () => {
    const client = cacheWith(runDetailKey('a'), runDetailKey('b'));
    await invalidateRunDetail(client, 'a');
    expect(client.getQueryState(runDetailKey('a'))?.isInvalidated).toBe(true);
    expect(client.getQueryState(runDetailKey('b'))?.isInvalidated).toBe(false);
  });
});
