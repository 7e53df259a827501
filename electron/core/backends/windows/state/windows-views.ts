/**
 * Domain objects from what the tools printed (parsed) and what the SAN map declares. Pure functions.
 *
 * Where neither source knows a field, the value says "unknown" in the safest way the schema allows, and the
 * gap is listed here rather than guessed:
 * - volumes: not read (the inventory lists disks; createSnapshotSet asks Get-Volume for the disks it needs).
 * - contentChecksum: ShadowSwap cannot sample data on a real array, so each LUN gets a distinct
 *   `not-sampled:<id>`, which never makes two LUNs look equal.
 * - diskKind: the Storage module does not manage dynamic disks; disks it lists are reported basic.
 * - a LUN no mapped host can see: size 0 and partition style RAW (nothing on the hosts can read it).
 * - cluster states outside the domain's enums (pending states) are reported as not online.
 * - cluster events are not read: no public capture shows a cmdlet's output for them.
 */
import {
  NOT_SAMPLED,
  type ApplicationResource,
  type Cluster,
  type DiskResource,
  type Host,
  type Lun,
  type LunIdentifier,
} from '../../../../../shared/domain';
import type { DiskInfo } from '../../../windows-tools/parsers/parse-disk';
import type {
  ClusterGroupInfo,
  ClusterNodeInfo,
  ClusterResourceInfo,
  DiskResourceParameters,
  ResourceDependencies,
} from '../../../windows-tools/parsers/parse-cluster';
import type { SanMap, SanMapLun } from './san-map';

export const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** Whether a LUN's access list lets `host` see it. */
export function lunVisibleTo(lun: Pick<SanMapLun, 'maskAll' | 'maskedTo'>, host: string): boolean {
  return lun.maskAll || lun.maskedTo.some((h) => sameName(h, host));
}

function identifiers(disk: DiskInfo): LunIdentifier[] {
  if (disk.uniqueId === null || disk.uniqueIdFormatCode === null) return [];
  // VendorId (1) and SCSI name string (8) designators are text; the others are binary, shown as hex.
  const codeSet = disk.uniqueIdFormatCode === 1 || disk.uniqueIdFormatCode === 8 ? 'ascii' : 'binary';
  // VDS and the Storage module do not report the SPC association field
  // (docs/windows-facts.md#vds-identifier-types-and-no-association-field): unknown.
  return [{ type: disk.uniqueIdFormatCode, codeSet, association: null, value: disk.uniqueId }];
}

/** The identity the cluster matches a disk by: the GPT disk GUID, else the MBR signature. */
export function diskSignature(disk: DiskInfo): string | null {
  return disk.partitionStyle === 'GPT' ? disk.guid : disk.signature;
}

export function lunView(lun: SanMapLun, disk: DiskInfo | undefined): Lun {
  return {
    id: lun.id,
    name: lun.name,
    arrayId: lun.arrayId,
    sizeBytes: disk?.sizeBytes ?? 0,
    identifiers: disk === undefined ? [] : identifiers(disk),
    partitionStyle: disk?.partitionStyle ?? 'RAW',
    diskKind: 'basic',
    signature: disk === undefined ? null : diskSignature(disk),
    volumes: [],
    readOnly: disk?.isReadOnly ?? false,
    hidden: false,
    maskedTo: lun.maskedTo,
    maskAll: lun.maskAll,
    contentChecksum: `${NOT_SAMPLED}${lun.id}`,
    state: lun.shadowOf === null ? 'healthy' : 'shadow',
    shadowOf: lun.shadowOf,
  };
}

export function hostsView(map: SanMap): Host[] {
  return map.hosts.map((h) => ({
    name: h.name,
    osVersion: h.osVersion,
    initiators: h.initiators,
    clusterName: h.clusterName,
    visibleLunIds: map.luns.filter((l) => lunVisibleTo(l, h.name)).map((l) => l.id),
  }));
}

function nodeState(state: string | null): Cluster['nodes'][number]['state'] {
  if (state !== null && sameName(state, 'Up')) return 'Up';
  if (state !== null && sameName(state, 'Paused')) return 'Paused';
  return 'Down';
}

function groupState(state: string | null): Cluster['groups'][number]['state'] {
  for (const known of ['Online', 'PartialOnline', 'Failed'] as const) if (state !== null && sameName(state, known)) return known;
  return 'Offline';
}

export const isPhysicalDisk = (resource: ClusterResourceInfo): boolean =>
  resource.resourceType !== null && sameName(resource.resourceType, 'Physical Disk');

function dependenciesOf(name: string, dependencies: readonly ResourceDependencies[]): string[] {
  return dependencies.find((d) => sameName(d.resource, name))?.dependsOn ?? [];
}

function applicationResource(resource: ClusterResourceInfo, dependencies: readonly ResourceDependencies[]): ApplicationResource {
  return {
    name: resource.name,
    group: resource.ownerGroup ?? '',
    ownerNode: resource.ownerNode ?? '',
    state: resource.state === 'Online' || resource.state === 'Failed' ? resource.state : 'Offline',
    resourceType: resource.resourceType ?? '',
    dependencies: dependenciesOf(resource.name, dependencies),
  };
}

function diskResource(
  resource: ClusterResourceInfo,
  parameters: DiskResourceParameters,
  dependencies: readonly ResourceDependencies[],
): DiskResource {
  const maintenance = (parameters.maintenanceMode ?? 0) !== 0 || resource.maintenanceShown;
  let state: DiskResource['state'] = resource.state === 'Failed' ? 'Failed' : 'Offline';
  if (resource.state === 'Online') state = maintenance ? 'Online(Maintenance)' : 'Online';
  return {
    name: resource.name,
    group: resource.ownerGroup ?? '',
    ownerNode: resource.ownerNode ?? '',
    state,
    maintenanceMode: maintenance,
    diskIdType: parameters.identity.kind === 'gpt' ? 'GPT' : 'MBR',
    diskSignature: parameters.diskSignature,
    diskIdGuid: parameters.diskIdGuid,
    dependencies: dependenciesOf(resource.name, dependencies),
    lastEvent: null,
  };
}

export interface ClusterReading {
  name: string;
  nodes: ClusterNodeInfo[];
  groups: ClusterGroupInfo[];
  /** Every resource Get-ClusterResource listed; the Physical Disks among them are also in `disks`. */
  resources: ClusterResourceInfo[];
  /** Physical Disk resources with their identity parameters. */
  disks: { resource: ClusterResourceInfo; parameters: DiskResourceParameters }[];
  dependencies: ResourceDependencies[];
}

export function clusterView(reading: ClusterReading): Cluster {
  return {
    name: reading.name,
    nodes: reading.nodes.map((n) => ({ name: n.name, state: nodeState(n.state) })),
    groups: reading.groups.map((g) => ({ name: g.name, ownerNode: g.ownerNode ?? '', state: groupState(g.state) })),
    diskResources: reading.disks.map((d) => diskResource(d.resource, d.parameters, reading.dependencies)),
    applicationResources: reading.resources.filter((r) => !isPhysicalDisk(r)).map((r) => applicationResource(r, reading.dependencies)),
  };
}
