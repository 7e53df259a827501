/**
 * Domain objects as the console's table rows: the LUN row with its compliance verdict and the cluster
 * disk it backs, the snapshot-set and cluster trees, hosts, and the masking matrix rows.
 */
import type { IdentifierCompliance } from '../../../shared/compliance';
import { lunRoleText, type LunRole } from '../../../shared/lun-roles';
import { lunIdentity, resourceIdentity } from '../../../shared/disk-identity';
import type {
  ApplicationResource,
  Cluster,
  ClusterGroup,
  DiskResource,
  Host,
  Lun,
  LunIdentifier,
  SnapshotSet,
  StorageArray,
} from '../../../shared/domain';
import {
  MASK_PREVIEW,
  type ClusterRow,
  type HostRow,
  type LunRow,
  type MatrixHost,
  type MatrixRow,
  type SetRef,
  type SnapshotRow,
} from '../../../shared/inventory-rows';
import type { ClusteredDisk, MaskingFinding } from '../../../shared/masking-findings';
import { lazyRow, searchText, type TreeNode } from './inventory-paging';

function identifierText(identifier: LunIdentifier): string {
  if (identifier.association === null) return `type ${identifier.type} (association unknown)`;
  return identifier.association === 0 ? `type ${identifier.type}` : `type ${identifier.type} (association ${identifier.association})`;
}

function volumesText(lun: Lun): string {
  return lun.volumes.map((volume) => (volume.driveLetter ? `${volume.driveLetter} ${volume.label}` : volume.label)).join(', ');
}

export function toLunRow(lun: Lun, disk: ClusteredDisk | null, compliance: IdentifierCompliance, role: LunRole): LunRow {
  return {
    id: lun.id,
    name: lun.name,
    arrayId: lun.arrayId,
    sizeBytes: lun.sizeBytes,
    identifiers: lun.identifiers.length === 0 ? 'none' : lun.identifiers.map(identifierText).join(', '),
    compliance,
    partitionStyle: lun.partitionStyle,
    diskKind: lun.diskKind,
    signature: lun.signature,
    volumes: volumesText(lun),
    maskAll: lun.maskAll,
    maskedTo: lun.maskedTo.slice(0, MASK_PREVIEW),
    maskedCount: lun.maskedTo.length,
    disk: disk ? { cluster: disk.cluster.name, resource: disk.resource.name, state: disk.resource.state } : null,
    state: lun.state,
    role,
    shadowOf: lun.shadowOf,
  };
}

export function lunNode(lun: Lun, disk: ClusteredDisk | null, compliance: IdentifierCompliance, role: LunRole): TreeNode<LunRow> {
  return {
    id: lun.id,
    row: lazyRow(() => toLunRow(lun, disk, compliance, role)),
    // A `*` mask matches "*" and "all"; listing every host name would make each search scan them all.
    text: searchText([
      lun.name,
      lun.id,
      lun.arrayId,
      lun.signature,
      lun.state,
      lunRoleText[role],
      compliance.verdict,
      lun.partitionStyle,
      lun.diskKind,
      volumesText(lun),
      disk?.cluster.name,
      disk?.resource.name,
      ...(lun.maskAll ? ['* all hosts'] : lun.maskedTo),
    ]),
    children: [],
  };
}

/** Where a LUN's copies are: by original LUN (every set holding a copy) and by shadow LUN (its own set). */
export function setRefsByLun(
  sets: readonly SnapshotSet[],
  lunName: (id: string) => string,
): { byOriginal: Map<string, SetRef[]>; byShadow: Map<string, SetRef> } {
  const byOriginal = new Map<string, SetRef[]>();
  const byShadow = new Map<string, SetRef>();
  for (const set of sets) {
    for (const copy of set.shadowCopies) {
      const ref: SetRef = {
        setId: set.id,
        createdAt: set.createdAt,
        state: set.state,
        sourceHost: set.sourceHost,
        shadowCopyId: copy.id,
        shadowLunId: copy.shadowLunId,
        shadowLunName: lunName(copy.shadowLunId),
      };
      const list = byOriginal.get(copy.originalLunId);
      if (list) list.push(ref);
      else byOriginal.set(copy.originalLunId, [ref]);
      byShadow.set(copy.shadowLunId, ref);
    }
  }
  for (const list of byOriginal.values()) list.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  return { byOriginal, byShadow };
}

export function snapshotNode(
  set: SnapshotSet,
  arrays: readonly StorageArray[],
  lunName: (id: string) => string,
  cluster: string | null,
): TreeNode<SnapshotRow> {
  const provider = arrays.find((array) => array.providerId === set.providerId)?.providerName ?? set.providerId;
  const children = set.shadowCopies.map((copy): TreeNode<SnapshotRow> => {
    const originalLunName = lunName(copy.originalLunId);
    const shadowLunName = lunName(copy.shadowLunId);
    const id = `${set.id}/${copy.id}`;
    return {
      id,
      row: lazyRow(() => ({
        kind: 'copy',
        id,
        level: 2,
        setId: set.id,
        originalVolume: copy.originalVolume,
        originalDriveLetter: copy.originalDriveLetter,
        originalLunId: copy.originalLunId,
        originalLunName,
        shadowLunId: copy.shadowLunId,
        shadowLunName,
        imported: copy.imported,
        exposedAs: copy.exposedAs,
      })),
      text: searchText([
        copy.id,
        copy.originalVolume,
        copy.originalDriveLetter,
        originalLunName,
        copy.originalLunId,
        shadowLunName,
        copy.shadowLunId,
        copy.exposedAs,
      ]),
      children: [],
    };
  });
  return {
    id: set.id,
    row: lazyRow(() => ({
      kind: 'set',
      id: set.id,
      level: 1,
      childCount: children.length,
      createdAt: set.createdAt,
      sourceHost: set.sourceHost,
      cluster,
      provider,
      attributes: set.attributes,
      state: set.state,
      importedTo: set.importedTo,
      metadataFile: set.metadataFile,
    })),
    text: searchText([
      set.id,
      set.createdAt,
      set.sourceHost,
      cluster,
      provider,
      set.state,
      set.importedTo,
      set.metadataFile,
      ...set.attributes,
    ]),
    children,
  };
}

/** Every LUN by disk identity, so each resource finds its disk without scanning the estate. */
export function lunsByIdentity(luns: readonly Lun[]): Map<string, Lun[]> {
  const index = new Map<string, Lun[]>();
  for (const lun of luns) {
    const identity = lunIdentity(lun);
    if (identity === null) continue;
    const list = index.get(identity);
    if (list) list.push(lun);
    else index.set(identity, [lun]);
  }
  return index;
}

/** The disk a resource binds to: one with its identity that the owner node sees, else any node of the cluster. */
function boundLun(cluster: Cluster, resource: DiskResource, byIdentity: ReadonlyMap<string, Lun[]>): Lun | undefined {
  const identity = resourceIdentity(resource);
  const candidates = identity === null ? [] : (byIdentity.get(identity) ?? []);
  const sees = (lun: Lun, node: string) => lun.maskedTo.some((name) => name.toUpperCase() === node.toUpperCase());
  return (
    candidates.find((lun) => sees(lun, resource.ownerNode)) ?? candidates.find((lun) => cluster.nodes.some((node) => sees(lun, node.name)))
  );
}

type ResourceRowFields = Pick<
  Extract<ClusterRow, { kind: 'disk' | 'application' }>,
  'id' | 'level' | 'cluster' | 'group' | 'name' | 'ownerNode' | 'dependencies'
>;

/**
 * A resource under its group. Disks and application resources share where they run, their state and what
 * they depend on, so both are found the same way ("sql01 offline", a disk name finds what depends on it);
 * each kind adds its own fields and search words.
 */
function resourceNode(
  groupId: string,
  cluster: Cluster,
  resource: DiskResource | ApplicationResource,
  row: (fields: ResourceRowFields) => ClusterRow,
  ownText: ReadonlyArray<string | null | undefined>,
): TreeNode<ClusterRow> {
  const id = `${groupId}/${resource.name}`;
  const fields: ResourceRowFields = {
    id,
    level: 3,
    cluster: cluster.name,
    group: resource.group,
    name: resource.name,
    ownerNode: resource.ownerNode,
    dependencies: resource.dependencies,
  };
  return {
    id,
    row: lazyRow(() => row(fields)),
    text: searchText([resource.name, resource.state, resource.ownerNode, ...ownText, ...resource.dependencies]),
    children: [],
  };
}

function diskNode(groupId: string, cluster: Cluster, resource: DiskResource, byIdentity: ReadonlyMap<string, Lun[]>): TreeNode<ClusterRow> {
  const lun = boundLun(cluster, resource, byIdentity);
  const diskId = resource.diskIdType === 'MBR' ? resource.diskSignature : resource.diskIdGuid;
  return resourceNode(
    groupId,
    cluster,
    resource,
    (fields) => ({
      ...fields,
      kind: 'disk',
      state: resource.state,
      maintenanceMode: resource.maintenanceMode,
      diskIdType: resource.diskIdType,
      diskId,
      lun: lun ? { id: lun.id, name: lun.name, state: lun.state } : null,
      lastEvent: resource.lastEvent,
    }),
    ['Physical Disk', diskId, lun?.name, lun?.id, lun?.state, resource.maintenanceMode ? 'maintenance' : null, resource.lastEvent],
  );
}

function applicationNode(groupId: string, cluster: Cluster, resource: ApplicationResource): TreeNode<ClusterRow> {
  return resourceNode(
    groupId,
    cluster,
    resource,
    (fields) => ({ ...fields, kind: 'application', state: resource.state, resourceType: resource.resourceType }),
    [resource.resourceType],
  );
}

/** Offline or Failed: a disk in maintenance mode is still online, its group too. */
function isDown(
  resource: DiskResource | ApplicationResource,
): resource is (DiskResource | ApplicationResource) & { state: 'Offline' | 'Failed' } {
  return resource.state === 'Offline' || resource.state === 'Failed';
}

function groupNode(cluster: Cluster, group: ClusterGroup, byIdentity: ReadonlyMap<string, Lun[]>): TreeNode<ClusterRow> {
  const id = `${cluster.name}/group/${group.name}`;
  const inGroup = <R extends { group: string }>(resources: readonly R[]) => resources.filter((resource) => resource.group === group.name);
  const disks = inGroup(cluster.diskResources);
  const applications = inGroup(cluster.applicationResources);
  const children = [
    ...disks.map((disk) => diskNode(id, cluster, disk, byIdentity)),
    ...applications.map((application) => applicationNode(id, cluster, application)),
  ];
  return {
    id,
    row: lazyRow(() => ({
      kind: 'group',
      id,
      level: 2,
      childCount: children.length,
      cluster: cluster.name,
      name: group.name,
      ownerNode: group.ownerNode,
      state: group.state,
      down: [...disks, ...applications].filter(isDown).map((resource) => ({ name: resource.name, state: resource.state })),
    })),
    text: searchText([group.name, group.ownerNode, group.state]),
    children,
  };
}

export function clusterNode(cluster: Cluster, byIdentity: ReadonlyMap<string, Lun[]>): TreeNode<ClusterRow> {
  const nodes = cluster.nodes.map((node): TreeNode<ClusterRow> => ({
    id: `${cluster.name}/node/${node.name}`,
    row: () => ({
      kind: 'node',
      id: `${cluster.name}/node/${node.name}`,
      level: 2,
      cluster: cluster.name,
      name: node.name,
      state: node.state,
    }),
    text: searchText([node.name, node.state]),
    children: [],
  }));
  const groups = cluster.groups.map((group) => groupNode(cluster, group, byIdentity));
  const online = (resources: ReadonlyArray<{ state: string }>) => resources.filter((resource) => resource.state === 'Online').length;
  return {
    id: cluster.name,
    row: lazyRow(() => ({
      kind: 'cluster',
      id: cluster.name,
      level: 1,
      childCount: nodes.length + groups.length,
      name: cluster.name,
      nodesUp: cluster.nodes.filter((node) => node.state === 'Up').length,
      nodeCount: cluster.nodes.length,
      disksOnline: online(cluster.diskResources),
      diskCount: cluster.diskResources.length,
      applicationsOnline: online(cluster.applicationResources),
      applicationCount: cluster.applicationResources.length,
    })),
    text: searchText([cluster.name]),
    children: [...nodes, ...groups],
  };
}

export function toHostRow(host: Host): HostRow {
  return {
    name: host.name,
    osVersion: host.osVersion,
    clusterName: host.clusterName,
    initiators: host.initiators,
    visibleCount: host.visibleLunIds.length,
  };
}

export function hostText(host: Host): string {
  return searchText([host.name, host.osVersion, host.clusterName, ...host.initiators.map((i) => (i.kind === 'fc' ? i.wwn : i.iqn))]);
}

const byName = new Intl.Collator('en', { numeric: true }).compare;

/** Matrix columns: each cluster's nodes together (clusters by name), then the standalone hosts. */
export function matrixHosts(hosts: readonly Host[], nodeClusters: ReadonlyMap<string, Cluster>): MatrixHost[] {
  const columns = hosts.map((host) => ({ name: host.name, cluster: nodeClusters.get(host.name.toUpperCase())?.name ?? null }));
  return columns.sort((a, b) => {
    if ((a.cluster === null) !== (b.cluster === null)) return a.cluster === null ? 1 : -1;
    return byName(a.cluster ?? '', b.cluster ?? '') || byName(a.name, b.name);
  });
}

export function toMatrixRow(
  lun: Lun,
  disk: ClusteredDisk | null,
  columnOf: ReadonlyMap<string, number>,
  findings: readonly MaskingFinding[],
): MatrixRow {
  const seenBy: number[] = [];
  for (const name of lun.maskedTo) {
    const column = columnOf.get(name.toUpperCase());
    if (column !== undefined) seenBy.push(column);
  }
  return {
    lunId: lun.id,
    name: lun.name,
    state: lun.state,
    cluster: disk?.cluster.name ?? null,
    resource: disk?.resource.name ?? null,
    seenBy: seenBy.sort((a, b) => a - b),
    findings: [...new Set(findings.map((finding) => finding.kind))],
  };
}

/** Matrix order: LUNs with findings first, then cluster by cluster, then other visible LUNs, then unmasked ones. */
export function compareMatrixRows(a: MatrixRow, b: MatrixRow): number {
  const rank = (row: MatrixRow) => (row.findings.length > 0 ? 0 : row.cluster !== null ? 1 : row.seenBy.length > 0 ? 2 : 3);
  return rank(a) - rank(b) || byName(a.cluster ?? '', b.cluster ?? '') || byName(a.name, b.name);
}
