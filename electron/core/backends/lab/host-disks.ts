/**
 * What a Windows host does with the disks it is given: a disk that arrives with the signature of a disk
 * the host already has is silently given a new one (KB 293778: "If Ftdisk detects a 0 or duplicate
 * disk signature, then it writes a new signature"), which is the signature collision the cluster then
 * trips over; and volumes are read-only until someone clears the attribute.
 */
import type { OperationResult } from '../../../../shared/domain';
import { ShadowSwapError } from '../../../../shared/errors';
import type { DriveLetters, HostDisk, PartitionReading } from '../../backend';
import { clusterResourceClaiming } from './cluster-service';
import { deterministicGuid, deterministicSignature } from './deterministic';
import { CLEAR_PARTITION, type LabHost, type LabLun, type LabState } from './lab-model';
import { findHost, findLun } from './lab-lookup';
import { FailedWithEffect, partialShare, report, type OperationContext } from './operation';
import { isVisibleTo, lunIdentityKey } from './visibility';
import { windowsFailure } from './windows-errors';

/** A fresh disk identity of the same style, as Windows or a provider writes it. */
export function freshIdentity(partitionStyle: LabLun['partitionStyle'], seed: string): string | null {
  if (partitionStyle === 'RAW') return null;
  return partitionStyle === 'GPT' ? deterministicGuid(`${seed}/disk-guid`) : deterministicSignature(`${seed}/signature`);
}

/**
 * Call after `lun` became visible to `hosts`. If one of them already sees another disk with the same
 * identity, the arriving disk gets a new one. Returns the warning to show, or null.
 */
export function resolveCollision(state: LabState, lun: LabLun, hosts: readonly string[], seed: string): string | null {
  const key = lunIdentityKey(lun);
  if (key === null || hosts.length === 0) return null;
  const twins = state.luns.filter((other) => other !== lun && lunIdentityKey(other) === key);
  const clashHost = hosts.find((host) => twins.some((twin) => isVisibleTo(twin, host)));
  if (clashHost === undefined) return null;
  const twin = twins.find((t) => isVisibleTo(t, clashHost));
  const old = lun.signature;
  lun.signature = freshIdentity(lun.partitionStyle, `${seed}/${lun.id}/${old}/collision`);
  return `${clashHost} already had a disk with identity ${old} (${twin?.name ?? 'another LUN'}), so Windows wrote a new one on ${lun.name}: ${lun.signature}. A cluster resource expecting ${old} will not find this disk.`;
}

/**
 * A host discovers a LUN the array newly presents to it only when it rescans its disks: a LUN unmasked to it is
 * undiscovered until then, and one masked away from it is gone at once (its I/O fails)
 * (docs/windows-facts.md#rescan-with-update-hoststoragecache). Call after a mask change with who gained and lost it.
 */
export function recordMaskChange(state: LabState, lun: LabLun, gained: readonly string[], lost: readonly string[]): void {
  for (const name of gained) {
    const host = findHost(state, name);
    if (!host.undiscoveredLunIds.includes(lun.id)) host.undiscoveredLunIds.push(lun.id);
  }
  for (const name of lost) {
    const host = findHost(state, name);
    host.undiscoveredLunIds = host.undiscoveredLunIds.filter((id) => id !== lun.id);
  }
}

/** Whether the host itself lists the LUN's disk: the array presents it and the host has discovered it. */
export function hostListsDisk(host: LabHost, lun: LabLun): boolean {
  return isVisibleTo(lun, host.name) && !host.undiscoveredLunIds.includes(lun.id);
}

/** Get-Disk as run on the host: the disks it has discovered, by UniqueId (the LUN's first page 0x83 identifier). */
export function hostDisks(state: LabState, hostName: string): HostDisk[] {
  const host = findHost(state, hostName);
  return state.luns
    .filter((lun) => hostListsDisk(host, lun))
    .map((lun, index) => ({
      lunId: lun.id,
      uniqueId: lun.identifiers[0]?.value ?? null,
      number: index + 1,
      readOnly: lun.readOnly,
      offline: false,
      signature: lun.signature,
    }));
}

/** Update-HostStorageCache on the host: it discovers every LUN the array presents to it. */
export function rescanHost(state: LabState, params: { host: string }): OperationResult {
  const host = findHost(state, params.host);
  const found = state.luns.filter((lun) => host.undiscoveredLunIds.includes(lun.id) && isVisibleTo(lun, host.name));
  host.undiscoveredLunIds = [];
  return report(
    'rescanHostStorage',
    found.length === 0
      ? `${host.name} rescanned its disks; it had already discovered every LUN the array presents to it.`
      : `${host.name} rescanned its disks and discovered ${found.map((l) => l.name).join(', ')}.`,
    { changes: found.map((lun) => `${host.name} now lists the disk of ${lun.name}`) },
  );
}

/**
 * Step 5 (docs/windows-facts.md#partition-attributes-after-the-break): makes the disks writable, clears the
 * attributes the shadow copy left on their partitions (Set-Partition, diskpart `attributes volume clear`) and puts
 * the wanted drive letters back, on LUNs the host sees. An unbroken shadow copy refuses: it stays read-only until its
 * set is broken. A disk the host's cluster manages refuses unless its resource is online in maintenance mode
 * (MSFT_Disk 41018, docs/windows-facts.md#clustered-disk-changes-need-maintenance-mode-and-online).
 */
export function setVolumesReadWrite(
  state: LabState,
  params: { host: string; lunIds: string[]; driveLetters?: DriveLetters },
  context: OperationContext,
): OperationResult | FailedWithEffect {
  const host = findHost(state, params.host);
  const luns = [...new Set(params.lunIds.map((id) => findLun(state, id)))];
  for (const lun of luns) {
    if (!hostListsDisk(host, lun)) {
      throw windowsFailure(
        'VDS_E_OPERATION_DENIED',
        `${host.name} does not list the disk of ${lun.name}, so it cannot change its volumes. Unmask it to ${host.name} and rescan ${host.name}'s disks first`,
        'PRECONDITION_FAILED',
      );
    }
    if (lun.state === 'shadow') {
      throw windowsFailure(
        'VDS_E_OPERATION_DENIED',
        `${lun.name} is a shadow copy that has not been broken; shadow copies stay read-only. Break the set first`,
        'PRECONDITION_FAILED',
      );
    }
    requireMaintenanceIfClustered(state, lun, host.name);
  }
  const wanted = (lun: LabLun) => params.driveLetters?.[lun.id] ?? null;
  for (const lun of luns) requireLetterFree(state, lun, host.name, wanted(lun));
  const reached = partialShare(luns, context.partial);
  for (const lun of reached) {
    lun.readOnly = false;
    lun.partition = { ...CLEAR_PARTITION };
    const letter = wanted(lun);
    if (letter !== null) lun.volumes = lun.volumes.map((volume, i) => (i === 0 ? { ...volume, driveLetter: letter } : volume));
  }
  const changes = reached.map((lun) => {
    const letter = lun.volumes[0]?.driveLetter ?? null;
    return `${lun.name}: read/write, visible, not a shadow copy on ${host.name}${letter === null ? ', no drive letter' : `, mounted as ${letter}`}`;
  });
  const missed = luns.filter((lun) => !reached.includes(lun));
  if (missed.length > 0) {
    return new FailedWithEffect(
      windowsFailure(
        'VDS_E_PROVIDER_FAILURE',
        `Only ${reached.length} of ${luns.length} LUN(s) were made usable on ${host.name}; ${missed.map((l) => l.name).join(', ')} still read-only and hidden. Run the step again: the ones already done are unaffected`,
      ),
    );
  }
  return report('setVolumesReadWrite', `The volumes of ${luns.map((l) => l.name).join(', ')} are read/write and mounted on ${host.name}.`, {
    changes,
  });
}

/**
 * The documented text of MSFT_Disk return value 41018. The Lab refuses the partition changes with it too: step 5 makes
 * both in one maintenance window (docs/windows-facts.md#clustered-disk-changes-need-maintenance-mode-and-online).
 */
const MANAGED_BY_CLUSTER =
  'The specified object is managed by the Microsoft Failover Clustering component. The disk must be in cluster maintenance mode and the cluster resource status must be online to perform this operation.';

function requireMaintenanceIfClustered(state: LabState, lun: LabLun, host: string): void {
  const resource = clusterResourceClaiming(state, lun, host);
  if (resource === null || (resource.state === 'Online' && resource.maintenanceMode)) return;
  const now = resource.state === 'Online' ? 'Online, not in maintenance mode' : resource.state;
  throw new ShadowSwapError(
    'PRECONDITION_FAILED',
    `Cannot change the disk or partitions of ${lun.name} on ${host}: the disk belongs to cluster resource "${resource.name}", which is ${now}. Bring it online and put it in maintenance mode (Suspend-ClusterResource) first, then clear the attributes (41018: ${MANAGED_BY_CLUSTER})`,
    { status: 41018, resource: resource.name },
  );
}

function requireLetterFree(state: LabState, lun: LabLun, host: string, letter: string | null): void {
  if (letter === null) return;
  const holder = state.luns.find(
    (other) =>
      other !== lun && isVisibleTo(other, host) && other.volumes.some((v) => v.driveLetter?.toUpperCase() === letter.toUpperCase()),
  );
  if (holder)
    throw new ShadowSwapError(
      'PRECONDITION_FAILED',
      `Cannot give ${lun.name} the drive letter ${letter} on ${host}: ${holder.name} holds it there. Free ${letter} on ${host} (or mask ${holder.name} away), then run the step again`,
    );
}

/** The data partitions of these LUNs as `host` sees them (Get-Partition); a LUN it does not see is not present. */
export function readPartitions(state: LabState, params: { host: string; lunIds: string[] }): PartitionReading[] {
  const host = findHost(state, params.host);
  return params.lunIds.map((lunId) => {
    const lun = findLun(state, lunId);
    if (!isVisibleTo(lun, host.name)) return { lunId, present: false, partitions: [] };
    return {
      lunId,
      present: true,
      partitions: lun.volumes.map((volume, i) => ({ number: i + 1, driveLetter: volume.driveLetter, mountPoints: [], ...lun.partition })),
    };
  });
}
