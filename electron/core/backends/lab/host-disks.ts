/**
 * What a Windows host does with the disks it is given: a disk that arrives with the signature of a disk
 * the host already has is silently given a new one (KB 293778: "If Ftdisk detects a 0 or duplicate
 * disk signature, then it writes a new signature"), which is the signature collision the cluster then
 * trips over; and volumes are read-only until someone clears the attribute.
 */
import type { OperationResult } from '../../../../shared/domain';
import type { HostDisk } from '../../backend';
import { deterministicGuid, deterministicSignature } from './deterministic';
import type { LabHost, LabLun, LabState } from './lab-model';
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
 * Step 5: clears the read-only and hidden volume attributes (diskpart `attributes volume clear`,
 * IVdsVolume ClearFlags) on LUNs the host sees. An unbroken shadow copy refuses: it stays read-only
 * until its set is broken.
 */
export function setVolumesReadWrite(
  state: LabState,
  params: { host: string; lunIds: string[] },
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
  }
  const reached = partialShare(luns, context.partial);
  for (const lun of reached) {
    lun.readOnly = false;
    lun.hidden = false;
  }
  const changes = reached.map((lun) => `${lun.name}: volumes read/write on ${host.name}`);
  const missed = luns.filter((lun) => !reached.includes(lun));
  if (missed.length > 0) {
    return new FailedWithEffect(
      windowsFailure(
        'VDS_E_PROVIDER_FAILURE',
        `Only ${reached.length} of ${luns.length} LUN(s) were made read/write on ${host.name}; ${missed.map((l) => l.name).join(', ')} still read-only. Run the step again: the ones already done are unaffected`,
      ),
    );
  }
  return report('setVolumesReadWrite', `The volumes of ${luns.map((l) => l.name).join(', ')} are read/write on ${host.name}.`, { changes });
}
