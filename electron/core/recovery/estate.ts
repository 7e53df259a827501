/**
 * One consistent read of everything the planner and preflight need, with the lookups they share:
 * which cluster a set belongs to, and which disk resource a LUN backs (matched by disk signature or GUID,
 * as the cluster itself matches them).
 */
import { normalizeGuid } from '../../../shared/disk-identity';
import type { Cluster, Host, Lun, SnapshotSet } from '../../../shared/domain';
import { ShadowSwapError } from '../../../shared/errors';
import type { Backend } from '../backend';

// The disk-identity rules live in shared/ (the inventory uses them too); the planner and preflight reach them through here.
export { resourceForLun } from '../../../shared/disk-identity';

export interface Estate {
  luns: Map<string, Lun>;
  hosts: Map<string, Host>;
  sets: SnapshotSet[];
  clusters: Cluster[];
}

export async function readEstate(backend: Backend): Promise<Estate> {
  const [luns, hosts, sets, clusters] = await Promise.all([
    backend.listLuns(),
    backend.listHosts(),
    backend.listSnapshotSets(),
    backend.listClusters(),
  ]);
  return {
    luns: new Map(luns.map((lun) => [lun.id, lun])),
    hosts: new Map(hosts.map((host) => [host.name.toUpperCase(), host])),
    sets,
    clusters,
  };
}

export function findSet(estate: Estate, setId: string): SnapshotSet {
  const wanted = normalizeGuid(setId);
  const matches = estate.sets.filter((set) => normalizeGuid(set.id) === wanted || normalizeGuid(set.id).startsWith(wanted));
  if (matches.length === 1) return matches[0] as SnapshotSet;
  if (matches.length > 1)
    throw new ShadowSwapError('INVALID_REQUEST', `"${setId}" matches ${matches.length} snapshot sets; give more of the set id.`);
  throw new ShadowSwapError('NOT_FOUND', `There is no snapshot set "${setId}". List them with: shadowswap inventory snapshots`);
}

export function hostOf(estate: Estate, name: string): Host | undefined {
  return estate.hosts.get(name.toUpperCase());
}

export function clusterOfHost(estate: Estate, hostName: string): Cluster | undefined {
  const host = hostOf(estate, hostName);
  return host?.clusterName ? estate.clusters.find((c) => c.name === host.clusterName) : undefined;
}
