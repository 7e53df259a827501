/**
 * The Lab state as the domain shows it: LUNs with resolved masks, hosts with what they see and their
 * cluster, sets with their attributes, clusters with group states. Each view is computed once per
 * state revision, in one pass over the LUNs, so reading 10,000 LUNs or 16,000 shadow copies costs a
 * map lookup after the first read. The views are shared: callers must not change them.
 */
import type { Cluster, Host, Lun, SnapshotSet } from '../../../../shared/domain';
import { ALL_HOSTS } from '../../backend';
import { markShared } from '../../rpc/shared-results';
import { ownerNodeOf } from './cluster-service';
import type { LabCluster, LabLun, LabSnapshotSet, LabState } from './lab-model';

interface Views {
  revision: number;
  luns?: Lun[];
  hosts?: Host[];
  snapshotSets?: SnapshotSet[];
  clusters?: Cluster[];
}

const cache = new WeakMap<LabState, Views>();

function viewsOf(state: LabState): Views {
  const views = cache.get(state);
  if (views && views.revision === state.revision) return views;
  const fresh: Views = { revision: state.revision };
  cache.set(state, fresh);
  return fresh;
}

export function lunsView(state: LabState): Lun[] {
  const views = viewsOf(state);
  if (!views.luns) {
    const allHostNames = state.hosts.map((host) => host.name);
    views.luns = markShared(state.luns.map((lun) => toLun(lun, allHostNames)));
  }
  return views.luns;
}

function toLun(lun: LabLun, allHostNames: readonly string[]): Lun {
  const { mask, files: _files, partition, ...rest } = lun;
  const maskAll = mask.includes(ALL_HOSTS);
  return { ...rest, hidden: partition.hidden, maskAll, maskedTo: maskAll ? [...allHostNames] : [...mask] };
}

export function hostsView(state: LabState): Host[] {
  const views = viewsOf(state);
  if (!views.hosts) {
    const seen = new Map<string, string[]>(state.hosts.map((host) => [host.name.toLowerCase(), []]));
    for (const lun of state.luns) {
      const viewers = lun.mask.includes(ALL_HOSTS) ? [...seen.values()] : lun.mask.map((name) => seen.get(name.toLowerCase()));
      for (const list of viewers) list?.push(lun.id);
    }
    const clusterOf = new Map<string, string>();
    for (const cluster of state.clusters) for (const node of cluster.nodes) clusterOf.set(node.name.toLowerCase(), cluster.name);
    views.hosts = markShared(
      state.hosts.map((host) => ({
        ...host,
        clusterName: clusterOf.get(host.name.toLowerCase()) ?? null,
        visibleLunIds: seen.get(host.name.toLowerCase()) ?? [],
      })),
    );
  }
  return views.hosts;
}

export function snapshotSetsView(state: LabState): SnapshotSet[] {
  const views = viewsOf(state);
  views.snapshotSets ??= markShared(state.snapshotSets.map(toSnapshotSet));
  return views.snapshotSets;
}

/** diskshadow's Attributes tokens follow from how the set was made and where it is now. */
function attributesOf(set: LabSnapshotSet): string[] {
  return [
    ...(set.persistent ? ['Persistent', 'No_Auto_Release'] : ['Auto_Release']),
    ...(set.writers ? [] : ['No_Writers']),
    'Transportable',
    'Hardware',
    ...(set.importedTo !== null && set.state !== 'failed' ? ['Imported'] : []),
    ...(set.state === 'exposed' ? ['Exposed_Locally'] : []),
  ];
}

function toSnapshotSet(set: LabSnapshotSet): SnapshotSet {
  const { persistent: _persistent, writers: _writers, shadowCopies, ...rest } = set;
  // Copies, not references: operations edit shadow copies in place and a view must not change after it was read.
  return {
    ...rest,
    attributes: attributesOf(set),
    shadowCopies: shadowCopies.map((copy) => ({ ...copy, originalIdentity: { ...copy.originalIdentity } })),
  };
}

export function clustersView(state: LabState): Cluster[] {
  const views = viewsOf(state);
  views.clusters ??= markShared(state.clusters.map(toCluster));
  return views.clusters;
}

function toCluster(cluster: LabCluster): Cluster {
  const diskResources = cluster.resources.map((resource) => ({
    ...resource,
    ownerNode: ownerNodeOf(cluster, resource),
    state: resource.state === 'Online' && resource.maintenanceMode ? ('Online(Maintenance)' as const) : resource.state,
  }));
  return {
    name: cluster.name,
    nodes: cluster.nodes.map((node) => ({ ...node })),
    groups: cluster.groups.map((group) => {
      const states = [...cluster.resources, ...cluster.applicationResources].filter((r) => r.group === group.name).map((r) => r.state);
      const state = states.includes('Failed')
        ? 'Failed'
        : states.every((s) => s === 'Online')
          ? 'Online'
          : states.every((s) => s === 'Offline')
            ? 'Offline'
            : 'PartialOnline';
      return { ...group, state };
    }),
    diskResources,
    applicationResources: cluster.applicationResources.map((resource) => ({
      ...resource,
      dependencies: [...resource.dependencies],
      ownerNode: ownerNodeOf(cluster, resource),
    })),
  };
}
