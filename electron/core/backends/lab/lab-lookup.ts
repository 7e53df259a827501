/**
 * Finding the objects an operation names, with NOT_FOUND errors that list what does exist, so the
 * operator can correct a typo without opening the inventory.
 */
import type { StorageArray } from '../../../../shared/domain';
import { ShadowSwapError } from '../../../../shared/errors';
import type { LabApplicationResource, LabCluster, LabDiskResource, LabHost, LabLun, LabSnapshotSet, LabState } from './lab-model';

function notFound(what: string, name: string, known: readonly string[]): ShadowSwapError {
  const sample = known.slice(0, 12).join(', ');
  const more = known.length > 12 ? ` and ${known.length - 12} more` : '';
  return new ShadowSwapError('NOT_FOUND', `There is no ${what} "${name}" in this estate. Known: ${sample || '(none)'}${more}.`, {
    what,
    name,
  });
}

/** A LUN by id, or by name when the name is unique. */
export function findLun(state: LabState, idOrName: string): LabLun {
  const byId = state.luns.find((lun) => lun.id === idOrName);
  if (byId) return byId;
  const byName = state.luns.filter((lun) => lun.name.toLowerCase() === idOrName.toLowerCase());
  if (byName.length === 1 && byName[0]) return byName[0];
  if (byName.length > 1) {
    throw new ShadowSwapError(
      'PRECONDITION_FAILED',
      `${byName.length} LUNs are called "${idOrName}" (${byName.map((l) => l.id).join(', ')}). Name the one you mean by its id.`,
    );
  }
  throw notFound(
    'LUN',
    idOrName,
    state.luns.map((lun) => lun.name),
  );
}

/** An array by its friendly name (case-insensitively) or its id. */
export function findArray(state: LabState, nameOrId: string): StorageArray {
  const array = state.arrays.find((a) => a.id === nameOrId || a.name.toLowerCase() === nameOrId.toLowerCase());
  if (!array)
    throw notFound(
      'array',
      nameOrId,
      state.arrays.map((a) => a.name),
    );
  return array;
}

/** Host names are NetBIOS names: compared case-insensitively, as Windows does. */
export function findHost(state: LabState, name: string): LabHost {
  const host = state.hosts.find((h) => h.name.toLowerCase() === name.toLowerCase());
  if (!host)
    throw notFound(
      'host',
      name,
      state.hosts.map((h) => h.name),
    );
  return host;
}

/** Set ids are GUIDs: matched without braces and case, as the tools print them both ways. */
export function findSnapshotSet(state: LabState, id: string): LabSnapshotSet {
  const wanted = normalizeGuid(id);
  const set = state.snapshotSets.find((s) => s.id === wanted);
  if (!set)
    throw notFound(
      'shadow copy set',
      id,
      state.snapshotSets.map((s) => s.id),
    );
  return set;
}

export function findCluster(state: LabState, name: string): LabCluster {
  const cluster = state.clusters.find((c) => c.name.toLowerCase() === name.toLowerCase());
  if (!cluster)
    throw notFound(
      'cluster',
      name,
      state.clusters.map((c) => c.name),
    );
  return cluster;
}

export function findResource(cluster: LabCluster, name: string): LabDiskResource {
  const resource = cluster.resources.find((r) => r.name.toLowerCase() === name.toLowerCase());
  if (!resource)
    throw notFound(
      `disk resource in cluster ${cluster.name}`,
      name,
      cluster.resources.map((r) => r.name),
    );
  return resource;
}

export function findApplicationResource(cluster: LabCluster, name: string): LabApplicationResource {
  const resource = cluster.applicationResources.find((r) => r.name.toLowerCase() === name.toLowerCase());
  if (!resource)
    throw notFound(
      `application resource in cluster ${cluster.name}`,
      name,
      cluster.applicationResources.map((r) => r.name),
    );
  return resource;
}

export function findGroup(cluster: LabCluster, name: string): LabCluster['groups'][number] {
  const group = cluster.groups.find((g) => g.name.toLowerCase() === name.toLowerCase());
  if (!group)
    throw notFound(
      `group in cluster ${cluster.name}`,
      name,
      cluster.groups.map((g) => g.name),
    );
  return group;
}

export function findNode(cluster: LabCluster, name: string): LabCluster['nodes'][number] {
  const node = cluster.nodes.find((n) => n.name.toLowerCase() === name.toLowerCase());
  if (!node)
    throw notFound(
      `node of cluster ${cluster.name}`,
      name,
      cluster.nodes.map((n) => n.name),
    );
  return node;
}

export function normalizeGuid(text: string): string {
  return text
    .trim()
    .replace(/^\{|\}$/g, '')
    .toLowerCase();
}
