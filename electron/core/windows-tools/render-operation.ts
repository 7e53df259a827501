/**
 * The one place that turns a planned operation into the exact Windows commands: the Windows backend runs what this
 * renders, and the Lab previews its plans by calling it with addressing taken from its own estate. Every rule that
 * decides a command (who is on an access list, when diskraid uninstalls the local disk, when PowerShell remotes,
 * which tool breaks a set) lives here once, so a plan's commands are what runs (docs/architecture.md#windows-tools).
 */
import type { CommandPreview } from '../../../shared/recovery';
import type { ArrayManagement, Initiator, SnapshotSet } from '../../../shared/domain';
import { ShadowSwapError } from '../../../shared/errors';
import type { BreakMode } from '../../../shared/domain';
import { ALL_HOSTS, type PlannedDiskIdentity, type PlannedOperation, type ResourceOnNode } from '../backend';
import type { LunAccess } from './commands/diskraid-scripts';
import { checkedMaskingSessionCommand, checkedMaskingSessionOnHostCommand } from './commands/diskraid-session';
import {
  addVirtualDiskToMaskingSetCommand,
  maskingSetsOfVirtualDiskCommand,
  newMaskingSetCommand,
  removeVirtualDiskFromMaskingSetCommand,
} from './commands/masking-set-commands';
import { buildBreakScript, buildImportScript } from './commands/diskshadow-scripts';
import {
  clearDsrmBootCommand,
  clearRestoredFlagCommand,
  restartAndWaitCommand,
  resyncSysvolCommand,
  setDsrmBootCommand,
  setRestoredFlagCommand,
} from './commands/domain-controller-commands';
import {
  clearPartitionAttributesCommand,
  getDataPartitionsCommand,
  rescanNodeCommand,
  resumeClusterResourceCommand,
  setDiskResourceIdentityCommand,
  setDiskWritableCommand,
  setPendingDiskResourceIdentityCommand,
  startClusterResourceCommand,
  stopClusterResourceCommand,
  suspendClusterResourceCommand,
} from './commands/powershell-commands';
import { diskshadowOnHostCommand, vshadowOnHostCommand } from './commands/tool-on-host-commands';
import { buildBreakExArgs } from './commands/vshadow-args';

/**
 * A LUN as the Storage Management API (its virtual disk's UniqueId, the VPD page 0x83 identifier Get-Disk also
 * shows) and, on a VDS-only array, diskraid (subsystem and the index diskraid gives it now) address it.
 */
export interface LunAddress {
  name: string;
  arrayName: string;
  management: ArrayManagement;
  subsystem: number;
  lun: number;
  uniqueId: string | null;
}

/** A masking set on a Storage Management array and the hosts whose initiators it holds. */
export interface MaskingSetAddress {
  friendlyName: string;
  uniqueId: string;
  hosts: readonly string[];
}

/** What a backend knows about its estate that a command needs; each backend fills it from its own state. */
export interface WindowsAddressing {
  /**
   * The console's own computer: diskraid runs there unless a host that loses the LUN must uninstall its disk
   * (diskraidPlacement); diskshadow and vshadow run on the import host through remoting.
   */
  consoleComputer: string;
  /** The host that holds a LUN's disk that backs no cluster disk resource (diskHolderIn), or null when no set says. */
  diskHolder(lunId: string): string | null;
  /** Throws an operator error naming what is missing when the LUN is unknown. */
  lun(lunId: string): LunAddress;
  /** A host's initiators, or undefined when the host is unknown. */
  initiatorsOf(host: string): readonly Initiator[] | undefined;
  /** The masking sets on the LUN's array (none on a VDS-only array). */
  maskingSetsFor(lunId: string): readonly MaskingSetAddress[];
  /** Where the set's metadata .cab is on the console's computer; the import copies it to the same path on the import host. */
  metadataPath(setId: string): string;
}

/** A host named by NetBIOS or DNS name is the same computer by its first label, case-insensitively. */
export function sameComputer(a: string, b: string): boolean {
  const first = (name: string) => (name.split('.')[0] ?? name).toLowerCase();
  return first(a) === first(b);
}

/** Whether an access list (host names, or `*` alone for every host) lets `host` see the LUN. */
export function accessListIncludes(hosts: readonly string[], host: string): boolean {
  return hosts.includes(ALL_HOSTS) || hosts.some((h) => sameComputer(h, host));
}

/**
 * The diskraid access list for host names: their initiators, FC or iSCSI (one `unmask lun` cannot mix them).
 * `*` is never turned into `all`: a VDS provider grants it to the local computer only; plans name the hosts.
 */
export function accessFor(addressing: WindowsAddressing, hosts: readonly string[]): LunAccess {
  if (hosts.includes(ALL_HOSTS))
    throw new ShadowSwapError(
      'INVALID_REQUEST',
      '"*" (every host) is never sent to a VDS provider: it grants only the computer diskraid runs on. Name the hosts that must see the LUN.',
      { hosts },
    );
  if (hosts.length === 0) return { kind: 'none' };
  const initiators = hosts.flatMap((name) => {
    const known = addressing.initiatorsOf(name);
    if (known === undefined)
      throw new ShadowSwapError(
        'NOT_FOUND',
        `Host ${name} is not known to this estate, so its initiators are unknown. Add it with its FC WWNs or iSCSI names, then retry.`,
        { host: name },
      );
    if (known.length === 0)
      throw new ShadowSwapError(
        'PRECONDITION_FAILED',
        `Host ${name} has no initiators on record, so no LUN can be unmasked to it. Add its FC WWNs or iSCSI names.`,
        { host: name },
      );
    return known;
  });
  const wwns = initiators.flatMap((i) => (i.kind === 'fc' ? [i.wwn] : []));
  const iqns = initiators.flatMap((i) => (i.kind === 'iscsi' ? [i.iqn] : []));
  if (wwns.length > 0 && iqns.length > 0) {
    throw new ShadowSwapError(
      'PRECONDITION_FAILED',
      'These hosts reach the array through both Fibre Channel and iSCSI; one diskraid "unmask lun" sets either WWNs or iSCSI initiators, not both. Mask the LUN with the array vendor\'s tool.',
      { hosts },
    );
  }
  return wwns.length > 0 ? { kind: 'wwn', wwns } : { kind: 'iscsi', initiators: iqns };
}

/**
 * A LUN's planned access list and the list it has before the change; for a LUN backing a cluster disk resource, the
 * node the plan read as owning it (LunMaskRequest).
 */
export interface PlannedMask {
  lunId: string;
  hosts: readonly string[];
  before: readonly string[];
  diskHolder?: string;
}

/**
 * The host that holds a disk no cluster disk resource uses, from the newest set that names the LUN: an original is
 * held by the host the set was taken on (the requester runs where the disks are online), a shadow LUN by the host it
 * was imported to. A clustered disk is held by its resource's owner node, which moves with its group: the plan reads
 * it from the cluster and names it in the mask instead, since a failover since the set was taken is not in the
 * catalog (docs/windows-facts.md#diskraid-uninstall-runs-on-a-host-that-loses-the-lun).
 */
export function diskHolderIn(
  sets: readonly Pick<SnapshotSet, 'createdAt' | 'sourceHost' | 'importedTo' | 'shadowCopies'>[],
  lunId: string,
): string | null {
  const naming = sets.filter((set) => set.shadowCopies.some((c) => c.originalLunId === lunId || c.shadowLunId === lunId));
  const newest = naming.reduce<(typeof naming)[number] | null>((a, b) => (a === null || b.createdAt >= a.createdAt ? b : a), null);
  if (newest === null) return null;
  return newest.shadowCopies.some((c) => c.originalLunId === lunId) ? newest.sourceHost : newest.importedTo;
}

/** Where a VDS-only LUN's diskraid session runs, and whether it uninstalls the LUN's disk there before masking. */
export interface DiskraidPlacement {
  runsOn: string;
  uninstall: boolean;
}

/**
 * SetMask asks callers to uninstall the disk before masking it away, and diskraid's `uninstall` does it "on the local
 * system" only (docs/windows-facts.md#diskraid-uninstall-runs-on-a-host-that-loses-the-lun). So the session runs on a
 * host that loses the LUN, with `uninstall`: the host that holds its disk (the owner node the plan read for a
 * clustered disk, else diskHolderIn), else the console, else the first host of the list it had. Nobody losing it, the session runs on the console without. Every other host that loses the LUN
 * sees its disk disappear without an uninstall (System event 157): no documented tool prepares them.
 */
export function diskraidPlacement(addressing: WindowsAddressing, planned: PlannedMask): DiskraidPlacement {
  const loses = (host: string) => accessListIncludes(planned.before, host) && !accessListIncludes(planned.hosts, host);
  const here = addressing.consoleComputer;
  const holder = planned.diskHolder ?? addressing.diskHolder(planned.lunId);
  const runsOn = [holder, here, ...planned.before].find((host): host is string => host !== null && host !== ALL_HOSTS && loses(host));
  return runsOn === undefined ? { runsOn: here, uninstall: false } : { runsOn, uninstall: true };
}

/**
 * The checked diskraid session that replaces a VDS-only LUN's access list with `hosts`, where diskraidPlacement
 * puts it: on the console itself, or on another host through one remoting session.
 */
export function maskingScript(addressing: WindowsAddressing, planned: PlannedMask): string {
  const lun = addressing.lun(planned.lunId);
  const placement = diskraidPlacement(addressing, planned);
  const request = {
    lunName: lun.name,
    subsystem: lun.subsystem,
    lun: lun.lun,
    uniqueId: lun.uniqueId,
    access: accessFor(addressing, planned.hosts),
    uninstallLocalDisk: placement.uninstall,
  };
  return sameComputer(placement.runsOn, addressing.consoleComputer)
    ? checkedMaskingSessionCommand(request)
    : checkedMaskingSessionOnHostCommand(placement.runsOn, request);
}

/** The refusal for a host without a masking set on an array, with the command an administrator would run to create one. */
export function noMaskingSetError(request: {
  host: string;
  lunName: string;
  arrayName: string;
  initiators: readonly Initiator[];
}): ShadowSwapError {
  const create = newMaskingSetCommand({
    arrayName: request.arrayName,
    friendlyName: `${request.host}-${request.arrayName}`,
    initiators: request.initiators,
  });
  return new ShadowSwapError(
    'PRECONDITION_FAILED',
    `${request.host} has no masking set on ${request.arrayName}, so ${request.lunName} cannot be made visible to it: the array grants access only through masking sets. ` +
      `Create one for its initiators (check the name and the host type first): ${create}`,
    { host: request.host, command: create },
  );
}

/** The masking set holding a host's initiators on the LUN's array, or the error naming the command that creates one. */
export function maskingSetFor(addressing: WindowsAddressing, lunId: string, host: string): MaskingSetAddress {
  const set = addressing.maskingSetsFor(lunId).find((s) => s.hosts.some((h) => sameComputer(h, host)));
  if (set !== undefined) return set;
  const lun = addressing.lun(lunId);
  throw noMaskingSetError({ host, lunName: lun.name, arrayName: lun.arrayName, initiators: addressing.initiatorsOf(host) ?? [] });
}

/** The virtual disk's UniqueId of a LUN masked through masking sets, or the refusal saying why it cannot be. */
function maskedVirtualDisk(addressing: WindowsAddressing, planned: PlannedMask): string {
  const lun = addressing.lun(planned.lunId);
  if (lun.uniqueId === null)
    throw new ShadowSwapError(
      'PRECONDITION_FAILED',
      `${lun.name} reports no page 0x83 identifier, so its virtual disk cannot be found by UniqueId and it is not masked. Mask it with the array vendor's tool.`,
      { lunId: planned.lunId },
    );
  if (planned.hosts.includes(ALL_HOSTS))
    throw new ShadowSwapError(
      'INVALID_REQUEST',
      `${lun.arrayName} grants access through masking sets, which name their initiators: there is no "every host". Name the hosts that must see ${lun.name}.`,
      { lunId: planned.lunId },
    );
  return lun.uniqueId;
}

/**
 * Masking on a Storage Management array, for the LUNs of one batch: read which masking sets hold each virtual disk,
 * then one `Add-VirtualDiskToMaskingSet` per masking set that gains disks and one `Remove-VirtualDiskFromMaskingSet`
 * per set that loses some, each naming all its virtual disks (never a replaced list; additions first), then read each
 * again. The runner compares the first reads with the plan (drift) and the last with the goal (verification).
 */
export function maskingSetChanges(
  addressing: WindowsAddressing,
  planned: readonly PlannedMask[],
): { reads: { lunId: string; read: string }[]; changes: string[] } {
  const adding = new Map<string, string[]>();
  const removing = new Map<string, string[]>();
  const reads = planned.map((mask) => {
    const virtualDiskUniqueId = maskedVirtualDisk(addressing, mask);
    const gaining = mask.hosts.filter((h) => !accessListIncludes(mask.before, h));
    const losing = mask.before.filter((h) => h !== ALL_HOSTS && !accessListIncludes(mask.hosts, h));
    const note = (changes: Map<string, string[]>, hosts: readonly string[]) => {
      for (const set of new Set(hosts.map((h) => maskingSetFor(addressing, mask.lunId, h).uniqueId)))
        changes.set(set, [...(changes.get(set) ?? []), virtualDiskUniqueId]);
    };
    note(adding, gaining);
    note(removing, losing);
    return { lunId: mask.lunId, read: maskingSetsOfVirtualDiskCommand(virtualDiskUniqueId) };
  });
  return {
    reads,
    changes: [
      ...[...adding].map(([maskingSetUniqueId, virtualDiskUniqueIds]) =>
        addVirtualDiskToMaskingSetCommand({ maskingSetUniqueId, virtualDiskUniqueIds }),
      ),
      ...[...removing].map(([maskingSetUniqueId, virtualDiskUniqueIds]) =>
        removeVirtualDiskFromMaskingSetCommand({ maskingSetUniqueId, virtualDiskUniqueIds }),
      ),
    ],
  };
}

/**
 * Every command the access-list changes of one call run, in order: on the console's computer, the Storage
 * Management LUNs' reads, batched changes and read-backs; then one checked diskraid session per VDS-only LUN (no
 * batch form is known for diskraid), each where diskraidPlacement puts it.
 */
function maskingCommands(addressing: WindowsAddressing, planned: readonly PlannedMask[]): CommandPreview[] {
  const here = addressing.consoleComputer;
  const onConsole = (text: string): CommandPreview => ({ tool: 'powershell', runsOn: here, text });
  const vds = planned.filter((mask) => addressing.lun(mask.lunId).management === 'vds');
  const throughSets = planned.filter((mask) => !vds.includes(mask));
  const sessions = vds.map((mask): CommandPreview => ({
    tool: 'powershell',
    runsOn: diskraidPlacement(addressing, mask).runsOn,
    text: maskingScript(addressing, mask),
  }));
  if (throughSets.length === 0) return sessions;
  try {
    const { reads, changes } = maskingSetChanges(addressing, throughSets);
    const read = reads.map((r) => r.read);
    return [...[...read, ...changes, ...read].map(onConsole), ...sessions];
  } catch (error) {
    // What is missing (a masking set, an identifier) blocks the plan in preflight; the preview says it in place.
    if (!(error instanceof ShadowSwapError && error.code === 'PRECONDITION_FAILED')) throw error;
    return [onConsole(`# ${error.message}`), ...sessions];
  }
}

/**
 * The command that imports a set on its import host, run from the console through one remoting session: the
 * metadata .cab is copied there first unless the console is that host (docs/windows-facts.md#running-a-tool-on-the-import-host).
 */
export function importOnHostCommand(addressing: WindowsAddressing, planned: { setId: string; host: string }): string {
  const metadataPath = addressing.metadataPath(planned.setId);
  return diskshadowOnHostCommand({
    host: planned.host,
    script: buildImportScript({ metadataPath }),
    copyMetadata: sameComputer(planned.host, addressing.consoleComputer) ? null : metadataPath,
  });
}

/**
 * The command that breaks a set on the host that imported it. diskshadow `break` has no revert switch, so revert goes
 * through vshadow; the break is a session of its own, with the literal set id (docs/windows-facts.md#breaking-a-set).
 */
export function breakOnHostCommand(planned: { setId: string; mode: BreakMode; host: string }): string {
  if (planned.mode === 'revert-identity')
    return vshadowOnHostCommand({
      host: planned.host,
      args: buildBreakExArgs({ setId: planned.setId, mode: { kind: 'expose', readWrite: true, revertIdentity: 'force' } }),
    });
  return diskshadowOnHostCommand({
    host: planned.host,
    script: buildBreakScript(planned.setId, planned.mode === 'writable'),
    copyMetadata: null,
  });
}

/** Where a command about a LUN's disk runs: on `host`, remoted unless it is the console's own computer. */
function diskOnHost(addressing: WindowsAddressing, host: string, lunId: string): { disk: { uniqueId: string }; computer?: string } | null {
  const { uniqueId } = addressing.lun(lunId);
  if (uniqueId === null) return null;
  return sameComputer(host, addressing.consoleComputer) ? { disk: { uniqueId } } : { disk: { uniqueId }, computer: host };
}

function noUniqueId(addressing: WindowsAddressing, host: string, lunId: string, then: string): string {
  return `# ${addressing.lun(lunId).name} reports no page 0x83 identifier: find its disk number with Get-Disk on ${host}, then ${then}`;
}

/** The Set-Disk command that makes a LUN's disk writable as `host` sees it, remoted unless `host` is the console. */
export function writableDiskCommand(addressing: WindowsAddressing, host: string, lunId: string): string {
  const target = diskOnHost(addressing, host, lunId);
  return target === null ? noUniqueId(addressing, host, lunId, 'Set-Disk -Number N -IsReadOnly $false') : setDiskWritableCommand(target);
}

/** The Set-Partition commands that make a LUN's volumes usable as `host` sees them, and read the partitions back. */
export function usablePartitionsCommand(addressing: WindowsAddressing, host: string, lunId: string, driveLetter: string | null): string {
  const target = diskOnHost(addressing, host, lunId);
  return target === null
    ? noUniqueId(
        addressing,
        host,
        lunId,
        'Set-Partition -DiskNumber N -PartitionNumber P -IsReadOnly $false -IsHidden $false -IsShadowCopy $false -NoDefaultDriveLetter $false',
      )
    : clearPartitionAttributesCommand({ ...target, driveLetter });
}

/** The Get-Partition command that reads a LUN's data partitions as `host` sees them, or null without a UniqueId to find the disk by. */
export function partitionsCommand(addressing: WindowsAddressing, host: string, lunId: string): string | null {
  const target = diskOnHost(addressing, host, lunId);
  return target === null ? null : getDataPartitionsCommand(target);
}

export type OwnerNodeOperation =
  'suspendResource' | 'resumeResource' | 'stopResource' | 'startResource' | 'startApplicationResource' | 'stopApplicationResource';

const ownerNodeCommands: Record<OwnerNodeOperation, (request: { resource: string; ownerNode: string }) => string> = {
  suspendResource: suspendClusterResourceCommand,
  resumeResource: resumeClusterResourceCommand,
  stopResource: stopClusterResourceCommand,
  startResource: startClusterResourceCommand,
  // The same cmdlets as for disks: Start-/Stop-ClusterResource take any resource; only what they mean differs.
  startApplicationResource: startClusterResourceCommand,
  stopApplicationResource: stopClusterResourceCommand,
};

/** The cmdlet call, remoted to the owner node, that suspends, resumes, stops or starts a resource. */
export function ownerNodeCommand(operation: OwnerNodeOperation, ref: ResourceOnNode): string {
  return ownerNodeCommands[operation]({ resource: ref.resource, ownerNode: ref.onNode });
}

/** The Set-ClusterParameter call, on the owner node, that points a resource at a disk identity. */
export function diskIdentityCommand(ref: ResourceOnNode, identity: PlannedDiskIdentity): string {
  const request = { resource: ref.resource, ownerNode: ref.onNode };
  return 'signature' in identity
    ? setDiskResourceIdentityCommand({ ...request, signature: identity.signature })
    : setPendingDiskResourceIdentityCommand({ ...request, partitionStyle: identity.assignedAtBreak });
}

export type DomainControllerOperation = Extract<
  PlannedOperation,
  { operation: 'restartDomainController' | 'setDatabaseRestoredFlag' | 'resyncSysvol' }
>;

/**
 * A domain controller's commands, in order. They run from the console and reach the DC through remoting (the
 * console never runs on a DC it restarts); the boot entry is changed before the restart that uses it.
 */
export function domainControllerCommands(planned: DomainControllerOperation): string[] {
  switch (planned.operation) {
    case 'restartDomainController':
      return [
        planned.mode === 'dsrm' ? setDsrmBootCommand(planned.host) : clearDsrmBootCommand(planned.host),
        restartAndWaitCommand(planned.host),
      ];
    case 'setDatabaseRestoredFlag':
      return [planned.restored ? setRestoredFlagCommand(planned.host) : clearRestoredFlagCommand(planned.host)];
    case 'resyncSysvol':
      return [resyncSysvolCommand(planned.host, planned.authoritative)];
  }
}

/**
 * The exact commands one call to the backend runs: a planned operation, or the access-list changes of a step sent
 * as one batch (recovery/operation-order.ts says which go together).
 */
export function renderCall(operations: readonly PlannedOperation[], addressing: WindowsAddressing): CommandPreview[] {
  const masks = operations.flatMap((op) => (op.operation === 'setLunMask' ? [op] : []));
  if (masks.length > 1 && masks.length === operations.length) return maskingCommands(addressing, masks);
  return operations.flatMap((operation) => renderOperation(operation, addressing));
}

/** The exact commands a planned operation runs, where each runs. */
export function renderOperation(planned: PlannedOperation, addressing: WindowsAddressing): CommandPreview[] {
  const here = addressing.consoleComputer;
  switch (planned.operation) {
    case 'setLunMask':
      return maskingCommands(addressing, [planned]);
    case 'importSnapshotSet':
      return [{ tool: 'powershell', runsOn: planned.host, text: importOnHostCommand(addressing, planned) }];
    case 'breakSnapshotSet':
      return [{ tool: 'powershell', runsOn: planned.host, text: breakOnHostCommand(planned) }];
    case 'setVolumesReadWrite':
      // The disk first: a partition of a read-only disk cannot be made writable.
      return planned.lunIds.flatMap((lunId): CommandPreview[] => [
        { tool: 'powershell', runsOn: planned.host, text: writableDiskCommand(addressing, planned.host, lunId) },
        {
          tool: 'powershell',
          runsOn: planned.host,
          text: usablePartitionsCommand(addressing, planned.host, lunId, planned.driveLetters[lunId] ?? null),
        },
      ]);
    case 'rescanHostStorage':
      // Always through remoting, even to the console's own computer: the node rescans its own cache.
      return [{ tool: 'powershell', runsOn: planned.host, text: rescanNodeCommand(planned.host) }];
    case 'setResourceDiskIdentity':
      return [{ tool: 'powershell', runsOn: planned.onNode, text: diskIdentityCommand(planned, planned.identity) }];
    case 'restartDomainController':
    case 'setDatabaseRestoredFlag':
    case 'resyncSysvol':
      return domainControllerCommands(planned).map((text) => ({ tool: 'powershell', runsOn: here, text }));
    default:
      return [{ tool: 'powershell', runsOn: planned.onNode, text: ownerNodeCommand(planned.operation, planned) }];
  }
}
