/** The inventory half of the contract: what the arrays, hosts, snapshot sets and clusters hold. */
import { matchesFilter } from '../../shared/filter';
import type { Backend } from './backend';
import type { Handlers } from './registry';

type InventoryHandlers = Pick<Handlers, 'inventory.luns' | 'inventory.hosts' | 'inventory.arrays' | 'inventory.snapshots' | 'inventory.clusters'>;

export function inventoryHandlers(backend: Backend): InventoryHandlers {
  return {
    'inventory.luns': async ({ filter }) =>
      (await backend.listLuns()).filter((lun) => matchesFilter(filter, [lun.name, lun.id, lun.arrayId, lun.signature, lun.state, ...lun.maskedTo, ...lun.volumes.flatMap((v) => [v.driveLetter, v.label])])),
    'inventory.hosts': async ({ filter }) => (await backend.listHosts()).filter((host) => matchesFilter(filter, [host.name, host.osVersion, host.clusterName])),
    'inventory.arrays': () => backend.listArrays(),
    'inventory.snapshots': async ({ filter }) =>
      (await backend.listSnapshotSets()).filter((set) => matchesFilter(filter, [set.id, set.sourceHost, set.state, set.importedTo, set.metadataFile, set.createdAt])),
    'inventory.clusters': async ({ filter }) =>
      (await backend.listClusters()).filter((cluster) => matchesFilter(filter, [cluster.name, ...cluster.nodes.map((n) => n.name), ...cluster.groups.map((g) => g.name)])),
  };
}
