/**
 * Assembles the core: a backend, the event bus and the handler registry. Every door (Electron main,
 * gateway, CLI) builds its registry here, so all three serve exactly the same handlers.
 */
import type { AppInfo } from '../../shared/domain';
import type { Backend } from './backend';
import { EventBus } from './event-bus';
import { createRegistry, type Handlers, type Registry } from './registry';
import { matchesFilter } from '../../shared/filter';

export interface Core {
  registry: Registry;
  backend: Backend;
  close(): Promise<void>;
}

export interface CoreOptions {
  backend: Backend;
  version: string;
  platform?: string;
}

export function createCore({ backend, version, platform = process.platform }: CoreOptions): Core {
  const bus = new EventBus();
  const stopWatching = backend.onChange((reason) => bus.emit('inventory.changed', { reason }));

  const handlers: Handlers = {
    'app.info': (): AppInfo => ({ product: 'ShadowSwap', version, platform, backend: backend.describe() }),
    'inventory.luns': async ({ filter }) => (await backend.listLuns()).filter((lun) => matchesFilter(filter, [lun.name, lun.id, lun.arrayId, lun.signature, lun.state, ...lun.maskedTo, ...lun.volumes.flatMap((v) => [v.driveLetter, v.label])])),
    'inventory.hosts': async ({ filter }) => (await backend.listHosts()).filter((host) => matchesFilter(filter, [host.name, host.osVersion, host.clusterName])),
    'inventory.arrays': () => backend.listArrays(),
    'inventory.snapshots': async ({ filter }) =>
      (await backend.listSnapshotSets()).filter((set) => matchesFilter(filter, [set.id, set.sourceHost, set.state, set.importedTo, set.metadataFile, set.createdAt])),
    'inventory.clusters': async ({ filter }) =>
      (await backend.listClusters()).filter((cluster) => matchesFilter(filter, [cluster.name, ...cluster.nodes.map((n) => n.name), ...cluster.groups.map((g) => g.name)])),
  };

  return {
    registry: createRegistry(handlers, bus),
    backend,
    async close() {
      stopWatching();
      await backend.close();
    },
  };
}
