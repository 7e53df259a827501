/**
 * The failover cluster's resources: Physical Disks and the application resources that depend on them. A
 * resource is owned by its group's owner node; the cmdlets act there. A disk comes online only if that node
 * sees a disk with the identity the resource expects (DiskSignature or DiskIdGuid), otherwise it fails with
 * ClusDisk event 1034. Maintenance mode keeps a disk "online" with health checking off, and is cleared when
 * its group moves. Taking a resource offline takes its dependents offline first; bringing one online brings
 * what it depends on online first, never its dependents.
 */
import { ShadowSwapError } from '../../../../shared/errors';
import type { OperationResult } from '../../../../shared/domain';
import type { ResourceOnNode, ResourceRef } from '../../backend';
import type { LabApplicationResource, LabCluster, LabDiskResource, LabLun, LabState } from './lab-model';
import { findApplicationResource, findCluster, findGroup, findNode, findResource, normalizeGuid } from './lab-lookup';
import { FailedWithEffect, report } from './operation';
import { identityKey, isVisibleTo, lunIdentityKey } from './visibility';
import { windowsFailure } from './windows-errors';

type LabResource = LabDiskResource | LabApplicationResource;

const isDisk = (resource: LabResource): resource is LabDiskResource => 'diskIdType' in resource;

/** Every resource of the cluster, disks first, as dependency names refer to either kind. */
function allResources(cluster: LabCluster): LabResource[] {
  return [...cluster.resources, ...cluster.applicationResources];
}

function anyResource(cluster: LabCluster, name: string): LabResource {
  return allResources(cluster).find((r) => r.name.toLowerCase() === name.toLowerCase()) ?? findResource(cluster, name);
}

export function ownerNodeOf(cluster: LabCluster, resource: Pick<LabResource, 'group'>): string {
  return cluster.groups.find((group) => group.name === resource.group)?.ownerNode ?? '';
}

function expectedIdentity(resource: LabDiskResource): string {
  return (resource.diskIdType === 'GPT' ? resource.diskIdGuid : resource.diskSignature) ?? '(none)';
}

function resourceKey(resource: LabDiskResource): string | null {
  return identityKey(resource.diskIdType, resource.diskIdType === 'GPT' ? resource.diskIdGuid : resource.diskSignature);
}

/** The disk the resource would bind to on a node, if the node sees one with the expected identity. */
function diskFor(state: LabState, resource: LabDiskResource, node: string, index = disksByIdentity(state)): LabLun | undefined {
  const key = resourceKey(resource);
  return key === null ? undefined : index.get(key)?.find((lun) => isVisibleTo(lun, node));
}

/** Disks grouped by identity, built once per check so that checking 1,000 resources stays linear. */
function disksByIdentity(state: LabState): Map<string, LabLun[]> {
  const index = new Map<string, LabLun[]>();
  for (const lun of state.luns) {
    const key = lunIdentityKey(lun);
    if (key === null) continue;
    const list = index.get(key);
    if (list) list.push(lun);
    else index.set(key, [lun]);
  }
  return index;
}

/**
 * The disk resource of a cluster `host` belongs to that expects this LUN's disk identity: on that host the disk is
 * managed by the cluster, whatever state its resource is in. Null for a disk no cluster claims there.
 */
export function clusterResourceClaiming(state: LabState, lun: LabLun, host: string): LabDiskResource | null {
  const key = lunIdentityKey(lun);
  if (key === null) return null;
  const cluster = state.clusters.find((c) => c.nodes.some((node) => node.name.toLowerCase() === host.toLowerCase()));
  return cluster?.resources.find((resource) => resourceKey(resource) === key) ?? null;
}

function event1034(resource: LabDiskResource): string {
  const what = resource.diskIdType === 'GPT' ? 'disk GUID' : 'signature';
  return `Event 1034 (ClusDisk): The disk associated with cluster disk resource '${resource.name}' could not be found. The expected ${what} of the disk was ${expectedIdentity(resource)}.`;
}

function requireOwner(cluster: LabCluster, resource: LabResource, onNode: string, verb: string): void {
  const node = findNode(cluster, onNode);
  const owner = ownerNodeOf(cluster, resource);
  if (node.name !== owner) {
    throw windowsFailure(
      'ERROR_HOST_NODE_NOT_RESOURCE_OWNER',
      `Cannot ${verb} "${resource.name}" from ${node.name}: its group "${resource.group}" is owned by ${owner}. Run the command on ${owner}, or move the group to ${node.name} first`,
      'PRECONDITION_FAILED',
    );
  }
  if (node.state !== 'Up') {
    throw windowsFailure(
      'ERROR_CLUSTER_NODE_DOWN',
      `Cannot ${verb} "${resource.name}": its owner node ${node.name} is ${node.state}. Bring the node up or move the group`,
      'PRECONDITION_FAILED',
    );
  }
}

/**
 * Tries to bring a resource (and first what it depends on) online on a node. Sets Online or Failed and
 * returns the failure, if any; the caller saves either way, because a failed resource stays Failed.
 */
function bringOnline(
  state: LabState,
  cluster: LabCluster,
  resource: LabResource,
  node: string,
  changes: string[],
  seen = new Set<string>(),
): ShadowSwapError | null {
  if (seen.has(resource.name)) return null;
  seen.add(resource.name);
  for (const name of resource.dependencies) {
    const provider = anyResource(cluster, name);
    if (provider.state !== 'Online') {
      const failure = bringOnline(state, cluster, provider, node, changes, seen);
      if (failure) return failure;
    }
  }
  const before = displayState(resource);
  if (isDisk(resource) && !diskFor(state, resource, node)) {
    resource.state = 'Failed';
    resource.maintenanceMode = false;
    resource.lastEvent = event1034(resource);
    changes.push(`${resource.name}: ${before} → Failed on ${node}`);
    return windowsFailure(
      'ERROR_RESOURCE_FAILED',
      `"${resource.name}" failed to come online on ${node}: ${node} sees no disk with ${resource.diskIdType === 'GPT' ? 'disk GUID' : 'signature'} ${expectedIdentity(resource)}. ${resource.lastEvent} Unmask the recovered LUN to ${node} with its original identity (break with identity revert), then try again`,
    );
  }
  resource.state = 'Online';
  if (isDisk(resource)) resource.lastEvent = null;
  if (before !== 'Online') changes.push(`${resource.name}: ${before} → Online on ${node}`);
  return null;
}

function displayState(resource: LabResource): string {
  return isDisk(resource) && resource.state === 'Online' && resource.maintenanceMode ? 'Online(Maintenance)' : resource.state;
}

function locate(state: LabState, ref: ResourceRef): { cluster: LabCluster; resource: LabDiskResource } {
  const cluster = findCluster(state, ref.cluster);
  return { cluster, resource: findResource(cluster, ref.resource) };
}

export function startResource(state: LabState, params: ResourceOnNode): OperationResult | FailedWithEffect {
  const { cluster, resource } = locate(state, params);
  requireOwner(cluster, resource, params.onNode, 'start');
  if (resource.state === 'Online') {
    return report(
      'startResource',
      `"${resource.name}" is already ${displayState(resource)} on ${ownerNodeOf(cluster, resource)}; nothing changed.`,
    );
  }
  const changes: string[] = [];
  const failure = bringOnline(state, cluster, resource, ownerNodeOf(cluster, resource), changes);
  if (failure) return new FailedWithEffect(failure);
  return report('startResource', `"${resource.name}" is Online on ${ownerNodeOf(cluster, resource)}.`, {
    changes,
    warnings: readOnlyWarning(state, resource, ownerNodeOf(cluster, resource)),
  });
}

/** A disk online with read-only volumes is up for the cluster but not for the application on it. */
function readOnlyWarning(state: LabState, resource: LabDiskResource, node: string): string[] {
  const disk = diskFor(state, resource, node);
  return disk?.readOnly
    ? [`${disk.name} is online but its volumes are read-only: applications cannot write. Mark the volumes read/write.`]
    : [];
}

export function stopResource(state: LabState, params: ResourceOnNode): OperationResult {
  const { cluster, resource } = locate(state, params);
  requireOwner(cluster, resource, params.onNode, 'stop');
  const changes: string[] = [];
  takeOffline(cluster, resource, changes);
  if (changes.length === 0) return report('stopResource', `"${resource.name}" was already Offline; nothing changed.`);
  return report(
    'stopResource',
    `"${resource.name}" is Offline on ${ownerNodeOf(cluster, resource)}; its disk can now be masked without the cluster failing it.`,
    { changes },
  );
}

/** Stop-ClusterResource: "Before the resource is taken offline, any resources that depend on it are taken offline." */
function takeOffline(cluster: LabCluster, resource: LabResource, changes: string[]): void {
  for (const dependent of allResources(cluster).filter((r) =>
    r.dependencies.some((name) => name.toLowerCase() === resource.name.toLowerCase()),
  ))
    takeOffline(cluster, dependent, changes);
  if (resource.state === 'Offline') return;
  changes.push(`${resource.name}: ${displayState(resource)} → Offline`);
  resource.state = 'Offline';
  if (isDisk(resource)) resource.maintenanceMode = false;
}

function locateApplication(state: LabState, ref: ResourceRef): { cluster: LabCluster; resource: LabApplicationResource } {
  const cluster = findCluster(state, ref.cluster);
  return { cluster, resource: findApplicationResource(cluster, ref.resource) };
}

/** Start-ClusterResource on an application resource: what it depends on comes online first; a provider that fails fails it. */
export function startApplicationResource(state: LabState, params: ResourceOnNode): OperationResult | FailedWithEffect {
  const { cluster, resource } = locateApplication(state, params);
  requireOwner(cluster, resource, params.onNode, 'start');
  const node = ownerNodeOf(cluster, resource);
  if (resource.state === 'Online')
    return report('startApplicationResource', `"${resource.name}" is already Online on ${node}; nothing changed.`);
  const changes: string[] = [];
  const failure = bringOnline(state, cluster, resource, node, changes);
  if (failure) {
    resource.state = 'Failed';
    changes.push(`${resource.name}: Offline → Failed on ${node}`);
    return new FailedWithEffect(
      windowsFailure(
        'ERROR_RESOURCE_FAILED',
        `"${resource.name}" could not come online on ${node} because a resource it depends on failed: ${failure.message}`,
      ),
    );
  }
  return report('startApplicationResource', `"${resource.name}" is Online on ${node}.`, { changes });
}

/** Stop-ClusterResource on an application resource; its own dependents go offline first. */
export function stopApplicationResource(state: LabState, params: ResourceOnNode): OperationResult {
  const { cluster, resource } = locateApplication(state, params);
  requireOwner(cluster, resource, params.onNode, 'stop');
  const changes: string[] = [];
  takeOffline(cluster, resource, changes);
  if (changes.length === 0) return report('stopApplicationResource', `"${resource.name}" was already Offline; nothing changed.`);
  return report('stopApplicationResource', `"${resource.name}" is Offline on ${ownerNodeOf(cluster, resource)}.`, { changes });
}

export function suspendResource(state: LabState, params: ResourceOnNode): OperationResult {
  const { cluster, resource } = locate(state, params);
  requireOwner(cluster, resource, params.onNode, 'suspend');
  if (resource.state !== 'Online') {
    throw windowsFailure(
      'ERROR_RESOURCE_NOT_ONLINE',
      `Cannot turn maintenance mode on for "${resource.name}": it is ${resource.state}, and maintenance mode applies only to an online disk. It is already out of service; go on with masking`,
      'PRECONDITION_FAILED',
    );
  }
  if (resource.maintenanceMode) return report('suspendResource', `"${resource.name}" is already in maintenance mode; nothing changed.`);
  resource.maintenanceMode = true;
  return report(
    'suspendResource',
    `"${resource.name}" is Online(Maintenance) on ${ownerNodeOf(cluster, resource)}: health checking is off, so its disk can be masked without a failover.`,
    {
      changes: [`${resource.name}: Online → Online(Maintenance)`],
    },
  );
}

export function resumeResource(state: LabState, params: ResourceOnNode): OperationResult | FailedWithEffect {
  const { cluster, resource } = locate(state, params);
  requireOwner(cluster, resource, params.onNode, 'resume');
  if (!resource.maintenanceMode) {
    throw windowsFailure(
      'ERROR_INVALID_STATE',
      `"${resource.name}" is not in maintenance mode (it is ${resource.state}). Use start to bring an offline resource online`,
      'PRECONDITION_FAILED',
    );
  }
  const node = ownerNodeOf(cluster, resource);
  resource.maintenanceMode = false;
  // Health checking resumes: the resource must find its disk again, or it fails.
  const changes: string[] = [];
  const failure = bringOnline(state, cluster, resource, node, changes);
  if (failure) return new FailedWithEffect(failure);
  return report('resumeResource', `"${resource.name}" is out of maintenance mode and Online on ${node}.`, {
    changes: [`${resource.name}: Online(Maintenance) → Online`, ...changes],
    warnings: readOnlyWarning(state, resource, node),
  });
}

export function moveGroup(state: LabState, params: { cluster: string; group: string; node: string }): OperationResult | FailedWithEffect {
  const cluster = findCluster(state, params.cluster);
  const group = findGroup(cluster, params.group);
  const target = findNode(cluster, params.node);
  if (target.state !== 'Up') {
    throw windowsFailure(
      'ERROR_CLUSTER_NODE_DOWN',
      `Cannot move "${group.name}" to ${target.name}: the node is ${target.state}`,
      'PRECONDITION_FAILED',
    );
  }
  const from = group.ownerNode;
  group.ownerNode = target.name;
  const changes = [`${group.name}: owner ${from} → ${target.name}`];
  const failures: ShadowSwapError[] = [];
  // Everything online in the group goes offline here and comes online there, disks before what depends on them.
  for (const resource of allResources(cluster).filter((r) => r.group === group.name)) {
    if (isDisk(resource)) {
      if (resource.maintenanceMode) changes.push(`${resource.name}: maintenance mode cleared by the move`);
      resource.maintenanceMode = false;
    }
    if (resource.state === 'Offline') continue;
    resource.state = 'Offline';
    const failure = bringOnline(state, cluster, resource, target.name, changes);
    if (failure) failures.push(failure);
  }
  const [first] = failures;
  if (first) {
    return new FailedWithEffect(
      windowsFailure(
        'ERROR_RESOURCE_FAILED',
        `"${group.name}" moved to ${target.name} but ${failures.length} resource(s) failed there. First: ${first.message}`,
      ),
    );
  }
  return report('moveGroup', `"${group.name}" is now owned by ${target.name}${from === target.name ? ' (it already was)' : ''}.`, {
    changes,
  });
}

export function setResourceDiskIdentity(state: LabState, params: ResourceRef & { signature: string }): OperationResult {
  const { resource } = locate(state, params);
  if (resource.state === 'Online') {
    throw windowsFailure(
      'ERROR_RESOURCE_ONLINE',
      `Cannot change the disk identity of "${resource.name}" while it is online. Stop it first`,
      'PRECONDITION_FAILED',
    );
  }
  const before = expectedIdentity(resource);
  if (resource.diskIdType === 'GPT') {
    const guid = normalizeGuid(params.signature);
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(guid)) {
      throw new ShadowSwapError(
        'INVALID_REQUEST',
        `"${params.signature}" is not a GPT disk GUID; "${resource.name}" is a GPT disk and needs DiskIdGuid like d44e4b8d-ead2-4221-b709-ccbb4ef70fd1.`,
      );
    }
    resource.diskIdGuid = guid;
  } else {
    const signature = params.signature.replace(/^0x/i, '').toUpperCase();
    if (!/^[0-9A-F]{8}$/.test(signature)) {
      throw new ShadowSwapError(
        'INVALID_REQUEST',
        `"${params.signature}" is not an MBR disk signature; "${resource.name}" needs DiskSignature as 8 hex digits, like 1A2B3C4D.`,
      );
    }
    resource.diskSignature = signature;
  }
  return report('setResourceDiskIdentity', `"${resource.name}" now expects disk ${expectedIdentity(resource)} (was ${before}).`, {
    changes: [
      `${resource.name}: ${resource.diskIdType === 'GPT' ? 'DiskIdGuid' : 'DiskSignature'} ${before} → ${expectedIdentity(resource)}`,
    ],
    warnings: [
      'Microsoft documents "Do not change either property after this assignment is made": prefer breaking with identity revert. Keep this change in the recovery record.',
    ],
  });
}

/**
 * Health checking: after masking or identities changed, an online resource (not in maintenance) whose
 * owner node no longer sees its disk fails, as the real cluster fails it. Returns what failed.
 */
export function failResourcesThatLostTheirDisk(state: LabState): string[] {
  const warnings: string[] = [];
  const index = disksByIdentity(state);
  for (const cluster of state.clusters) {
    for (const resource of cluster.resources) {
      if (resource.state !== 'Online') continue;
      const node = ownerNodeOf(cluster, resource);
      if (diskFor(state, resource, node, index)) continue;
      if (resource.maintenanceMode) {
        warnings.push(...failDependentsOfLostDisk(cluster, resource, node));
        continue;
      }
      resource.state = 'Failed';
      resource.lastEvent = event1034(resource);
      warnings.push(
        `Cluster ${cluster.name}: "${resource.name}" lost its disk on ${node} and FAILED. ${resource.lastEvent} Put disk resources in maintenance mode or take them offline before masking their LUNs.`,
      );
    }
  }
  return warnings;
}

/**
 * Maintenance mode on a plain disk only turns health checking off: the disk stays Online(Maintenance), but what
 * runs on it (SQL Server and what depends on SQL Server) loses its files and fails
 * (docs/windows-facts.md#maintenance-mode-semantics).
 */
function failDependentsOfLostDisk(cluster: LabCluster, disk: LabDiskResource, node: string): string[] {
  const failed: string[] = [];
  const lost = new Set([disk.name.toLowerCase()]);
  for (let grew = true; grew;) {
    grew = false;
    for (const resource of cluster.applicationResources) {
      if (lost.has(resource.name.toLowerCase()) || !resource.dependencies.some((name) => lost.has(name.toLowerCase()))) continue;
      lost.add(resource.name.toLowerCase());
      grew = true;
      if (resource.state !== 'Online') continue;
      resource.state = 'Failed';
      failed.push(resource.name);
    }
  }
  if (failed.length === 0) return [];
  return [
    `Cluster ${cluster.name}: "${disk.name}" is in maintenance mode, but its disk is gone from ${node}: ${failed.join(', ')} lost ${failed.length === 1 ? 'its' : 'their'} files and FAILED. Maintenance mode does not protect what runs on a disk; take the dependents offline before masking its LUN.`,
  ];
}
