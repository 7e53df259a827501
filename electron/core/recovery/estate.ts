/**
 * One consistent read of everything the planner and preflight need, with the lookups they share:
 * which cluster a set belongs to, and which disk resource a LUN backs (matched by disk signature or GUID,
 * as the cluster itself matches them).
 */
import type { Cluster, DiskResource, Host, Lun, SnapshotSet } from '../../../shared/domain';
import { ShadowSwapError } from '../../../shared/errors';
import type { Backend } from '../backend';

export interface Estate {
  luns: Map<string, Lun>;
  hosts: Map<string, Host>;
  sets: SnapshotSet[];
  clusters: Cluster[];
}

export async function readEstate(backend: Backend): Promise<Estate> {
  const [luns, hosts, sets, clusters] = await Promise.all([backend.listLuns(), backend.listHosts(), backend.listSnapshotSets(), backend.listClusters()]);
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
  if (matches.length > 1) throw new ShadowSwapError('INVALID_REQUEST', `"${setId}" matches ${matches.length} snapshot sets; give more of the set id.`);
  throw new ShadowSwapError('NOT_FOUND', `There is no snapshot set "${setId}". List them with: shadowswap inventory snapshots`);
}

export function hostOf(estate: Estate, name: string): Host | undefined {
  return estate.hosts.get(name.toUpperCase());
}

/** GUIDs compare without braces and case, as diskshadow, vssadmin and WMI print them differently. */
export function normalizeGuid(text: string): string {
  return text.trim().replace(/^\{|\}$/g, '').toLowerCase();
}

/** The identity the cluster looks for: DiskSignature for MBR, DiskIdGuid for GPT. */
export function resourceIdentity(resource: DiskResource): string | null {
  if (resource.diskIdType === 'MBR') return resource.diskSignature?.toUpperCase().replace(/^0X/, '').padStart(8, '0') ?? null;
  return resource.diskIdGuid ? normalizeGuid(resource.diskIdGuid) : null;
}

export function lunIdentity(lun: Lun): string | null {
  if (!lun.signature) return null;
  return lun.partitionStyle === 'GPT' ? normalizeGuid(lun.signature) : lun.signature.toUpperCase().padStart(8, '0');
}

export function clusterOfHost(estate: Estate, hostName: string): Cluster | undefined {
  const host = hostOf(estate, hostName);
  return host?.clusterName ? estate.clusters.find((c) => c.name === host.clusterName) : undefined;
}

/** The disk resource that expects this LUN's identity, if any. */
export function resourceForLun(cluster: Cluster | undefined, lun: Lun): DiskResource | undefined {
  const identity = lunIdentity(lun);
  if (!cluster || identity === null) return undefined;
  return cluster.diskResources.find((resource) => resourceIdentity(resource) === identity);
}
